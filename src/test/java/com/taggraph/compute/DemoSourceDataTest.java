package com.taggraph.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo source data ({@code demo/source-data.sql}) and the demo tag rules
 * ({@code demo/tag-rules.json}) checked together, without Spring: 10,000 customers are
 * generated in an in-memory DuckDB, every rule runs in dependency order with each tag's
 * result materialised as {@code TAG.Txxxx}, and the result must obey the library's own
 * logic (exclusive and exhaustive classes, scopes) and the consistency the real systems
 * have.
 */
class DemoSourceDataTest {

	private static final int CUSTOMERS = 10_000;

	private static final Pattern TAG_REFERENCE = Pattern.compile("TAG\\.(T\\d{4})");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Connection duck;

	private static JsonNode library;

	private static JsonNode rules;

	/** Tag code to its library entry, in library order. */
	private static final Map<String, JsonNode> tags = new LinkedHashMap<>();

	/** Class code to the codes of its tags. */
	private static final Map<String, List<String>> tagsOfClass = new TreeMap<>();

	/** The output columns of each rule, by rule key ("C01.01" or "T0115"). */
	private static final Map<String, List<String>> ruleColumns = new TreeMap<>();

	@BeforeAll
	static void generateAndCompute() throws Exception {
		library = read("/demo/tag-library.json");
		rules = read("/demo/tag-rules.json");
		library.path("tags").forEach((tag) -> {
			tags.put(tag.path("code").asString(), tag);
			tagsOfClass.computeIfAbsent(tag.path("class").asString(), (c) -> new ArrayList<>())
				.add(tag.path("code").asString());
		});
		duck = DriverManager.getConnection("jdbc:duckdb:");
		long start = System.nanoTime();
		generate();
		long generated = System.nanoTime();
		compute();
		long computed = System.nanoTime();
		System.out.printf("demo source data: %d customers generated in %d ms, %d rules computed in %d ms%n", CUSTOMERS,
				(generated - start) / 1_000_000, ruleColumns.size(), (computed - generated) / 1_000_000);
		printCounts();
	}

	@AfterAll
	static void close() throws SQLException {
		duck.close();
	}

	@Test
	void theCatalogueListsExactlyTheColumnsOfTheGeneratedTables() throws SQLException {
		Set<String> catalogue = new TreeSet<>();
		library.path("sourceSystems")
			.forEach((system) -> system.path("tables")
				.forEach((table) -> table.path("fields")
					.forEach((field) -> catalogue.add(system.path("code").asString() + "."
							+ table.path("code").asString() + "." + field.asString()))));
		Set<String> data = new TreeSet<>(strings("""
				SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
				WHERE table_schema IN ('S1', 'S2', 'S3', 'S4', 'S5')"""));
		assertThat(data).containsExactlyElementsOf(catalogue);
		assertThat(strings("SELECT count(*) FROM duckdb_tables() WHERE temporary")).containsExactly("0");
	}

	@Test
	void everyCatalogueFieldHasADictionaryDescription() throws IOException {
		JsonNode dictionary = read("/demo/source-dictionary.json");
		List<String> missing = new ArrayList<>();
		library.path("sourceSystems").forEach((system) -> system.path("tables").forEach((table) -> {
			String prefix = system.path("code").asString() + "." + table.path("code").asString();
			if (dictionary.path(prefix).asString("").isBlank()) {
				missing.add(prefix);
			}
			table.path("fields").forEach((field) -> {
				if (dictionary.path(prefix + "." + field.asString()).asString("").isBlank()) {
					missing.add(prefix + "." + field.asString());
				}
			});
		}));
		assertThat(missing).isEmpty();
	}

	@Test
	void everyTagIsComputedOnceByItsOwnRuleOrItsClassRuleWithTheContractedColumns() {
		Set<String> ownRules = new TreeSet<>(fieldNames(rules.path("tags")));
		Set<String> classRules = new TreeSet<>(fieldNames(rules.path("classes")));
		assertThat(tags.keySet()).containsAll(ownRules);
		assertThat(tagsOfClass.keySet()).containsAll(classRules);
		for (String tag : tags.keySet()) {
			boolean byClass = classRules.contains(tags.get(tag).path("class").asString());
			assertThat(ownRules.contains(tag) || byClass).as("%s has a rule", tag).isTrue();
		}
		for (var rule : ruleColumns.entrySet()) {
			boolean isClass = rule.getKey().startsWith("C");
			List<String> expected = new ArrayList<>(isClass ? List.of("customer", "tag") : List.of("customer"));
			if (rule.getValue().contains("value")) {
				expected.add("value");
			}
			assertThat(rule.getValue()).as(rule.getKey()).containsExactlyElementsOf(expected);
		}
		// valued tags (enumerations, scores) carry a value; the district is a GB/T 2260
		// code
		for (String tag : tags.keySet()) {
			String type = facetValue(tag, "F5");
			if (type.equals("F5.V2") || type.equals("F5.V4")) {
				assertThat(count("SELECT count(*) FROM TAG." + tag + " WHERE value IS NULL")).as(tag).isZero();
			}
		}
		assertThat(count("SELECT count(*) FROM TAG.T0801 WHERE NOT regexp_full_match(value, '3301[0-9]{2}')")).isZero();
		assertThat(count("SELECT count(*) FROM TAG.T0801")).isEqualTo(CUSTOMERS);
	}

	@Test
	void noRuleGivesACustomerTwiceOrACustomerOutsideTheTagsScope() {
		for (String tag : tags.keySet()) {
			assertThat(count("SELECT count(*) - count(DISTINCT customer) FROM TAG." + tag)).as(tag).isZero();
			assertThat(
					count("SELECT count(*) FROM TAG." + tag + " WHERE customer NOT IN (SELECT CONS_NO FROM S1.C_CONS)"))
				.as(tag)
				.isZero();
			assertThat(count("SELECT count(*) FROM TAG." + tag + " WHERE customer NOT IN ("
					+ scope(facetValue(tag, "F4")) + ")"))
				.as("%s carriers outside %s", tag, facetValue(tag, "F4"))
				.isZero();
		}
	}

	@Test
	void noCustomerHasTwoTagsOfAnExclusiveClassAndEveryCustomerInScopeHasOneOfAnExhaustiveClass() {
		for (JsonNode division : library.path("classes")) {
			String code = division.path("code").asString();
			List<String> members = tagsOfClass.getOrDefault(code, List.of());
			if (members.isEmpty()) {
				continue;
			}
			String carriers = String.join(" UNION ALL ",
					members.stream().map((tag) -> "SELECT customer, '" + tag + "' AS tag FROM TAG." + tag).toList());
			if (division.path("exclusive").asBoolean()) {
				assertThat(count("SELECT count(*) FROM (SELECT customer FROM (" + carriers
						+ ") GROUP BY customer HAVING count(DISTINCT tag) > 1)"))
					.as("customers with two tags of %s", code)
					.isZero();
			}
			if (division.path("exhaustive").asBoolean()) {
				assertThat(count("SELECT count(*) FROM (" + scope(division.path("scope").asString())
						+ ") s WHERE s.CONS_NO NOT IN (SELECT customer FROM (" + carriers + "))"))
					.as("customers in the scope of %s with none of its tags", code)
					.isZero();
			}
		}
	}

	@Test
	void theContradictionsOfTheRandomDemoAreGoneAndTheRealImplicationsHold() {
		// 低压居民 on 110 kV and above, or with the two-part industrial tariff
		assertThat(both("T0103", "T0109")).isZero();
		assertThat(both("T0103", "T0112")).isZero();
		// 高压 in a public transformer area
		assertThat(both("T0101", "T0805")).isZero();
		// 信用A级 or 按期缴费 while long in arrears
		assertThat(both("T0315", "T0311")).isZero();
		assertThat(both("T0307", "T0311")).isZero();
		// 低压居民 => 220/380 V and a residential tariff
		assertThat(count("""
				SELECT count(*) FROM TAG.T0103 WHERE customer NOT IN (SELECT customer FROM TAG.T0104)
				  AND customer NOT IN (SELECT customer FROM TAG.T0105)""")).isZero();
		assertThat(count("SELECT count(*) FROM TAG.T0103 WHERE customer NOT IN (SELECT customer FROM TAG.T0110)"))
			.isZero();
		// 低压居民 => a public transformer area
		assertThat(count("SELECT count(*) FROM TAG.T0103 WHERE customer NOT IN (SELECT customer FROM TAG.T0805)"))
			.isZero();
		// 高压 => 10 kV or more; two-part tariff => at least 100 kVA; long arrears => in
		// arrears
		assertThat(count("""
				SELECT count(*) FROM S1.C_CONS WHERE CONS_SORT_CODE = '01'
				  AND VOLT_CODE NOT IN ('AC00101', 'AC00201', 'AC02751', 'AC00351', 'AC01101', 'AC02201')""")).isZero();
		assertThat(both("T0101", "T0104") + both("T0101", "T0105")).isZero();
		assertThat(
				count("""
						SELECT count(*) FROM TAG.T0112 t JOIN S1.C_CONS c ON c.CONS_NO = t.customer WHERE c.CONTRACT_CAP < 100"""))
			.isZero();
		assertThat(count("SELECT count(*) FROM TAG.T0311 WHERE customer NOT IN (SELECT customer FROM TAG.T0310)"))
			.isZero();
	}

	@Test
	void billsPaymentsAndArrearsAgreeMonthByMonth() {
		assertThat(count("""
				SELECT count(*) FROM S1.A_RCVBL_FLOW f
				LEFT JOIN (SELECT CONS_NO, RCVBL_YM, sum(RCVED_AMT) AS paid FROM S1.A_RCVED_FLOW GROUP BY ALL) r
				  ON r.CONS_NO = f.CONS_NO AND r.RCVBL_YM = f.RCVBL_YM
				WHERE f.RCVED_AMT <> coalesce(r.paid, 0) OR f.OWE_AMT <> f.RCVBL_AMT - f.RCVED_AMT
				  OR (f.SETTLE_FLAG = '03') <> (f.OWE_AMT = 0)""")).isZero();
		assertThat(count("""
				SELECT count(*) FROM S1.A_RCVED_FLOW r JOIN S1.A_PAY_FLOW p USING (CHARGE_ID)
				WHERE p.RCV_AMT < r.RCVED_AMT OR p.PAY_DATE <> r.CHARGE_DATE OR p.CONS_NO <> r.CONS_NO""")).isZero();
		assertThat(count("SELECT count(*) FROM S1.A_PAY_FLOW"))
			.isEqualTo(count("SELECT count(*) FROM S1.A_RCVED_FLOW"));
		// the billed kWh is the snapshot's, and where daily readings cover the month,
		// their difference
		assertThat(
				count("""
						SELECT count(*) FROM S1.A_RCVBL_FLOW f JOIN S1.ARC_E_CONS_SNAP s ON s.CONS_NO = f.CONS_NO AND s.AMT_YM = f.RCVBL_YM
						WHERE s.T_PQ <> f.T_PQ OR s.T_AMT <> f.RCVBL_AMT"""))
			.isZero();
		assertThat(
				count("""
						WITH e AS (SELECT CONS_NO, strftime(DATA_DATE + INTERVAL 1 MONTH, '%Y%m') AS ym, PAP_R FROM S2.E_MP_DAY_READ
						           WHERE DATA_DATE = last_day(DATA_DATE)),
						m AS (SELECT a.CONS_NO, b.ym, b.PAP_R - a.PAP_R AS kwh FROM e a JOIN e b
						      ON b.CONS_NO = a.CONS_NO AND strptime(b.ym, '%Y%m') = strptime(a.ym, '%Y%m') + INTERVAL 1 MONTH)
						SELECT count(*) FROM m JOIN S1.ARC_E_CONS_SNAP s ON s.CONS_NO = m.CONS_NO AND s.AMT_YM = m.ym
						WHERE abs(m.kwh - s.T_PQ) > 1"""))
			.isZero();
		assertThat(count("SELECT count(*) FROM S1.ARC_E_CONS_SNAP WHERE AMT_YM >= '202601'")).isPositive();
	}

	@Test
	void theDistributionsArePlausible() {
		assertThat(share("T0307")).isGreaterThan(0.6);
		assertThat(share("T0311")).isBetween(0.005, 0.10);
		assertThat(share("T0103")).isBetween(0.78, 0.86);
		assertThat(share("T0101")).isBetween(0.02, 0.04);
		assertThat(share("T0703") + share("T0704") + share("T0705")).isBetween(0.02, 0.15);
		assertThat(share("T0706")).isGreaterThan(0.85);
		assertThat(share("T0204") / share("T0103")).isBetween(0.65, 0.85);
		assertThat(share("T0315")).isGreaterThan(share("T0317"));
		assertThat(share("T0501")).isLessThan(0.15);
		assertThat(share("T0219")).isBetween(0.005, 0.05);
		// every tag has carriers in the demo
		for (String tag : tags.keySet()) {
			assertThat(count("SELECT count(*) FROM TAG." + tag)).as("carriers of %s", tag).isPositive();
		}
	}

	@Test
	void theSameNumberOfCustomersAlwaysGivesTheSameData() throws Exception {
		assertThat(fingerprint(300)).isEqualTo(fingerprint(300)).isNotEqualTo(fingerprint(301));
	}

	private static void generate() throws IOException, SQLException {
		run(duck, CUSTOMERS);
	}

	/** Runs the demo script in a fresh database, for the given number of customers. */
	private static void run(Connection connection, int customers) throws IOException, SQLException {
		String script;
		try (InputStream in = DemoSourceDataTest.class.getResourceAsStream("/demo/source-data.sql")) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET VARIABLE customers = " + customers);
		}
		for (String part : script.split(";\\s*\\n")) {
			if (!part.replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute(part);
				}
				catch (SQLException ex) {
					throw new SQLException(ex.getMessage() + "\n" + part, ex);
				}
			}
		}
	}

	/**
	 * Runs every rule in the order its {@code TAG.Txxxx} references demand, materialising
	 * each tag's carriers as {@code TAG.Txxxx(customer, value)}.
	 */
	private static void compute() throws SQLException {
		Map<String, String> sql = new LinkedHashMap<>();
		Map<String, Set<String>> provides = new LinkedHashMap<>();
		Set<String> ownRules = new TreeSet<>(fieldNames(rules.path("tags")));
		for (String code : fieldNames(rules.path("classes"))) {
			sql.put(code, rules.path("classes").path(code).asString());
			Set<String> members = new LinkedHashSet<>(tagsOfClass.getOrDefault(code, List.of()));
			members.removeAll(ownRules);
			provides.put(code, members);
		}
		for (String code : ownRules) {
			sql.put(code, rules.path("tags").path(code).asString());
			provides.put(code, Set.of(code));
		}
		Map<String, String> providerOf = new TreeMap<>();
		provides.forEach((rule, provided) -> provided.forEach((tag) -> providerOf.put(tag, rule)));
		// as the engine runs rules: no file or network access
		execute("SET enable_external_access = false");
		execute("CREATE SCHEMA TAG");
		Set<String> done = new LinkedHashSet<>();
		while (done.size() < sql.size()) {
			int before = done.size();
			for (var rule : sql.entrySet()) {
				if (done.contains(rule.getKey())) {
					continue;
				}
				Set<String> needs = new TreeSet<>();
				Matcher reference = TAG_REFERENCE.matcher(rule.getValue());
				while (reference.find()) {
					needs.add(providerOf.get(reference.group(1)));
				}
				assertThat(needs).as("rules %s reads", rule.getKey()).doesNotContainNull();
				if (done.containsAll(needs)) {
					materialise(rule.getKey(), rule.getValue(), provides.get(rule.getKey()));
					done.add(rule.getKey());
				}
			}
			assertThat(done.size()).as("a cycle among %s", sql.keySet()).isGreaterThan(before);
		}
	}

	private static void materialise(String rule, String sql, Set<String> provided) throws SQLException {
		// one read-only SELECT that calls no table function (no file, URL or metadata
		// read)
		try (PreparedStatement parse = duck.prepareStatement("SELECT json_serialize_sql(?)")) {
			parse.setString(1, sql);
			try (ResultSet parsed = parse.executeQuery()) {
				parsed.next();
				JsonNode tree = JSON.readTree(parsed.getString(1));
				assertThat(tree.path("error").asBoolean(false)).as("%s parses: %s", rule, tree).isFalse();
				assertThat(tree.path("statements").size()).as(rule).isOne();
				assertThat(tree.findValues("type")).as("table functions in %s", rule)
					.noneMatch((type) -> type.asString("").equals("TABLE_FUNCTION"));
			}
		}
		execute("CREATE TEMP TABLE rule_result AS SELECT * FROM (" + sql + ")");
		List<String> columns = strings("SELECT column_name FROM (DESCRIBE rule_result)");
		assertThat(strings("SELECT DISTINCT column_type FROM (DESCRIBE rule_result)")).as("column types of %s", rule)
			.containsExactly("VARCHAR");
		ruleColumns.put(rule, columns);
		String value = columns.contains("value") ? "value" : "NULL::VARCHAR AS value";
		if (rule.startsWith("C")) {
			assertThat(strings("SELECT DISTINCT tag FROM rule_result")).as("tags given by the rule of %s", rule)
				.isSubsetOf(provided);
		}
		for (String tag : provided) {
			execute("CREATE TABLE TAG." + tag + " AS SELECT customer, " + value + " FROM rule_result"
					+ (rule.startsWith("C") ? " WHERE tag = '" + tag + "'" : ""));
		}
		execute("DROP TABLE rule_result");
	}

	private static String fingerprint(int customers) throws IOException, SQLException {
		try (Connection other = DriverManager.getConnection("jdbc:duckdb:")) {
			run(other, customers);
			try (Statement statement = other.createStatement(); ResultSet result = statement.executeQuery("""
					SELECT (SELECT md5(string_agg(c::VARCHAR, '|' ORDER BY CONS_NO)) FROM S1.C_CONS c)
					  || (SELECT md5(string_agg(f::VARCHAR, '|' ORDER BY CONS_NO, RCVBL_YM)) FROM S1.A_RCVBL_FLOW f)
					  || (SELECT sum(PAP_R)::VARCHAR FROM S2.E_MP_DAY_READ)
					  || (SELECT sum(list_sum(P1_P96))::VARCHAR FROM S2.E_MP_POWER_CURVE)""")) {
				result.next();
				return result.getString(1);
			}
		}
	}

	private static void printCounts() throws SQLException {
		StringBuilder table = new StringBuilder("tag   carriers  share  class      name (value sample)\n");
		for (var tag : tags.entrySet()) {
			String code = tag.getKey();
			long carriers = count("SELECT count(*) FROM TAG." + code);
			List<String> sample = strings(
					"SELECT DISTINCT value FROM TAG." + code + " WHERE value IS NOT NULL ORDER BY value LIMIT 4");
			table.append(String.format("%s %9d %5.1f%%  %-10s %s%s%n", code, carriers, 100.0 * carriers / CUSTOMERS,
					tag.getValue().path("class").asString(), tag.getValue().path("name").asString(),
					sample.isEmpty() ? "" : " " + sample));
		}
		System.out.print(table);
	}

	/** The customers of a scope (an F4 value): those with any of its defining tags. */
	private static String scope(String facetValue) {
		List<JsonNode> facets = new ArrayList<>();
		// a scope may be a value of a facet or of one of its sub-facets (亚面)
		library.path("facets").forEach((facet) -> {
			facets.add(facet);
			facet.path("subFacets").forEach(facets::add);
		});
		for (JsonNode facet : facets) {
			for (JsonNode value : facet.path("values")) {
				if (value.path("code").asString().equals(facetValue)) {
					List<String> defining = new ArrayList<>();
					value.path("customersWithAnyOf").forEach((tag) -> defining.add(tag.asString()));
					return String.join(" UNION ",
							defining.stream().map((tag) -> "SELECT customer AS CONS_NO FROM TAG." + tag).toList());
				}
			}
		}
		throw new IllegalArgumentException("no scope " + facetValue);
	}

	private static String facetValue(String tag, String facet) {
		for (JsonNode value : tags.get(tag).path("facetValues")) {
			if (value.asString().startsWith(facet + ".")) {
				return value.asString();
			}
		}
		throw new IllegalArgumentException(tag + " has no value in " + facet);
	}

	private static long both(String first, String second) {
		return count(
				"SELECT count(*) FROM TAG." + first + " WHERE customer IN (SELECT customer FROM TAG." + second + ")");
	}

	private static double share(String tag) {
		return count("SELECT count(*) FROM TAG." + tag) / (double) CUSTOMERS;
	}

	private static long count(String sql) {
		return Long.parseLong(strings(sql).get(0));
	}

	private static List<String> strings(String sql) {
		try (Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage() + "\n" + sql, ex);
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Statement statement = duck.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new SQLException(ex.getMessage() + "\n" + sql, ex);
		}
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private static JsonNode read(String resource) throws IOException {
		try (InputStream in = DemoSourceDataTest.class.getResourceAsStream(resource)) {
			return JSON.readTree(in);
		}
	}

}
