package com.taggraph.facet;

import java.util.List;

/** Which tags to select: facet values (AND across facets, OR within one), a class and its subtree, a name. */
record TagFilter(List<String> facetValues, String classCode, String text) {

	static final TagFilter ALL = new TagFilter(List.of(), null, null);

	TagFilter {
		facetValues = facetValues == null ? List.of() : List.copyOf(facetValues);
		text = text == null || text.isBlank() ? null : text.strip();
	}
}
