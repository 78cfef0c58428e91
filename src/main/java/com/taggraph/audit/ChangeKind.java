package com.taggraph.audit;

import com.taggraph.graph.GraphModel;

/**
 * What a change event touched: the node label (stored as the event's {@code kind}, so
 * Browser queries read naturally) and the property that keys it. The relationship state
 * recorded next to its properties comes from the modules that own the relationships
 * ({@link AuditedRelationships}). Labels here are constants, never request text.
 */
public enum ChangeKind {

	TAG_CLASS(GraphModel.TAG_CLASS, "code"), TAG(GraphModel.TAG, "code"), FACET(GraphModel.FACET, "code"),
	FACET_VALUE(GraphModel.FACET_VALUE, "code"), TAG_CONSTRAINT(GraphModel.TAG_CONSTRAINT, "code"),
	SOURCE_SYSTEM(GraphModel.SOURCE_SYSTEM, "code"), SOURCE_TABLE(GraphModel.SOURCE_TABLE, "code"),
	SOURCE_FIELD(GraphModel.SOURCE_FIELD, "code"), CUSTOMER(GraphModel.CUSTOMER, "id"),
	FREE_TAG(GraphModel.FREE_TAG, "normalized"), SEGMENT(GraphModel.SEGMENT, "name"),
	/** A bulk import as a whole: one event per import, keyed by the import id. */
	IMPORT("Import", null);

	private final String label;

	private final String key;

	ChangeKind(String label, String key) {
		this.label = label;
		this.key = key;
	}

	/** The node label, and the {@code kind} stored on the event. */
	public String label() {
		return label;
	}

	/** Whether events of this kind are about one node (an import is not). */
	boolean hasNode() {
		return key != null;
	}

	/**
	 * The node's properties plus the relationships the modules record for this kind
	 * ({@link AuditedRelationships}), or no row when it does not exist.
	 */
	String stateQuery(String links) {
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
