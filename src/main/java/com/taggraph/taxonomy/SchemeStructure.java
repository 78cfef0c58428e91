package com.taggraph.taxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The structural rules GraphQL writes refuse with {@code STRUCTURAL_RULE}, checked for a
 * whole import at once: the class tree as it would stand after the import, against the
 * tree before it. Pure Java, so each import (class-scheme CSV, SKOS) feeds it from the
 * snapshot it already reads.
 * <ul>
 * <li>{@link #DIVISION_WITHOUT_CRITERION}: a class with lower classes has a criterion
 * (划分标准).</li>
 * <li>{@link #EXHAUSTIVE_CLASS_EMPTY}: an exhaustive class holds a tag at or below
 * it.</li>
 * </ul>
 * Only what the import touches is reported: a class it names, a class it gives a lower
 * class, or an exhaustive class it empties. A violation already in the library and
 * untouched stays the rule report's business, as it is for GraphQL writes.
 */
public final class SchemeStructure {

	/**
	 * Named like the rule report's checks and the {@code rule} of a refused GraphQL
	 * write.
	 */
	public static final String DIVISION_WITHOUT_CRITERION = "DIVISION_WITHOUT_CRITERION";

	public static final String EXHAUSTIVE_CLASS_EMPTY = "EXHAUSTIVE_CLASS_EMPTY";

	/** One class as the rules see it. */
	public record Node(String parent, String criterion, boolean exhaustive) {
	}

	/**
	 * @param rule {@link #DIVISION_WITHOUT_CRITERION} or {@link #EXHAUSTIVE_CLASS_EMPTY}
	 * @param code the class that breaks the rule
	 * @param through the class of the import that brings the violation about, when it is
	 * not {@code code} itself (a lower class placed under a class without criterion);
	 * else null
	 * @param message what is wrong and how to fix it
	 */
	public record Violation(String rule, String code, String through, String message) {
	}

	private SchemeStructure() {
	}

	/**
	 * @param before every class before the import, by code
	 * @param after every class after it, by code (the tree must be acyclic: check cycles
	 * first)
	 * @param tagsBefore classes holding a tag directly, before
	 * @param tagsAfter classes holding a tag directly, after
	 * @param touched the classes the import names
	 */
	public static List<Violation> check(Map<String, Node> before, Map<String, Node> after, Set<String> tagsBefore,
			Set<String> tagsAfter, Set<String> touched) {
		List<Violation> found = new ArrayList<>();
		Map<String, Set<String>> lower = new TreeMap<>();
		after.forEach((code, node) -> {
			// a class that is its own parent is a cycle, reported as one by the caller
			if (node.parent() != null && !node.parent().equals(code) && after.containsKey(node.parent())) {
				lower.computeIfAbsent(node.parent(), k -> new TreeSet<>()).add(code);
			}
		});
		lower.forEach((code, children) -> {
			if (blank(after.get(code).criterion())) {
				if (touched.contains(code)) {
					found.add(new Violation(DIVISION_WITHOUT_CRITERION, code, null,
							"class '%s' has lower classes (%s) but no criterion (划分标准): give it the criterion they are divided by"
								.formatted(code, list(children))));
				}
				else {
					children.stream()
						.filter(touched::contains)
						.findFirst()
						.ifPresent(child -> found.add(new Violation(DIVISION_WITHOUT_CRITERION, code, child,
								"class '%s' has no criterion (划分标准), so '%s' cannot be placed under it: give '%s' its criterion first"
									.formatted(code, child, code))));
				}
			}
		});
		Set<String> holdsAfter = holding(after, tagsAfter);
		Set<String> holdsBefore = holding(before, tagsBefore);
		new TreeMap<>(after).forEach((code, node) -> {
			if (node.exhaustive() && !holdsAfter.contains(code)) {
				if (touched.contains(code)) {
					found.add(new Violation(EXHAUSTIVE_CLASS_EMPTY, code, null,
							"class '%s' is exhaustive but holds no tag at or below it: import it without exhaustive, add its tags, then mark it exhaustive"
								.formatted(code)));
				}
				else if (holdsBefore.contains(code)) {
					found.add(new Violation(EXHAUSTIVE_CLASS_EMPTY, code, null,
							"the import would leave exhaustive class '%s' with no tag at or below it".formatted(code)));
				}
			}
		});
		return found;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/**
	 * Classes holding a tag at or below them: each tag-holding class and every class
	 * above it.
	 */
	private static Set<String> holding(Map<String, Node> tree, Set<String> withTags) {
		Set<String> holds = new HashSet<>();
		for (String code : withTags) {
			String at = code;
			// a guard against cycles, which the caller should have refused already
			for (int steps = 0; at != null && tree.containsKey(at) && holds.add(at) && steps <= tree.size(); steps++) {
				at = tree.get(at).parent();
			}
		}
		return holds;
	}

	private static String list(Set<String> codes) {
		List<String> shown = codes.stream().limit(5).map(c -> "'" + c + "'").toList();
		return String.join(", ", shown) + (codes.size() > 5 ? " and %d more".formatted(codes.size() - 5) : "");
	}

}
