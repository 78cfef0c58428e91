package com.taggraph;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;

/**
 * Cypher over Bolt beside the app, as an analyst would send it: to arrange a test or
 * check what Neo4j holds.
 */
public final class BoltCypher {

	private BoltCypher() {
	}

	public static void write(Driver driver, String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run(cypher, parameters));
		}
	}

	public static List<Map<String, Object>> read(Driver driver, String cypher) {
		return read(driver, cypher, Map.of());
	}

	public static List<Map<String, Object>> read(Driver driver, String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, parameters).list(r -> r.asMap()));
		}
	}

}
