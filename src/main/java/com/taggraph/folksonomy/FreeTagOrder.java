package com.taggraph.folksonomy;

/** How free tags are listed; each constant carries its ORDER BY, so no client text reaches the Cypher. */
enum FreeTagOrder {

	USAGE("customers DESC, taggers DESC, normalized"),
	RECENT("lastUsedAt IS NULL, lastUsedAt DESC, normalized"),
	TEXT("normalized");

	final String orderBy;

	FreeTagOrder(String orderBy) {
		this.orderBy = orderBy;
	}
}
