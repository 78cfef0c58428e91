package com.taggraph.facet;

import java.util.List;

import com.taggraph.taxonomy.Tag;
import com.taggraph.web.Connection;

/**
 * One page of a tag selection as the generic connection, with the selection's disjunctive
 * facet counts.
 */
final class TagConnection extends Connection<Tag> {

	private final List<FacetCount> facetCounts;

	TagConnection(Connection<Tag> page, List<FacetCount> facetCounts) {
		super(page);
		this.facetCounts = List.copyOf(facetCounts);
	}

	public List<FacetCount> facetCounts() {
		return facetCounts;
	}

	/** The counts of one top-level facet's values. */
	record FacetCount(Facet facet, List<ValueCount> values) {
	}

	/** How many tags one value would give. */
	record ValueCount(FacetValue value, int count, boolean selected) {
	}

}
