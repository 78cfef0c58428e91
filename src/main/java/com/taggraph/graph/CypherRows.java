package com.taggraph.graph;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;

/** Rows of a Cypher statement read into the shapes several repositories need. */
public final class CypherRows {

	private CypherRows() {
	}

	/**
	 * Rows of two text columns, {@code key} and {@code value}, as a map in the rows'
	 * order.
	 */
	public static Map<String, String> pairs(Neo4jClient.RunnableSpec query) {
		Map<String, String> pairs = new LinkedHashMap<>();
		query.fetch().all().forEach(row -> pairs.put((String) row.get("key"), (String) row.get("value")));
		return pairs;
	}

}
