package com.taggraph.compute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The source rows a rule read for one customer: for each table its lineage names, the
 * columns it reads, filtered on the customer key ({@code CONS_NO}), or, for a table keyed
 * otherwise, on a column it shares with a customer-keyed table the rule also reads.
 */
@Component
class ProvenanceRows {

	static final String CUSTOMER_KEY = "CONS_NO";

	private final Neo4jClient neo4j;

	private final SourceEngine engine;

	private final ComputeProperties properties;

	ProvenanceRows(Neo4jClient neo4j, SourceEngine engine, ComputeProperties properties) {
		this.neo4j = neo4j;
		this.engine = engine;
		this.properties = properties;
	}

	/** A customer and a tag whose source rows are asked for. */
	record Key(String customerId, String tagCode) {
	}

	Map<Key, List<SourceRows>> rows(List<Key> keys) {
		Map<String, Map<String, List<String>>> readByTag = read(keys.stream().map(Key::tagCode).distinct().toList());
		Map<Key, List<SourceRows>> answer = new LinkedHashMap<>();
		try {
			engine.withRules(connection -> {
				for (Key key : keys) {
					answer.put(key,
							rowsOf(connection, key.customerId(), readByTag.getOrDefault(key.tagCode(), Map.of())));
				}
				return null;
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("reading the source rows failed: " + ex.getMessage(), ex);
		}
		return answer;
	}

	/** Per tag, the columns its rule reads, by table. */
	private Map<String, Map<String, List<String>>> read(List<String> tags) {
		Map<String, Map<String, List<String>>> read = new LinkedHashMap<>();
		neo4j
			.query("""
					UNWIND $tags AS code
					MATCH (t:Tag {code: code})-[:DERIVED_FROM {origin: 'RULE'}]->(f:SourceField)-[:IN_TABLE]->(table:SourceTable)
					RETURN code, table.code AS table, f.name AS column ORDER BY code, table, column""")
			.bind(tags)
			.to("tags")
			.fetch()
			.all()
			.forEach(row -> read.computeIfAbsent((String) row.get("code"), k -> new TreeMap<>())
				.computeIfAbsent((String) row.get("table"), k -> new ArrayList<>())
				.add((String) row.get("column")));
		return read;
	}

	private List<SourceRows> rowsOf(Connection connection, String customer, Map<String, List<String>> tables)
			throws SQLException {
		List<SourceRows> found = new ArrayList<>();
		for (var entry : tables.entrySet()) {
			String table = entry.getKey();
			List<String> columns = entry.getValue();
			String where = filter(table, columns, tables);
			if (where == null) {
				continue;
			}
			String select = columns.stream().map(SourceEngine::quote).collect(Collectors.joining(", "));
			try (PreparedStatement query = connection.prepareStatement("SELECT " + select + " FROM "
					+ SourceEngine.tableName(table) + " WHERE " + where + " LIMIT " + properties.provenanceRows())) {
				query.setString(1, customer);
				found.add(new SourceRows(table, columns, read(query)));
			}
		}
		return found;
	}

	/** How the table's rows of one customer are found; null when they cannot be. */
	private static String filter(String table, List<String> columns, Map<String, List<String>> tables) {
		if (columns.contains(CUSTOMER_KEY)) {
			return SourceEngine.quote(CUSTOMER_KEY) + " = ?";
		}
		for (var other : tables.entrySet()) {
			if (other.getValue().contains(CUSTOMER_KEY)) {
				for (String column : columns) {
					if (other.getValue().contains(column)) {
						String shared = SourceEngine.quote(column);
						return shared + " IN (SELECT " + shared + " FROM " + SourceEngine.tableName(other.getKey())
								+ " WHERE " + SourceEngine.quote(CUSTOMER_KEY) + " = ?)";
					}
				}
			}
		}
		return null;
	}

	private static List<Map<String, Object>> read(PreparedStatement query) throws SQLException {
		try (ResultSet result = query.executeQuery()) {
			return EngineRows.asJson(result);
		}
	}

}
