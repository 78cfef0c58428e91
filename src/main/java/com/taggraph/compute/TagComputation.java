package com.taggraph.compute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.stereotype.Component;

import com.taggraph.customer.BulkAssignments;
import com.taggraph.customer.CustomerGenerator;

/**
 * The engine side of a run: every selected rule in dependency order, each tag's result
 * kept as {@code TAG.<code>}, the structural checks on the results, and the difference to
 * the graph's rule-computed carriers. A class whose results break a check gets its
 * previous results back and nothing written; a dry run gives every tag its previous
 * results back.
 */
@Component
class TagComputation {

	private static final Log log = LogFactory.getLog(TagComputation.class);

	private final SourceEngine engine;

	private final BulkAssignments bulk;

	private final ComputeProperties properties;

	TagComputation(SourceEngine engine, BulkAssignments bulk, ComputeProperties properties) {
		this.engine = engine;
		this.bulk = bulk;
		this.properties = properties;
	}

	/** What the engine found: per-tag reports, refusals and the rows to write. */
	record Outcome(List<TagRunStat> stats, List<ClassRefusal> refused, List<BulkAssignments.RuleAssignmentRow> added,
			List<BulkAssignments.RuleAssignmentRow> removed, List<BulkAssignments.RuleAssignmentRow> changed) {
	}

	interface Progress {

		void tagsDone(int done, int total);

	}

	Outcome compute(List<RuleRepository.StoredRule> order, Set<String> written, boolean dryRun, Progress progress)
			throws SQLException {
		return engine.withRules(connection -> {
			List<String> tags = order.stream().flatMap(rule -> rule.tags().stream()).distinct().toList();
			Map<String, Boolean> hadResult = backUp(connection, tags);
			Map<String, RuleRepository.StoredRule> ruleOf = new HashMap<>();
			Map<String, Long> millis = new HashMap<>();
			Map<String, Long> rowsRead = new HashMap<>();
			List<ClassRefusal> refused = new ArrayList<>();
			Map<String, Long> tableRows = new HashMap<>();
			int done = 0;
			long began = System.nanoTime();
			for (RuleRepository.StoredRule rule : order) {
				long started = System.nanoTime();
				ensureInputs(connection, rule.inputs());
				ClassRefusal outside = run(connection, rule);
				if (outside != null) {
					refused.add(outside);
				}
				long elapsed = (System.nanoTime() - started) / 1_000_000;
				long read = rowsRead(connection, rule, tableRows);
				for (String tag : rule.tags()) {
					ruleOf.put(tag, rule);
					millis.put(tag, elapsed / Math.max(1, rule.tags().size()));
					rowsRead.put(tag, read);
				}
				progress.tagsDone(++done, order.size());
			}
			long ran = System.nanoTime();
			loadCustomers(connection);
			refused.addAll(new StructuralChecks(connection, bulk, properties.sampleSize()).check(tags));
			long checked = System.nanoTime();
			Set<String> refusedTags = refused.stream()
				.flatMap(r -> r.tags().stream())
				.collect(Collectors.toCollection(LinkedHashSet::new));
			for (String tag : refusedTags) {
				restore(connection, tag, hadResult.getOrDefault(tag, false));
			}
			List<String> toWrite = tags.stream()
				.filter(written::contains)
				.filter(tag -> !refusedTags.contains(tag))
				.toList();
			Outcome outcome = diff(connection, toWrite, ruleOf, millis, rowsRead, refused, dryRun);
			log.info("Rules %d ms, checks %d ms, difference %d ms".formatted((ran - began) / 1_000_000,
					(checked - ran) / 1_000_000, (System.nanoTime() - checked) / 1_000_000));
			if (dryRun) {
				for (String tag : tags) {
					restore(connection, tag, hadResult.getOrDefault(tag, false));
				}
			}
			dropBackups(connection, tags);
			return outcome;
		});
	}

	private static Map<String, Boolean> backUp(Connection connection, List<String> tags) throws SQLException {
		Set<String> existing = new LinkedHashSet<>();
		try (PreparedStatement query = connection
			.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
			query.setString(1, SourceEngine.TAG_SCHEMA);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					existing.add(rows.getString(1));
				}
			}
		}
		Map<String, Boolean> had = new HashMap<>();
		try (Statement statement = connection.createStatement()) {
			for (String tag : tags) {
				boolean exists = existing.contains(tag);
				had.put(tag, exists);
				if (exists) {
					statement.execute("CREATE OR REPLACE TABLE " + backup(tag) + " AS SELECT * FROM "
							+ SourceEngine.tagTable(tag));
				}
			}
		}
		return had;
	}

	private static String backup(String tag) {
		return SourceEngine.OWN_SCHEMA + "." + SourceEngine.quote("prev_" + tag);
	}

	private static void restore(Connection connection, String tag, boolean had) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (had) {
				statement.execute(
						"CREATE OR REPLACE TABLE " + SourceEngine.tagTable(tag) + " AS SELECT * FROM " + backup(tag));
			}
			else {
				statement.execute("DROP TABLE IF EXISTS " + SourceEngine.tagTable(tag));
			}
		}
	}

	private static void dropBackups(Connection connection, List<String> tags) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String tag : tags) {
				statement.execute("DROP TABLE IF EXISTS " + backup(tag));
			}
		}
	}

	private static void ensureInputs(Connection connection, List<String> inputs) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String input : inputs) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + SourceEngine.tagTable(input)
						+ " (customer VARCHAR, value VARCHAR)");
			}
		}
	}

	/**
	 * Runs one rule into its tags' result tables; a class rule returning a tag outside
	 * its class is refused.
	 */
	private ClassRefusal run(Connection connection, RuleRepository.StoredRule rule) throws SQLException {
		String output = SourceEngine.OWN_SCHEMA + ".rule_output";
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE OR REPLACE TABLE " + output + " AS SELECT * FROM (" + rule.sql() + ") AS rule");
		}
		if (rule.isClass()) {
			List<String> outside = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT DISTINCT tag FROM " + output + " ORDER BY tag")) {
				while (rows.next()) {
					if (!rule.tags().contains(rows.getString(1))) {
						outside.add(rows.getString(1));
					}
				}
			}
			if (!outside.isEmpty()) {
				return new ClassRefusal(rule.owner(), "OUTPUT",
						"the rule of class '%s' returned tags %s, which are not tags of the class"
							.formatted(rule.owner(), outside),
						0, List.of(), rule.tags());
			}
		}
		String value = rule.valued() ? "CAST(min(value) AS VARCHAR)" : "CAST(NULL AS VARCHAR)";
		try (Statement statement = connection.createStatement()) {
			for (String tag : rule.tags()) {
				String where = rule.isClass() ? " AND tag = " + SourceEngine.literal(tag) : "";
				statement.execute("CREATE OR REPLACE TABLE " + SourceEngine.tagTable(tag) + " AS SELECT customer, "
						+ value + " AS value FROM " + output + " WHERE customer IS NOT NULL" + where
						+ " GROUP BY customer");
			}
		}
		return null;
	}

	/** Rows of the tables the rule scans: what a full read of its inputs costs. */
	private static long rowsRead(Connection connection, RuleRepository.StoredRule rule, Map<String, Long> counted)
			throws SQLException {
		long total = 0;
		for (String table : rule.tables()) {
			Long rows = counted.get(table);
			if (rows == null) {
				try (Statement statement = connection.createStatement();
						ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
					result.next();
					rows = result.getLong(1);
				}
				counted.put(table, rows);
			}
			total += rows;
		}
		return total;
	}

	private void loadCustomers(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE OR REPLACE TABLE " + SourceEngine.OWN_SCHEMA + ".customers (id VARCHAR)");
		}
		try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(SourceEngine.OWN_SCHEMA,
				"customers")) {
			for (String id : bulk.customerIds()) {
				appender.beginRow();
				appender.append(id);
				appender.endRow();
			}
		}
	}

	private Outcome diff(Connection connection, List<String> tags, Map<String, RuleRepository.StoredRule> ruleOf,
			Map<String, Long> millis, Map<String, Long> rowsRead, List<ClassRefusal> refused, boolean dryRun)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE OR REPLACE TABLE " + SourceEngine.OWN_SCHEMA
					+ ".current (tag VARCHAR, customer VARCHAR, value VARCHAR, from_rule BOOLEAN)");
		}
		try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(SourceEngine.OWN_SCHEMA,
				"current")) {
			bulk.carriers(tags, carrier -> {
				try {
					appender.beginRow();
					appender.append(carrier.tagCode());
					appender.append(carrier.customerId());
					appender.append(carrier.value());
					appender.append(carrier.fromRule());
					appender.endRow();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		// every tag at once, set-based: a few queries for the whole run rather than a
		// handful per tag
		String own = SourceEngine.OWN_SCHEMA;
		try (Statement statement = connection.createStatement()) {
			statement
				.execute("CREATE OR REPLACE TABLE " + own + ".results (tag VARCHAR, customer VARCHAR, value VARCHAR)");
			if (!tags.isEmpty()) {
				statement.execute("INSERT INTO " + own + ".results "
						+ tags.stream()
							.map(tag -> "SELECT " + SourceEngine.literal(tag) + ", customer, value FROM "
									+ SourceEngine.tagTable(tag))
							.collect(Collectors.joining(" UNION ALL ")));
			}
		}
		String results = own + ".results r";
		String currentOf = own + ".current c ON c.tag = r.tag AND c.customer = r.customer";
		Map<String, List<String[]>> add = byTag(rows(connection,
				"SELECT r.tag, r.customer, r.value FROM " + results + " WHERE EXISTS (SELECT 1 FROM " + own
						+ ".customers k WHERE k.id = r.customer)" + " AND NOT EXISTS (SELECT 1 FROM " + own
						+ ".current c WHERE c.tag = r.tag AND c.customer = r.customer)"
						+ " ORDER BY r.tag, r.customer"));
		Map<String, List<String[]>> remove = byTag(rows(connection,
				"SELECT c.tag, c.customer, c.value FROM " + own
						+ ".current c WHERE c.from_rule AND NOT EXISTS (SELECT 1 FROM " + own
						+ ".results r WHERE r.tag = c.tag AND r.customer = c.customer) ORDER BY c.tag, c.customer"));
		Map<String, List<String[]>> change = byTag(
				rows(connection, "SELECT r.tag, r.customer, r.value FROM " + results + " JOIN " + currentOf
						+ " WHERE c.from_rule AND r.value IS DISTINCT FROM c.value" + " ORDER BY r.tag, r.customer"));
		Map<String, long[]> counts = new HashMap<>();
		for (String[] row : rows(connection,
				"SELECT r.tag, count(*), count(k.id), count(*) FILTER (WHERE c.from_rule)" + " FROM " + results
						+ " LEFT JOIN " + own + ".customers k ON k.id = r.customer LEFT JOIN " + currentOf
						+ " GROUP BY r.tag")) {
			counts.put(row[0], new long[] { Long.parseLong(row[1]), Long.parseLong(row[2]), Long.parseLong(row[3]) });
		}
		Map<String, List<String[]>> samples = dryRun ? byTag(rows(connection,
				"SELECT tag, customer FROM (SELECT tag, customer, row_number() OVER (PARTITION BY tag ORDER BY customer)"
						+ " AS n FROM " + own + ".results) WHERE n <= " + properties.sampleSize()
						+ " ORDER BY tag, customer"))
				: Map.of();
		List<TagRunStat> stats = new ArrayList<>();
		List<BulkAssignments.RuleAssignmentRow> added = new ArrayList<>();
		List<BulkAssignments.RuleAssignmentRow> removed = new ArrayList<>();
		List<BulkAssignments.RuleAssignmentRow> changed = new ArrayList<>();
		for (String tag : tags) {
			RuleRepository.StoredRule rule = ruleOf.get(tag);
			long[] count = counts.getOrDefault(tag, new long[3]);
			long matched = count[0];
			long knownCount = count[1];
			long keptByRule = count[2];
			List<String[]> adds = add.getOrDefault(tag, List.of());
			List<String[]> removes = remove.getOrDefault(tag, List.of());
			List<String[]> changes = change.getOrDefault(tag, List.of());
			List<String> sample = samples.getOrDefault(tag, List.of()).stream().map(row -> row[1]).toList();
			stats.add(new TagRunStat(tag, rule.owner(), rule.version(), rowsRead.getOrDefault(tag, 0L), matched,
					adds.size(), removes.size(), changes.size(), keptByRule - changes.size(), keptByRule + adds.size(),
					matched - knownCount, millis.getOrDefault(tag, 0L), sample));
			adds.forEach(row -> added.add(new BulkAssignments.RuleAssignmentRow(row[1], tag, row[2], rule.version())));
			removes.forEach(
					row -> removed.add(new BulkAssignments.RuleAssignmentRow(row[1], tag, row[2], rule.version())));
			changes.forEach(
					row -> changed.add(new BulkAssignments.RuleAssignmentRow(row[1], tag, row[2], rule.version())));
		}
		return new Outcome(stats, refused, added, removed, changed);
	}

	/** Rows whose first column is a tag code, by tag. */
	private static Map<String, List<String[]>> byTag(List<String[]> rows) {
		Map<String, List<String[]>> byTag = new HashMap<>();
		rows.forEach(row -> byTag.computeIfAbsent(row[0], tag -> new ArrayList<>()).add(row));
		return byTag;
	}

	static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	static List<String[]> rows(Connection connection, String sql) throws SQLException {
		List<String[]> found = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				String[] row = new String[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = rows.getString(i + 1);
				}
				found.add(row);
			}
		}
		return found;
	}

	static Map<String, CustomerGenerator.LibraryTag> library(BulkAssignments bulk) {
		Map<String, CustomerGenerator.LibraryTag> tags = new LinkedHashMap<>();
		bulk.libraryTags().forEach(tag -> tags.put(tag.code(), tag));
		return tags;
	}

}
