package com.taggraph.graph;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

import com.taggraph.error.DomainException;

/**
 * Keyset paging of the app's lists in Spring Data's terms: a read starts after the key a
 * {@link ScrollPosition} names and returns a {@link Window} whose items carry their own
 * positions. Each list names its key (tag code, event id…), so a position taken from one
 * list is refused by another instead of paging it from nowhere.
 */
public final class Keyset {

	private Keyset() {
	}

	/**
	 * The page size asked for, {@code byDefault} when none: INVALID_INPUT on
	 * {@code first} outside 1 to max.
	 */
	public static int size(Integer first, int byDefault, int max) {
		int size = first == null ? byDefault : first;
		if (size < 1 || size > max) {
			throw DomainException.invalid("first", "must be between 1 and %d, was %d".formatted(max, size));
		}
		return size;
	}

	/**
	 * The key a page starts after: null from the start (no position, or the initial one);
	 * INVALID_INPUT on {@code after} for a position of another list or of another kind.
	 */
	public static String after(ScrollPosition position, String key) {
		if (position == null || position.isInitial()) {
			return null;
		}
		if (position instanceof KeysetScrollPosition keyset && keyset.scrollsForward() && keyset.getKeys().size() == 1
				&& keyset.getKeys().get(key) instanceof String value) {
			return value;
		}
		throw DomainException.invalid("after", "not a cursor of this list");
	}

	/**
	 * The keys a page starts after, for a list ordered by several values (a rank, then a
	 * code): empty from the start; INVALID_INPUT on {@code after} unless the position
	 * names exactly these keys.
	 */
	public static Map<String, Object> afterKeys(ScrollPosition position, Set<String> keys) {
		if (position == null || position.isInitial()) {
			return Map.of();
		}
		if (position instanceof KeysetScrollPosition keyset && keyset.scrollsForward()
				&& keyset.getKeys().keySet().equals(keys)) {
			return keyset.getKeys();
		}
		throw DomainException.invalid("after", "not a cursor of this list");
	}

	/**
	 * As {@link #window(List, int, String, Function)}, each item positioned by several
	 * keys.
	 */
	public static <T> Window<T> windowByKeys(List<T> rows, int size, Function<T, Map<String, ?>> keysOf) {
		List<T> page = List.copyOf(rows.subList(0, Math.min(size, rows.size())));
		return Window.from(page, i -> ScrollPosition.forward(keysOf.apply(page.get(i))), rows.size() > size);
	}

	/**
	 * A window of the first {@code size} rows of a read that asked for {@code size + 1},
	 * so the extra row says whether more follow; each item's position is its key.
	 */
	public static <T> Window<T> window(List<T> rows, int size, String key, Function<T, String> keyOf) {
		List<T> page = List.copyOf(rows.subList(0, Math.min(size, rows.size())));
		return Window.from(page, i -> ScrollPosition.forward(Map.of(key, keyOf.apply(page.get(i)))),
				rows.size() > size);
	}

}
