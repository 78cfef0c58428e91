package com.taggraph.customer.segment;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;

/**
 * The exact state of some customers (their properties and every HAS_TAG with its
 * properties), read over Bolt so a test can put them back as it found them: the tests
 * share one database.
 */
final class CustomerBackup {

	private final Driver driver;

	private final List<Map<String, Object>> rows;

	private CustomerBackup(Driver driver, List<Map<String, Object>> rows) {
		this.driver = driver;
		this.rows = rows;
	}

	static CustomerBackup of(Driver driver, Collection<String> customerIds) {
		try (var session = driver.session()) {
			return new CustomerBackup(driver, session.executeRead(tx -> tx.run("""
					UNWIND $ids AS id
					MATCH (c:Customer {id: id})
					RETURN id, properties(c) AS properties,
					       [(c)-[r:HAS_TAG]->(t:Tag) | {code: t.code, properties: properties(r)}] AS tags""",
					Values.parameters("ids", List.copyOf(customerIds)))
				.list(r -> r.asMap())));
		}
	}

	void restore() {
		try (var session = driver.session()) {
			session.executeWrite(tx -> tx.run("""
					UNWIND $rows AS row
					MATCH (c:Customer {id: row.id})
					SET c = row.properties
					WITH c, row
					CALL (c) { MATCH (c)-[r:HAS_TAG]->() DELETE r }
					WITH c, row
					UNWIND row.tags AS tag
					MATCH (t:Tag {code: tag.code})
					CREATE (c)-[r:HAS_TAG]->(t)
					SET r = tag.properties""", Values.parameters("rows", rows)).consume());
		}
	}

}
