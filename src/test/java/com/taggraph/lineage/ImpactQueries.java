package com.taggraph.lineage;

/**
 * The impact queries the tests and the lineage benchmark send: a source's impact with
 * everything its answer has, its counts, or both in one request.
 */
public final class ImpactQueries {

	private static final String IMPACT_FIELD = """
			  impact(sourceCode: $source, maxDepth: $depth) {
			    source { code kind }
			    nodes { code kind degree customerCount } edges { from to kind }
			    tags { tag { code } degree customerCount classChain { code } }
			    classes { tagClass { code } affectedTags }
			    customerCount isPartial
			  }
			""";

	private static final String COUNTS_FIELD = """
			  impactCounts(sourceCode: $source, maxDepth: $depth) {
			    sourceCode kind fieldCount tagCount classCount customerCount isPartial
			  }
			""";

	public static final String IMPACT = query(IMPACT_FIELD);

	public static final String COUNTS = query(COUNTS_FIELD);

	public static final String IMPACT_AND_COUNTS = query(IMPACT_FIELD + COUNTS_FIELD);

	private ImpactQueries() {
	}

	private static String query(String fields) {
		return "query($source: ID!, $depth: Int) {\n" + fields + "}";
	}

}
