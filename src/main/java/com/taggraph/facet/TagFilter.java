package com.taggraph.facet;

import java.util.List;

/**
 * Which tags to select: facet values (AND across facets, OR within one), a class and its
 * subtree, a name, lifecycle statuses (none given: every status).
 */
record TagFilter(List<String> facetValues, String classCode, String text, List<String> status) {

	static final TagFilter ALL = new TagFilter(List.of(), null, null, null);

	TagFilter {
		facetValues = facetValues == null ? List.of() : List.copyOf(facetValues);
		status = status == null || status.isEmpty() ? null : List.copyOf(status);
		text = text == null || text.isBlank() ? null : text.strip();
	}
}
