package com.taggraph.audit;

/**
 * What a change event touched: the node label (stored as the event's {@code kind}, so Browser queries
 * read naturally), the property that keys it, and the relationship state recorded next to its
 * properties. Labels and Cypher here are constants, never request text.
 */
public enum ChangeKind {

	TAG_CLASS("TagClass", "code", "parent: [(n)-[:BROADER]->(p:TagClass) | p.code][0]"),
	TAG("Tag", "code", """
			tagClass: [(n)-[:IN_CLASS]->(c:TagClass) | c.code][0],
			facetValues: COLLECT { MATCH (n)-[:HAS_FACET_VALUE]->(v:FacetValue) RETURN v.code ORDER BY v.code },
			derivedFrom: COLLECT { MATCH (n)-[:DERIVED_FROM]->(s) RETURN s.code ORDER BY s.code }"""),
	FACET("Facet", "code", "parent: [(n)-[:SUB_FACET_OF]->(p:Facet) | p.code][0]"),
	FACET_VALUE("FacetValue", "code", "facet: [(n)-[:OF_FACET]->(f:Facet) | f.code][0]"),
	SOURCE_SYSTEM("SourceSystem", "code", ""),
	SOURCE_TABLE("SourceTable", "code", "system: [(n)-[:IN_SYSTEM]->(s:SourceSystem) | s.code][0]"),
	SOURCE_FIELD("SourceField", "code", "table: [(n)-[:IN_TABLE]->(t:SourceTable) | t.code][0]"),
	CUSTOMER("Customer", "id", """
			tags: COLLECT { MATCH (n)-[:HAS_TAG]->(t:Tag) RETURN t.code ORDER BY t.code },
			freeTags: COLLECT { MATCH (n)-[:HAS_FREE_TAG]->(f:FreeTag) RETURN f.normalized ORDER BY f.normalized }"""),
	FREE_TAG("FreeTag", "normalized", """
			promotedTo: [(n)-[:PROMOTED_TO]->(t:Tag) | t.code][0],
			synonymOf: [(n)-[:SYNONYM_OF]->(t:Tag) | t.code][0]"""),
	SEGMENT("Segment", "name", ""),
	/** A bulk import as a whole: one event per import, keyed by the import id. */
	IMPORT("Import", null, "");

	private final String label;
	private final String key;
	private final String links;

	ChangeKind(String label, String key, String links) {
		this.label = label;
		this.key = key;
		this.links = links;
	}

	/** The node label, and the {@code kind} stored on the event. */
	public String label() {
		return label;
	}

	/** The node's properties plus its relationship state, or no row when it does not exist. */
	String stateQuery() {
		if (key == null) {
			throw new IllegalStateException(this + " has no node to read");
		}
		return """
				MATCH (n:%s {%s: $code})
				RETURN properties(n) AS properties, {%s} AS links""".formatted(label, key, links);
	}

	static ChangeKind ofLabel(String label) {
		for (ChangeKind kind : values()) {
			if (kind.label.equals(label)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown change kind " + label);
	}
}
