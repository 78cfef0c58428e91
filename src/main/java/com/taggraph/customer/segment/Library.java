package com.taggraph.customer.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The class tree as the index needs it: which tags sit in or below each class, the
 * branches of exclusive classes, and the customer scopes of exhaustive ones. Immutable.
 */
final class Library {

	/** One class with the tags sitting directly in it. */
	record ClassNode(String code, String parent, boolean exclusive, boolean exhaustive, String scope,
			List<String> tags) {
	}

	/**
	 * One branch of an exclusive class: a lower class (with everything below it) or a tag
	 * directly in it.
	 */
	record Branch(String code, List<String> tags) {
	}

	static final Library EMPTY = new Library(List.of(), Map.of());

	private final Map<String, ClassNode> classes = new TreeMap<>();

	private final Map<String, List<String>> children = new HashMap<>();

	private final Map<String, List<String>> deepTags = new HashMap<>();

	private final Set<String> tagCodes = new HashSet<>();

	private final Map<String, List<String>> scopes;

	/**
	 * @param scopes each scope value (F4) with the tags whose carriers are in it
	 * ({@code customersWithAnyOf})
	 */
	Library(List<ClassNode> classes, Map<String, List<String>> scopes) {
		classes.forEach(c -> this.classes.put(c.code(), c));
		for (ClassNode c : this.classes.values()) {
			if (c.parent() != null && this.classes.containsKey(c.parent())) {
				children.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c.code());
			}
		}
		this.classes.values().forEach(c -> tagCodes.addAll(c.tags()));
		this.classes.keySet()
			.forEach(code -> deepTags.put(code,
					List.copyOf(collectTags(code, new LinkedHashSet<>(), new LinkedHashSet<>()))));
		this.scopes = Map.copyOf(scopes);
	}

	private Set<String> collectTags(String code, Set<String> tags, Set<String> seen) {
		if (seen.add(code)) {
			tags.addAll(classes.get(code).tags());
			children.getOrDefault(code, List.of()).forEach(child -> collectTags(child, tags, seen));
		}
		return tags;
	}

	/**
	 * The tags a code stands for: itself for a tag, every tag in the class or below for a
	 * class; null when the code names neither.
	 */
	List<String> resolve(String code) {
		if (tagCodes.contains(code)) {
			return List.of(code);
		}
		return classes.containsKey(code) ? tagsAtOrBelow(code) : null;
	}

	boolean hasClass(String code) {
		return classes.containsKey(code);
	}

	/** Classes ordered by code. */
	Iterable<ClassNode> classes() {
		return Collections.unmodifiableCollection(classes.values());
	}

	ClassNode tagClass(String code) {
		return classes.get(code);
	}

	/** Tags in the class or any class below it; empty for an unknown class. */
	List<String> tagsAtOrBelow(String code) {
		return deepTags.getOrDefault(code, List.of());
	}

	/** The class and every class below it, ordered by code. */
	List<String> classAndBelow(String code) {
		List<String> codes = new ArrayList<>();
		collectClasses(code, codes, new LinkedHashSet<>());
		Collections.sort(codes);
		return codes;
	}

	private void collectClasses(String code, List<String> codes, Set<String> seen) {
		if (classes.containsKey(code) && seen.add(code)) {
			codes.add(code);
			children.getOrDefault(code, List.of()).forEach(child -> collectClasses(child, codes, seen));
		}
	}

	/** The branches an exclusive class divides its customers into. */
	List<Branch> branches(String code) {
		List<Branch> branches = new ArrayList<>();
		children.getOrDefault(code, List.of())
			.stream()
			.sorted()
			.forEach(child -> branches.add(new Branch(child, tagsAtOrBelow(child))));
		classes.get(code).tags().stream().sorted().forEach(tag -> branches.add(new Branch(tag, List.of(tag))));
		return branches;
	}

	/**
	 * The tags whose carriers form a scope value, or null when the value is unknown or
	 * defines no customers (then the whole customer base is in scope).
	 */
	List<String> scopeTags(String scope) {
		return scope == null ? null : scopes.get(scope);
	}

}
