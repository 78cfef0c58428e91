package com.taggraph.governance;

/** One kind of rule violation the report looks for, and the family it belongs to. */
public enum RuleCheck {

	/** classes whose BROADER links run in a circle */
	CLASS_CYCLE(RuleCategory.STRUCTURAL),
	/**
	 * a class cut off from the tree: its class chain never reaches a first-level class
	 */
	ORPHAN_CLASS(RuleCategory.STRUCTURAL),
	/** a tag in no class */
	ORPHAN_TAG(RuleCategory.STRUCTURAL),
	/** a class with lower classes but no criterion (划分标准) saying how they are divided */
	DIVISION_WITHOUT_CRITERION(RuleCategory.STRUCTURAL),
	/**
	 * an exhaustive class with no tag at or below it: nobody in its scope can be covered
	 */
	EXHAUSTIVE_CLASS_EMPTY(RuleCategory.STRUCTURAL),
	/** a tag with no value in a top-level facet */
	FACET_VALUE_MISSING(RuleCategory.FACET),
	/** a tag with two or more values in a top-level facet */
	FACET_VALUE_DUPLICATED(RuleCategory.FACET),
	/** customers carrying tags from two or more branches of an exclusive class */
	EXCLUSIVE_VIOLATED(RuleCategory.DATA),
	/** customers in an exhaustive class's scope carrying none of its tags */
	EXHAUSTIVE_VIOLATED(RuleCategory.DATA),
	/**
	 * customers breaking a constraint between tags of different classes: carrying its
	 * if-tag and none of its then-tags (IMPLIES) or one of them (EXCLUDES)
	 */
	CONSTRAINT_VIOLATED(RuleCategory.DATA),
	/**
	 * a computed tag whose carrier count moved more than the configured share
	 * ({@code taggraph.compute.drift-share}) between its last two completed runs
	 */
	COUNT_DRIFT(RuleCategory.DATA),
	/** a tag whose derivations reach no source system */
	NO_LINEAGE(RuleCategory.LINEAGE),
	/** a tag derived from a deprecated tag */
	DERIVED_FROM_DEPRECATED(RuleCategory.LINEAGE);

	private final RuleCategory category;

	RuleCheck(RuleCategory category) {
		this.category = category;
	}

	public RuleCategory category() {
		return category;
	}

}
