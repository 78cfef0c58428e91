package com.taggraph.skos;

import java.util.List;

/**
 * The controlled vocabulary in TagGraph's own terms, as SKOS carries it: what the export
 * reads from the graph and the import writes to it. Lists are in code order, so two
 * libraries compare with equals.
 */
record SkosLibrary(Scheme scheme, List<ClassEntry> classes, List<TagEntry> tags, List<FacetEntry> facets,
		List<ValueEntry> values) {

	/** The library's scheme; null fields where the database has none. */
	record Scheme(String code, String name, String version, String note) {
	}

	record ClassEntry(String code, String name, String criterion, boolean exclusive, boolean exhaustive, String scope,
			String parent, String overlapReason) {
	}

	/**
	 * A tag with the codes of its facet values and the texts of the free tags taken into
	 * it.
	 */
	record TagEntry(String code, String name, String rule, String status, String classCode, List<String> values,
			List<String> synonyms) {
	}

	record FacetEntry(String code, String name, String criterion, String parent) {
	}

	record ValueEntry(String code, String name, String facet) {
	}

	int size() {
		return classes.size() + tags.size() + facets.size() + values.size();
	}
}
