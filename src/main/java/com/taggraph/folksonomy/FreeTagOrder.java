package com.taggraph.folksonomy;

/**
 * How free tags are listed. Each constant carries the Cypher that ranks a free tag {@code f} and its
 * ORDER BY, so no client text reaches the query; the ranking reads as little as it can, because it
 * runs for every free tag before the page is cut.
 */
enum FreeTagOrder {

	/** By customers: the relationship count, which Neo4j keeps per node. */
	USAGE("WITH f, COUNT { (f)<-[:HAS_FREE_TAG]-() } AS customers, f.normalized AS normalized",
			"customers DESC, normalized"),
	RECENT("""
			CALL (f) {
			  OPTIONAL MATCH ()-[r:HAS_FREE_TAG]->(f)
			  RETURN toString(max(r.at)) AS lastUsedAt
			}
			WITH f, lastUsedAt, f.normalized AS normalized""", "lastUsedAt IS NULL, lastUsedAt DESC, normalized"),
	TEXT("WITH f, f.normalized AS normalized", "normalized");

	final String rank;

	final String orderBy;

	FreeTagOrder(String rank, String orderBy) {
		this.rank = rank;
		this.orderBy = orderBy;
	}
}
