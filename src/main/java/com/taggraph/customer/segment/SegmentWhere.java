package com.taggraph.customer.segment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A tag combination (组配) selecting a segment: every {@code allOf} group must match (AND),
 * a group matches a customer carrying any of its codes (OR), and no {@code noneOf} code
 * may match (NOT). A code is a tag, or a class meaning any tag in that class or below it.
 */
public record SegmentWhere(List<AnyOf> allOf, List<String> noneOf) {

	/** One group of alternatives: a customer matches it by carrying any of the codes. */
	public record AnyOf(List<String> anyOf) {

		public AnyOf {
			anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
		}
	}

	public SegmentWhere {
		allOf = allOf == null ? List.of() : List.copyOf(allOf);
		noneOf = noneOf == null ? List.of() : List.copyOf(noneOf);
	}

	/** Every code named anywhere in the combination, in order of appearance. */
	Set<String> codes() {
		Set<String> codes = new LinkedHashSet<>();
		allOf.forEach(group -> codes.addAll(group.anyOf()));
		codes.addAll(noneOf);
		return codes;
	}
}
