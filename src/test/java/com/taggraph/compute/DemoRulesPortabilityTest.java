package com.taggraph.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, §1: the demo rules keep to the SQL both engines speak, so a source system
 * bound to a PostgreSQL-compatible warehouse can run them where its data lives. The demo
 * extracts for 2,000 customers are generated in DuckDB and copied into a real PostgreSQL
 * (zonky's binaries, no Docker); every rule, class rules and rules over other tags'
 * results included, runs on both, and each returns the same (customer, tag, value) rows.
 */
class DemoRulesPortabilityTest {

	private static final int CUSTOMERS = 2000;

	private static final Pattern TAG_INPUT = Pattern.compile("TAG\\.(T\\d{4})");

	@Test
	void everyDemoRuleReturnsTheSameRowsOnDuckDbAndPostgreSql() throws Exception {
		Map<String, String> rules = rules();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				Connection pg = postgres.getPostgresDatabase().getConnection();
				Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
			generate(duck);
			int tables = load(duck, pg);
			assertThat(tables).as("demo tables copied").isGreaterThan(40);
			execute(duck, "CREATE SCHEMA TAG");
			execute(pg, "CREATE SCHEMA tag");

			Map<String, String> differences = new TreeMap<>();
			Map<String, Integer> rowsOf = new TreeMap<>();
			Set<String> resultTables = new TreeSet<>();
			List<String> pending = new ArrayList<>(rules.keySet());
			while (!pending.isEmpty()) {
				// a rule runs once the results it reads exist
				String next = pending.stream()
					.filter(rule -> inputs(rules.get(rule)).stream().allMatch(resultTables::contains))
					.findFirst()
					.orElseThrow(() -> new AssertionError("rules wait for results no rule gives: " + pending));
				pending.remove(next);
				String sql = rules.get(next);
				Set<String> onDuck = rows(duck, sql, next);
				Set<String> onPg = rows(pg, sql, next);
				rowsOf.put(next, onDuck.size());
				if (!onDuck.equals(onPg)) {
					Set<String> duckOnly = new TreeSet<>(onDuck);
					duckOnly.removeAll(onPg);
					Set<String> pgOnly = new TreeSet<>(onPg);
					pgOnly.removeAll(onDuck);
					differences.put(next, "DuckDB only %s, PostgreSQL only %s"
						.formatted(duckOnly.stream().limit(3).toList(), pgOnly.stream().limit(3).toList()));
				}
				for (Map.Entry<String, List<String[]>> result : byTag(next, onDuck).entrySet()) {
					store(duck, pg, result.getKey(), result.getValue());
					resultTables.add(result.getKey());
				}
			}
			assertThat(rowsOf).as("rules run").hasSize(rules.size());
			assertThat(rowsOf.values().stream().mapToInt(Integer::intValue).sum()).as("rows returned")
				.isGreaterThan(CUSTOMERS * 10);
			assertThat(differences).as("rules whose rows differ between the engines").isEmpty();
		}
	}

	private static Map<String, String> rules() throws IOException {
		JsonNode file;
		try (InputStream in = DemoRulesPortabilityTest.class.getResourceAsStream("/demo/tag-rules.json")) {
			file = JsonMapper.builder().build().readTree(in);
		}
		Map<String, String> rules = new LinkedHashMap<>();
		for (String kind : List.of("classes", "tags")) {
			file.path(kind).propertyNames().forEach(code -> rules.put(code, file.path(kind).path(code).asString()));
		}
		return rules;
	}

	private static Set<String> inputs(String sql) {
		Set<String> inputs = new TreeSet<>();
		Matcher input = TAG_INPUT.matcher(sql);
		while (input.find()) {
			inputs.add(input.group(1));
		}
		return inputs;
	}

	private static void generate(Connection duck) throws IOException, SQLException {
		String script;
		try (InputStream in = DemoRulesPortabilityTest.class.getResourceAsStream("/" + DemoSourceData.SCRIPT)) {
			script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		execute(duck, "SET VARIABLE customers = " + CUSTOMERS);
		execute(duck, script);
	}

	/**
	 * Copies every demo table into PostgreSQL: the same names (unquoted, so PostgreSQL
	 * folds them as it folds the rules'), DuckDB lists as PostgreSQL arrays, the rows as
	 * CSV through COPY.
	 */
	private static int load(Connection duck, Connection pg) throws SQLException, IOException {
		List<String[]> tables = new ArrayList<>();
		try (Statement statement = duck.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT schema_name, table_name FROM duckdb_tables() WHERE schema_name LIKE 'S%' ORDER BY 1, 2")) {
			while (rows.next()) {
				tables.add(new String[] { rows.getString(1), rows.getString(2) });
			}
		}
		CopyManager copy = new CopyManager(pg.unwrap(BaseConnection.class));
		for (String[] table : tables) {
			String name = table[0] + "." + table[1];
			List<String> columns = new ArrayList<>();
			List<String> selected = new ArrayList<>();
			try (PreparedStatement query = duck.prepareStatement("""
					SELECT column_name, data_type FROM information_schema.columns
					WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""")) {
				query.setString(1, table[0]);
				query.setString(2, table[1]);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						String column = rows.getString(1);
						String type = rows.getString(2);
						columns.add(column + " " + postgresType(type));
						selected
							.add(type.endsWith("[]") ? "'{' || array_to_string(\"%s\", ',') || '}'".formatted(column)
									: "\"" + column + "\"");
					}
				}
			}
			execute(pg, "CREATE SCHEMA IF NOT EXISTS " + table[0]);
			execute(pg, "CREATE TABLE " + name + " (" + String.join(", ", columns) + ")");
			Path csv = Files.createTempFile("demo-table", ".csv");
			try {
				execute(duck, "COPY (SELECT " + String.join(", ", selected) + " FROM " + name + ") TO '" + csv
						+ "' (HEADER false)");
				try (InputStream in = Files.newInputStream(csv)) {
					copy.copyIn("COPY " + name + " FROM STDIN WITH (FORMAT csv)", in);
				}
			}
			finally {
				Files.delete(csv);
			}
		}
		return tables.size();
	}

	private static String postgresType(String duckType) {
		String type = duckType.toUpperCase(Locale.ROOT);
		if (type.endsWith("[]")) {
			return postgresType(type.substring(0, type.length() - 2)) + "[]";
		}
		if (type.startsWith("DECIMAL")) {
			return type.replace("DECIMAL", "NUMERIC");
		}
		return switch (type) {
			case "VARCHAR" -> "TEXT";
			case "DOUBLE" -> "DOUBLE PRECISION";
			case "FLOAT" -> "REAL";
			case "TINYINT", "UTINYINT" -> "SMALLINT";
			case "USMALLINT", "UINTEGER" -> "BIGINT";
			default -> type;
		};
	}

	/** A rule's rows as "customer|tag|value", the tag empty for a tag rule. */
	private static Set<String> rows(Connection connection, String sql, String rule) throws SQLException {
		Set<String> rows = new TreeSet<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			Map<String, Integer> column = new HashMap<>();
			for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
				column.put(result.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), i);
			}
			while (result.next()) {
				rows.add(result.getString(column.get("customer")) + "|"
						+ (column.containsKey("tag") ? result.getString(column.get("tag")) : "") + "|"
						+ (column.containsKey("value") ? result.getString(column.get("value")) : ""));
			}
		}
		catch (SQLException ex) {
			throw new AssertionError("rule %s fails on %s: %s".formatted(rule,
					connection.getMetaData().getDatabaseProductName(), ex.getMessage()), ex);
		}
		return rows;
	}

	/** The (customer, value) rows of each tag a rule computed. */
	private static Map<String, List<String[]>> byTag(String rule, Set<String> rows) {
		Map<String, List<String[]>> tags = new TreeMap<>();
		for (String row : rows) {
			String[] fields = row.split("\\|", -1);
			String tag = rule.startsWith("T") ? rule : fields[1];
			tags.computeIfAbsent(tag, t -> new ArrayList<>())
				.add(new String[] { fields[0], fields[2].isEmpty() || fields[2].equals("null") ? null : fields[2] });
		}
		return tags;
	}

	/** A tag's results as the table the engine gives rules over it: TAG.<code>. */
	private static void store(Connection duck, Connection pg, String tag, List<String[]> rows) throws SQLException {
		execute(duck, "CREATE TABLE TAG.\"%s\" (customer VARCHAR, value VARCHAR)".formatted(tag));
		execute(pg, "CREATE TABLE tag.%s (customer TEXT, value TEXT)".formatted(tag.toLowerCase(Locale.ROOT)));
		try (PreparedStatement toDuck = duck.prepareStatement("INSERT INTO TAG.\"%s\" VALUES (?, ?)".formatted(tag));
				PreparedStatement toPg = pg
					.prepareStatement("INSERT INTO tag.%s VALUES (?, ?)".formatted(tag.toLowerCase(Locale.ROOT)))) {
			for (String[] row : rows) {
				for (PreparedStatement insert : List.of(toDuck, toPg)) {
					insert.setString(1, row[0]);
					insert.setString(2, row[1]);
					insert.addBatch();
				}
			}
			toDuck.executeBatch();
			toPg.executeBatch();
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
