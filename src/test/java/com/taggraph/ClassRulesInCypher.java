package com.taggraph;

/**
 * The class rules written out in Cypher, for tests that check the app's own counts
 * against them. Each statement returns {@code key} (the given prefix and the class code)
 * and {@code n}, the customers breaking the rule, for the classes somebody breaks.
 */
public final class ClassRulesInCypher {

	private ClassRulesInCypher() {
	}

	/** Customers with tags in two or more branches of an exclusive class. */
	public static String exclusiveViolations(String keyPrefix) {
		return exclusiveViolations(keyPrefix, false);
	}

	/**
	 * As {@link #exclusiveViolations(String)}; when {@code leavingOutHidden}, as a caller
	 * who may not see the tags of the {@code $hidden} parameter has it judged: on the
	 * visible branches only.
	 */
	public static String exclusiveViolations(String keyPrefix, boolean leavingOutHidden) {
		return """
				MATCH (k:TagClass {exclusive: true})
				MATCH p = (c:Customer)-[:HAS_TAG]->(t:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(k)
				%sWITH k, c, collect(DISTINCT CASE WHEN length(p) = 2 THEN t.code ELSE nodes(p)[-2].code END) AS branches
				WHERE size(branches) >= 2
				RETURN $prefix + k.code AS key, count(c) AS n"""
			.formatted(leavingOutHidden ? "WHERE NOT t.code IN $hidden\n" : "")
			.replace("$prefix", quoted(keyPrefix));
	}

	/** Customers in an exhaustive class's scope with no tag in the class or below it. */
	public static String exhaustiveViolations(String keyPrefix) {
		return exhaustiveViolations(keyPrefix, false);
	}

	/**
	 * As {@link #exhaustiveViolations(String)}; when {@code leavingOutHidden}, as a
	 * caller who may not see the tags of the {@code $hidden} parameter has it judged:
	 * classes touching a hidden tag not at all.
	 */
	public static String exhaustiveViolations(String keyPrefix, boolean leavingOutHidden) {
		return """
				MATCH (k:TagClass {exhaustive: true})
				OPTIONAL MATCH (v:FacetValue {code: k.scope})
				%sCALL (k, v) {
				  MATCH (c:Customer)
				  WHERE (v IS NULL OR v.customersWithAnyOf IS NULL
				         OR EXISTS { (c)-[:HAS_TAG]->(s:Tag) WHERE s.code IN v.customersWithAnyOf })
				    AND NOT EXISTS { (c)-[:HAS_TAG]->(:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(k) }
				  RETURN count(c) AS n
				}
				WITH k, n WHERE n > 0
				RETURN $prefix + k.code AS key, n""".formatted(leavingOutHidden ? """
				WITH k, v WHERE NOT EXISTS { (h:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(k) WHERE h.code IN $hidden }
				  AND NOT any(s IN coalesce(v.customersWithAnyOf, []) WHERE s IN $hidden)
				""" : "").replace("$prefix", quoted(keyPrefix));
	}

	private static String quoted(String text) {
		return "'" + text.replace("'", "\\'") + "'";
	}

}
