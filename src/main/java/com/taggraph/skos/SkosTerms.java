package com.taggraph.skos;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * TagGraph's own RDF terms, for what SKOS cannot say (which concepts are tags, a class's
 * division flags), and the IRIs the export mints. The namespace is fixed, so files from
 * any installation read alike; the base of the minted IRIs is
 * {@code taggraph.skos.base-iri}.
 */
final class SkosTerms {

	static final String NS = "https://taggraph.example/ns#";

	static final Resource TAG_CLASS = ResourceFactory.createResource(NS + "TagClass");
	static final Resource TAG = ResourceFactory.createResource(NS + "Tag");
	static final Resource FACET = ResourceFactory.createResource(NS + "Facet");
	static final Resource FACET_VALUE = ResourceFactory.createResource(NS + "FacetValue");
	static final Property EXCLUSIVE = ResourceFactory.createProperty(NS + "exclusive");
	static final Property EXHAUSTIVE = ResourceFactory.createProperty(NS + "exhaustive");
	static final Property SCOPE = ResourceFactory.createProperty(NS + "scope");
	static final Property OVERLAP_REASON = ResourceFactory.createProperty(NS + "overlapReason");
	static final Property STATUS = ResourceFactory.createProperty(NS + "status");

	/** Labels and notes are written in Chinese, the library's language. */
	static final String LANGUAGE = "zh";

	private final String base;

	SkosTerms(String base) {
		this.base = base;
	}

	String scheme(String code) {
		return base + "scheme/" + segment(code == null ? "taggraph" : code);
	}

	/** Classes and tags share one code space, and so one IRI space. */
	String concept(String code) {
		return base + "concept/" + segment(code);
	}

	/** Facets and values share one code space, and so one IRI space. */
	String facet(String code) {
		return base + "facet/" + segment(code);
	}

	/** Codes may hold '/', which would start a new path segment. */
	private static String segment(String code) {
		return code.replace("%", "%25").replace("/", "%2F");
	}

}
