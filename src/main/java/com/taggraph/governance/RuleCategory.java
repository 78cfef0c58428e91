package com.taggraph.governance;

/** The four families of rule checks, so a caller can ask for one family only. */
public enum RuleCategory {

	/** the class tree itself: cycles, orphans, criteria, empty exhaustive classes */
	STRUCTURAL,
	/** every tag has exactly one value per top-level facet */
	FACET,
	/**
	 * customers against exclusive and exhaustive classes, and against the constraints
	 * between tags
	 */
	DATA,
	/** tags traced to source systems, and derivations from deprecated tags */
	LINEAGE

}
