package com.taggraph.compute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a rule the way the engine itself reads it. DuckDB's parser says whether the text
 * is one SELECT ({@code json_serialize_sql} refuses anything else) and whether it calls a
 * table function (a file or URL read); its binder says whether every table and column
 * exists, naming the one that does not and its line; its bound plan
 * ({@code EXPLAIN (FORMAT json)}) lists each scan's projected and filtered columns, which
 * is the rule's lineage. It works on an empty in-memory mirror of the staged schema with
 * external access off and the optimizations that drop scans of empty tables disabled, so
 * checking reads no data and the plan keeps every scan.
 */
@Component
class RuleBinder implements org.springframework.beans.factory.DisposableBean {

	/** What a column reference in a filter expression of the plan looks like. */
	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final SourceEngine engine;

	private final ComputeRepository repository;

	private final ComputeProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	private Connection mirror;

	private String mirrorKey;

	RuleBinder(SourceEngine engine, ComputeRepository repository, ComputeProperties properties) {
		this.engine = engine;
		this.repository = repository;
		this.properties = properties;
	}

	/**
	 * Binds a rule for a tag ({@code classRule} false: customer[, value]) or for a whole
	 * exclusive class (customer, tag[, value]); refuses it with INVALID_INPUT otherwise.
	 */
	synchronized BoundRule bind(String sql, boolean classRule) {
		return bindAll(List.of(new Draft(null, sql, classRule))).get(0);
	}

	/**
	 * A rule to bind: its owner (named in a refusal when there are several), its SQL, and
	 * whether it serves a whole class.
	 */
	record Draft(String owner, String sql, boolean classRule) {
	}

	/**
	 * Binds several rules against one read of the catalogue and the schema: the first
	 * start adopts the demo library's 82 rules at once. The first rule refused stops it.
	 */
	synchronized List<BoundRule> bindAll(List<Draft> drafts) {
		for (Draft draft : drafts) {
			checkText(draft.sql());
		}
		Map<String, List<String>> catalogue = new LinkedHashMap<>();
		repository.catalogue().forEach(table -> catalogue.put(table.code(), table.fields()));
		try {
			Connection mirror = mirror();
			Map<String, List<String>> columnsOf = columnsOf(mirror);
			List<BoundRule> bound = new ArrayList<>();
			for (Draft draft : drafts) {
				try {
					bound.add(bind(mirror, catalogue, columnsOf, draft.sql(), draft.classRule()));
				}
				catch (DomainException ex) {
					if (draft.owner() == null) {
						throw ex;
					}
					throw new DomainException(ex.code(), "the rule of %s: %s".formatted(draft.owner(), ex.getMessage()),
							Map.of("subject", draft.owner()));
				}
			}
			return bound;
		}
		catch (SQLException ex) {
			throw invalid("the rule does not bind: " + ex.getMessage());
		}
	}

	private void checkText(String sql) {
		if (sql == null || sql.isBlank()) {
			throw invalid("a rule needs its SQL: one SELECT over the catalogue's tables");
		}
		if (sql.length() > properties.maxRuleLength()) {
			throw invalid("the rule is %d characters long; at most %d are accepted".formatted(sql.length(),
					properties.maxRuleLength()));
		}
	}

	private BoundRule bind(Connection mirror, Map<String, List<String>> catalogue, Map<String, List<String>> columnsOf,
			String sql, boolean classRule) throws SQLException {
		requireSingleSelect(mirror, sql);
		JsonNode plan = explain(mirror, sql);
		Set<String> fields = new TreeSet<>();
		Set<String> tags = new TreeSet<>();
		scans(plan, (table, expressions) -> {
			if (table.startsWith(SourceEngine.TAG_SCHEMA + ".")) {
				tags.add(table.substring(SourceEngine.TAG_SCHEMA.length() + 1));
				return;
			}
			List<String> registered = catalogue.get(table);
			if (registered == null) {
				throw invalid("the rule reads '%s', which is not a table of the catalogue".formatted(table));
			}
			for (String column : referenced(expressions, columnsOf.getOrDefault(table, List.of()))) {
				if (!registered.contains(column)) {
					throw invalid(
							"the rule reads column '%s' of '%s', which is in the data but not in the catalogue; register it with registerSourceFields first"
								.formatted(column, table));
				}
				fields.add(table + "." + column);
			}
		});
		return new BoundRule(sql, List.copyOf(fields), List.copyOf(tags), outputColumns(mirror, sql, classRule));
	}

	/**
	 * The mirror of the schema as it is now: kept while the staged tables and the tags
	 * stay the same, rebuilt when either changes.
	 */
	private Connection mirror() throws SQLException {
		List<String> ddl = engine.withRules(this::schemaOf);
		List<String> tags = repository.tagCodes();
		String key = String.join(";", ddl) + "|" + String.join(",", tags);
		if (mirror != null && key.equals(mirrorKey) && !mirror.isClosed()) {
			return mirror;
		}
		if (mirror != null) {
			mirror.close();
		}
		mirror = build(ddl, tags);
		mirrorKey = key;
		return mirror;
	}

	private Connection build(List<String> ddl, List<String> tags) throws SQLException {
		Properties config = new Properties();
		config.setProperty("enable_external_access", "false");
		config.setProperty("autoinstall_known_extensions", "false");
		config.setProperty("autoload_known_extensions", "false");
		Connection mirror = DriverManager.getConnection("jdbc:duckdb:", config);
		try (Statement statement = mirror.createStatement()) {
			statement.execute("SET disabled_optimizers = 'empty_result_pullup,statistics_propagation'");
			for (String create : ddl) {
				statement.execute(create);
			}
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + SourceEngine.TAG_SCHEMA);
			for (String tag : tags) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + SourceEngine.tagTable(tag)
						+ " (customer VARCHAR, value VARCHAR)");
			}
		}
		return mirror;
	}

	/** CREATE statements for every staged source table, empty. */
	private List<String> schemaOf(Connection connection) throws SQLException {
		Map<String, StringBuilder> tables = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("""
						SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
						WHERE table_schema NOT IN ('%s', '%s', 'information_schema', 'pg_catalog', 'main')
						ORDER BY table_schema, table_name, ordinal_position""".formatted(SourceEngine.TAG_SCHEMA,
						SourceEngine.OWN_SCHEMA))) {
			while (rows.next()) {
				String schema = rows.getString(1);
				String table = SourceEngine.quote(schema) + "." + SourceEngine.quote(rows.getString(2));
				tables
					.computeIfAbsent(table,
							t -> new StringBuilder("CREATE SCHEMA IF NOT EXISTS " + SourceEngine.quote(schema)
									+ "; CREATE TABLE " + t + " ("))
					.append(tables.get(table) != null && tables.get(table).toString().endsWith("(") ? "" : ", ")
					.append(SourceEngine.quote(rows.getString(3)))
					.append(' ')
					.append(rows.getString(4));
			}
		}
		List<String> ddl = new ArrayList<>();
		tables.values().forEach(create -> ddl.add(create.append(')').toString()));
		return ddl;
	}

	private void requireSingleSelect(Connection mirror, String sql) throws SQLException {
		JsonNode parsed;
		try (PreparedStatement statement = mirror.prepareStatement("SELECT json_serialize_sql(?)")) {
			statement.setString(1, sql);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				parsed = json.readTree(rows.getString(1));
			}
		}
		if (parsed.path("error").asBoolean(false)) {
			String message = parsed.path("error_message").asString("");
			if (message.contains("Only SELECT")) {
				throw invalid(
						"a rule must be a single read-only SELECT; DDL, DML, COPY, ATTACH, INSTALL, LOAD, SET and PRAGMA are refused");
			}
			throw invalid("the rule does not parse: " + message);
		}
		if (parsed.path("statements").size() != 1) {
			throw invalid("a rule must be a single SELECT, but this text holds %d statements"
				.formatted(parsed.path("statements").size()));
		}
		requireNoTableFunction(parsed, sql);
	}

	/**
	 * Table functions read files, URLs or the engine's own catalogue: never in a rule.
	 */
	private void requireNoTableFunction(JsonNode node, String sql) {
		if (node.isObject()) {
			if ("TABLE_FUNCTION".equals(node.path("type").asString(""))) {
				JsonNode function = node.path("function");
				String name = function.path("function_name").asString("?");
				throw invalid(
						"the rule calls the table function %s(...)%s; a rule reads only catalogue tables, never files, URLs or the engine's own metadata"
							.formatted(name, position(sql, function.path("query_location").asLong(-1))));
			}
			node.properties().forEach(entry -> requireNoTableFunction(entry.getValue(), sql));
		}
		else if (node.isArray()) {
			node.forEach(child -> requireNoTableFunction(child, sql));
		}
	}

	private static String position(String sql, long location) {
		if (location < 0 || location > sql.length()) {
			return "";
		}
		int line = 1;
		int column = 1;
		for (int i = 0; i < location; i++) {
			if (sql.charAt(i) == '\n') {
				line++;
				column = 1;
			}
			else {
				column++;
			}
		}
		return " at line %d, column %d".formatted(line, column);
	}

	private JsonNode explain(Connection mirror, String sql) throws SQLException {
		try (Statement statement = mirror.createStatement();
				ResultSet rows = statement.executeQuery("EXPLAIN (FORMAT json) " + sql)) {
			StringBuilder plan = new StringBuilder();
			while (rows.next()) {
				plan.append(rows.getString(2));
			}
			return json.readTree(plan.toString());
		}
	}

	interface ScanVisitor {

		void scan(String table, List<String> expressions);

	}

	/** Every scan of a table in the plan, with its projections and filters. */
	static void scans(JsonNode node, ScanVisitor visitor) {
		if (node.isArray()) {
			node.forEach(child -> scans(child, visitor));
			return;
		}
		JsonNode info = node.path("extra_info");
		if (info.has("Table")) {
			// the plan qualifies tables with the database name, quoting names that need
			// it:
			// memory.S1.C_CONS, memory.TAG."CT-1.A"
			List<String> parts = qualifiedName(info.path("Table").asString());
			String code = parts.size() >= 2 ? parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1)
					: String.join(".", parts);
			List<String> expressions = new ArrayList<>();
			for (String key : List.of("Projections", "Filters")) {
				JsonNode value = info.path(key);
				if (value.isArray()) {
					value.forEach(v -> expressions.add(v.asString()));
				}
				else if (!value.isMissingNode()) {
					expressions.add(value.asString());
				}
			}
			visitor.scan(code, expressions);
		}
		scans(node.path("children"), visitor);
	}

	/** The parts of a dotted name, a part in double quotes kept whole and unquoted. */
	static List<String> qualifiedName(String name) {
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '"') {
				if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
					part.append('"');
					i++;
				}
				else {
					quoted = !quoted;
				}
			}
			else if (c == '.' && !quoted) {
				parts.add(part.toString());
				part.setLength(0);
			}
			else {
				part.append(c);
			}
		}
		parts.add(part.toString());
		return parts;
	}

	/**
	 * The table's columns that the scan's expressions name. The plan gives projections as
	 * bare column names and filters as bound expressions over them, so an identifier that
	 * is one of the table's columns is a column read.
	 */
	static List<String> referenced(List<String> expressions, List<String> columns) {
		Map<String, String> byUpper = new LinkedHashMap<>();
		columns.forEach(c -> byUpper.put(c.toUpperCase(Locale.ROOT), c));
		Set<String> found = new TreeSet<>();
		for (String expression : expressions) {
			String withoutStrings = expression.replaceAll("'([^']|'')*'", "''");
			Matcher matcher = IDENTIFIER.matcher(withoutStrings);
			while (matcher.find()) {
				String column = byUpper.get(matcher.group().toUpperCase(Locale.ROOT));
				if (column != null) {
					found.add(column);
				}
			}
		}
		return List.copyOf(found);
	}

	private static Map<String, List<String>> columnsOf(Connection mirror) throws SQLException {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		try (Statement statement = mirror.createStatement(); ResultSet rows = statement.executeQuery("""
				SELECT table_schema || '.' || table_name, column_name FROM information_schema.columns
				ORDER BY table_schema, table_name, ordinal_position""")) {
			while (rows.next()) {
				columns.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
			}
		}
		return columns;
	}

	private static List<String> outputColumns(Connection mirror, String sql, boolean classRule) throws SQLException {
		List<String> names = new ArrayList<>();
		List<Integer> types = new ArrayList<>();
		try (PreparedStatement statement = mirror.prepareStatement(sql)) {
			ResultSetMetaData meta = statement.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
				types.add(meta.getColumnType(i));
			}
		}
		List<String> required = classRule ? List.of("customer", "tag") : List.of("customer");
		List<String> allowed = new ArrayList<>(required);
		allowed.add("value");
		String contract = classRule ? "customer, tag and optionally value" : "customer and optionally value";
		if (names.size() < required.size() || !names.subList(0, required.size()).equals(required)
				|| !allowed.subList(0, names.size()).equals(names)) {
			throw invalid("the rule returns the columns %s; a %s rule returns %s, in that order".formatted(names,
					classRule ? "class" : "tag", contract));
		}
		for (int i = 0; i < required.size(); i++) {
			if (types.get(i) != Types.VARCHAR) {
				throw invalid("the rule's column '%s' must be VARCHAR (text); cast it, e.g. CAST(x AS VARCHAR)"
					.formatted(names.get(i)));
			}
		}
		return List.copyOf(names);
	}

	private static DomainException invalid(String message) {
		return new DomainException(ErrorCode.INVALID_INPUT, message, Map.of("field", "sql"));
	}

	@Override
	public synchronized void destroy() throws SQLException {
		if (mirror != null) {
			mirror.close();
		}
	}

}
