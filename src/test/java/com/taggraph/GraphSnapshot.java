package com.taggraph;

import java.util.Map;

import org.neo4j.driver.Driver;

/**
 * A fingerprint of the whole graph (counts, and every class and tag with its place), read
 * over Bolt, so a test can show that a refused request changed nothing. Change events are
 * left out: the audit trail grows with every committed write by design, and a refused
 * write adds none (AuditTrailTest).
 */
public final class GraphSnapshot {

	private GraphSnapshot() {
	}

	public static Map<String, Object> of(Driver driver) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run("""
					CALL () { MATCH (n) WHERE NOT n:ChangeEvent RETURN count(n) AS nodes }
					CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
					CALL () {
					  MATCH (c:TagClass)
					  WITH c ORDER BY c.code
					  RETURN collect([c.code, c.name, c.criterion, c.exclusive, c.exhaustive, c.scope,
					                  [(c)-[:BROADER]->(p) | p.code], toString(c.updatedAt)]) AS classes
					}
					CALL () {
					  MATCH (t:Tag)
					  WITH t ORDER BY t.code
					  RETURN collect([t.code, t.name, t.rule, t.status, [(t)-[:IN_CLASS]->(c) | c.code],
					                  toString(t.updatedAt)]) AS tags
					}
					RETURN nodes, relationships, classes, tags""").single().asMap());
		}
	}

}
