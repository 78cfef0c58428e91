package com.taggraph.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The answers of a batch mapping: each item of the batch with what one read found for its
 * key (a code, an id). The read takes every key of the batch at once, so a field costs
 * one query per response, however many items it has.
 */
public final class BatchAnswers {

	private BatchAnswers() {
	}

	/** The distinct keys of the items, nulls left out. */
	public static <T> List<String> keys(Collection<T> items, Function<T, String> key) {
		return items.stream().map(key).filter(Objects::nonNull).distinct().toList();
	}

	/**
	 * Each item with the one value read for its key; an item whose key found nothing is
	 * left out, so its field is null.
	 */
	public static <T, V> Map<T, V> one(Collection<T> items, Function<T, String> key,
			Function<List<String>, Map<String, V>> read) {
		Map<String, V> found = read.apply(keys(items, key));
		Map<T, V> answers = new HashMap<>();
		for (T item : items) {
			String k = key.apply(item);
			if (k != null && found.containsKey(k)) {
				answers.put(item, found.get(k));
			}
		}
		return answers;
	}

	/** Each item with the list read for its key: empty when nothing was. */
	public static <T, V> Map<T, List<V>> many(Collection<T> items, Function<T, String> key,
			Function<List<String>, Map<String, List<V>>> read) {
		Map<String, List<V>> found = read.apply(keys(items, key));
		Map<T, List<V>> answers = new HashMap<>();
		for (T item : items) {
			String k = key.apply(item);
			answers.put(item, k == null ? List.of() : found.getOrDefault(k, List.of()));
		}
		return answers;
	}

}
