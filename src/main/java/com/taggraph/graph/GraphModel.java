package com.taggraph.graph;

/**
 * The graph model in one place: every node label and relationship type the modules read
 * and write, and the lifecycle status an item stored without one reads as. Cypher text
 * blocks name labels literally, so a statement reads as it runs in Neo4j Browser;
 * {@code GraphModelTest} keeps them to the names declared here. Java code that names a
 * label or type as a value uses these constants.
 */
public final class GraphModel {

	// ---- node labels
	// --------------------------------------------------------------------------

	public static final String TAG_CLASS = "TagClass";

	public static final String TAG = "Tag";

	public static final String SCHEME = "Scheme";

	public static final String FACET = "Facet";

	public static final String FACET_VALUE = "FacetValue";

	public static final String CUSTOMER = "Customer";

	public static final String PAST_ASSIGNMENT = "PastAssignment";

	public static final String SEGMENT = "Segment";

	public static final String FREE_TAG = "FreeTag";

	/**
	 * A constraint between tags of different classes (an implication or an exclusion).
	 */
	public static final String TAG_CONSTRAINT = "TagConstraint";

	public static final String SOURCE_SYSTEM = "SourceSystem";

	public static final String SOURCE_TABLE = "SourceTable";

	public static final String SOURCE_FIELD = "SourceField";

	public static final String CHANGE_EVENT = "ChangeEvent";

	public static final String PENDING_CHANGE = "PendingChange";

	public static final String IMPORT_RUN = "ImportRun";

	/** One computation run of the tag rules, with its progress and per-tag report. */
	public static final String COMPUTE_RUN = "ComputeRun";

	/** Marks demo data applied once (free tags), so a restart does not apply it again. */
	public static final String DEMO_DATA = "DemoData";

	/** Single nodes that serialise writers of the hierarchy and of review steps. */
	public static final String TAXONOMY_LOCK = "TaxonomyLock";

	public static final String LIFECYCLE_LOCK = "LifecycleLock";

	// ---- relationship types
	// -------------------------------------------------------------------

	/** A class to its upper class (上位类). */
	public static final String BROADER = "BROADER";

	/** A tag to its class. */
	public static final String IN_CLASS = "IN_CLASS";

	/** A constraint to the tag whose carriers it constrains. */
	public static final String IF_TAG = "IF_TAG";

	/**
	 * A constraint to the tags those carriers must have one of (IMPLIES) or none of
	 * (EXCLUDES).
	 */
	public static final String THEN_TAG = "THEN_TAG";

	public static final String SUB_FACET_OF = "SUB_FACET_OF";

	public static final String OF_FACET = "OF_FACET";

	public static final String HAS_FACET_VALUE = "HAS_FACET_VALUE";

	public static final String HAS_TAG = "HAS_TAG";

	public static final String HAD_TAG = "HAD_TAG";

	public static final String HAS_FREE_TAG = "HAS_FREE_TAG";

	public static final String PROMOTED_TO = "PROMOTED_TO";

	public static final String SYNONYM_OF = "SYNONYM_OF";

	/** A tag to a source field or to an upstream tag. */
	public static final String DERIVED_FROM = "DERIVED_FROM";

	/**
	 * A tag's declared lineage, kept aside once its rule gives the real one, for
	 * {@code lineageDrift}.
	 */
	public static final String DECLARED_FROM = "DECLARED_FROM";

	/**
	 * A completed computation run to each tag it computed, with the tag's carrier count
	 * after it: the count history the rule report judges drift on.
	 */
	public static final String COUNTED = "COUNTED";

	public static final String IN_SYSTEM = "IN_SYSTEM";

	public static final String IN_TABLE = "IN_TABLE";

	/** A pending change to the item it changes. */
	public static final String CHANGES = "CHANGES";

	// ---- lifecycle status
	// ---------------------------------------------------------------------

	/**
	 * How an item stored without a status (written before the lifecycle existed) reads.
	 */
	public static final String DEFAULT_STATUS = "DRAFT";

	private GraphModel() {
	}

	/**
	 * The Cypher expression of the lifecycle status of the item bound to
	 * {@code variable}, with the default for items stored without one; {@code variable}
	 * is a constant of the calling statement, never request text.
	 */
	public static String status(String variable) {
		return "coalesce(%s.status, '%s')".formatted(variable, DEFAULT_STATUS);
	}

}
