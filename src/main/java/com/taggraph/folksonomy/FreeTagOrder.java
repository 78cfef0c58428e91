package com.taggraph.folksonomy;

import java.util.function.Function;

/**
 * How free tags are listed. Each constant carries the Cypher that ranks a free tag
 * {@code f} and its ORDER BY, so no client text reaches the query; the ranking reads as
 * little as it can, because it runs for every free tag before the page is cut.
 */
enum FreeTagOrder {

	/** By customers: the relationship count, which Neo4j keeps per node. */
	USAGE("WITH f, COUNT { (f)<-[:HAS_FREE_TAG]-() } AS customers, f.normalized AS normalized",
			"customers DESC, normalized",
			"WHERE $afterKey IS NULL OR customers < $afterRank OR (customers = $afterRank AND normalized > $afterKey)",
			FreeTag::customers),
	RECENT("""
			CALL (f) {
			  OPTIONAL MATCH ()-[r:HAS_FREE_TAG]->(f)
			  RETURN toString(max(r.at)) AS lastUsedAt
			}
			WITH f, lastUsedAt, f.normalized AS normalized""", "lastUsedAt IS NULL, lastUsedAt DESC, normalized", """
			WHERE $afterKey IS NULL
			   OR ($afterRank IS NOT NULL AND (lastUsedAt IS NULL OR lastUsedAt < $afterRank
			       OR (lastUsedAt = $afterRank AND normalized > $afterKey)))
			   OR ($afterRank IS NULL AND lastUsedAt IS NULL AND normalized > $afterKey)""", FreeTag::lastUsedAt),
	TEXT("WITH f, f.normalized AS normalized", "normalized", "WHERE $afterKey IS NULL OR normalized > $afterKey",
			f -> null);

	final String rank;

	final String orderBy;

	/**
	 * Keeps the free tags behind a page's last one ({@code $afterRank},
	 * {@code $afterKey}) in this order.
	 */
	final String after;

	/**
	 * The value a free tag is ranked by, as the rank above computes it; null for TEXT.
	 */
	final Function<FreeTag, Object> rankOf;

	FreeTagOrder(String rank, String orderBy, String after, Function<FreeTag, Object> rankOf) {
		this.rank = rank;
		this.orderBy = orderBy;
		this.after = after;
		this.rankOf = rankOf;
	}

}
