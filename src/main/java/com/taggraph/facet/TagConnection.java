package com.taggraph.facet;

import java.util.List;

import com.taggraph.taxonomy.Tag;

/**
 * One page of a tag selection as a Relay connection ordered by code, with disjunctive facet counts.
 * The class name ends in "Connection", so Spring for GraphQL's connection adapter passes it through.
 */
record TagConnection(List<Edge> edges, PageInfo pageInfo, int totalCount, List<FacetCount> facetCounts) {

	/** One tag of the page. */
	record Edge(String cursor, Tag node) {
	}

	/** Where the page sits in the whole list. */
	record PageInfo(boolean hasPreviousPage, boolean hasNextPage, String startCursor, String endCursor) {
	}

	/** The counts of one top-level facet's values. */
	record FacetCount(Facet facet, List<ValueCount> values) {
	}

	/** How many tags one value would give. */
	record ValueCount(FacetValue value, int count, boolean selected) {
	}
}
