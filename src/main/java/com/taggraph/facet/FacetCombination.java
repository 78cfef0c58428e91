package com.taggraph.facet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.taggraph.taxonomy.Tag;

/**
 * A combination of facet values (组配) applied to tags: AND across top-level facets, OR
 * among the chosen values of one facet. Counts are disjunctive: a facet's counts ignore
 * that facet's own choice, so each tells how many tags picking that value instead would
 * give.
 */
final class FacetCombination {

	/** The chosen value codes, grouped by their top-level facet. */
	private final Map<String, Set<String>> chosen = new LinkedHashMap<>();

	FacetCombination(Iterable<FacetValue> values) {
		for (FacetValue v : values) {
			chosen.computeIfAbsent(v.topFacetCode(), k -> new LinkedHashSet<>()).add(v.code());
		}
	}

	/** The tags matching every facet's choice, in the given order. */
	List<Tag> select(List<FacetRepository.TagValues> tags) {
		return tags.stream().filter(t -> matches(t.values(), null)).map(FacetRepository.TagValues::tag).toList();
	}

	/**
	 * For each top-level facet, each of its values (sub-facets' included) with the
	 * disjunctive count.
	 */
	List<TagConnection.FacetCount> counts(List<Facet> facets, Map<String, List<FacetValue>> valuesByFacet,
			List<FacetRepository.TagValues> tags) {
		List<TagConnection.FacetCount> result = new ArrayList<>();
		for (Facet facet : facets) {
			List<Set<String>> others = tags.stream()
				.filter(t -> matches(t.values(), facet.code()))
				.map(FacetRepository.TagValues::values)
				.toList();
			Set<String> own = chosen.getOrDefault(facet.code(), Set.of());
			List<TagConnection.ValueCount> counts = new ArrayList<>();
			for (FacetValue value : valuesByFacet.getOrDefault(facet.code(), List.of())) {
				int count = (int) others.stream().filter(v -> v.contains(value.code())).count();
				counts.add(new TagConnection.ValueCount(value, count, own.contains(value.code())));
			}
			result.add(new TagConnection.FacetCount(facet, counts));
		}
		return result;
	}

	/**
	 * Whether a tag's values meet the choice of every facet except {@code ignoredFacet}.
	 */
	private boolean matches(Set<String> values, String ignoredFacet) {
		for (var choice : chosen.entrySet()) {
			if (!choice.getKey().equals(ignoredFacet) && values.stream().noneMatch(choice.getValue()::contains)) {
				return false;
			}
		}
		return true;
	}

}
