package com.taggraph.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.ClassRulesInCypher;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule report on the demo library equals the same rules written by hand in Cypher; an
 * exclusive class broken in the data over Bolt is listed with its exact customer count;
 * structural and lineage violations forced over Bolt are each found; the REST endpoint
 * serves the same report as JSON and CSV.
 */
@TagGraphTest
class RuleReportTest extends ApiTest {

	private static final String REPORT = """
			query($categories: [RuleCategory!]) {
			  ruleReport(categories: $categories) {
			    generatedAt categories dataAsOf
			    violations { kind category codes message customerCount sampleCustomerIds }
			    counts { kind category violations customers }
			  }
			}""";

	/** Marks the assignments this test adds, so it removes exactly those. */
	private static final String MARK = "rule-report-test";

	@BeforeEach
	void indexInStepWithTheDatabase() {
		refresh();
	}

	@AfterEach
	void putTheLibraryBack() {
		BoltCypher.write(driver, "MATCH (:Customer)-[r:HAS_TAG {by: $mark}]->(:Tag) DELETE r", Map.of("mark", MARK));
		BoltCypher.write(driver, "MATCH (n) WHERE n.code STARTS WITH 'RR-' DETACH DELETE n", Map.of());
		refresh();
	}

	@Test
	void theDemoLibraryReportEqualsTheRulesWrittenInCypher() {
		JsonNode report = report(null);

		assertThat(keys(report.path("violations"))).isEqualTo(cypherViolations());
		assertThat(report.path("categories").valueStream().map(JsonNode::asString).toList())
			.containsExactly("STRUCTURAL", "FACET", "DATA", "LINEAGE");
		assertThat(report.path("dataAsOf").asString(null)).isNotBlank();
		assertThat(report.path("counts")).hasSize(RuleCheck.values().length);
		// the demo keeps every exclusive class and has no structural problem
		assertThat(report.path("violations").findValuesAsString("kind")).doesNotContain("EXCLUSIVE_VIOLATED",
				"CLASS_CYCLE", "ORPHAN_CLASS", "ORPHAN_TAG", "DIVISION_WITHOUT_CRITERION", "EXHAUSTIVE_CLASS_EMPTY");
	}

	@Test
	void anExclusiveClassBrokenInTheDataIsListedWithItsCustomerCount() {
		// three customers classed 居民 (T0101) are also given 非居民 (T0102): C01.01 is
		// exclusive
		List<String> broken = BoltCypher.read(driver, """
				MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: 'T0101'})
				WHERE NOT (c)-[:HAS_TAG]->(:Tag {code: 'T0102'})
				RETURN c.id AS id ORDER BY id LIMIT 3""").stream().map(r -> (String) r.get("id")).toList();
		assertThat(broken).hasSize(3);
		BoltCypher.write(driver, """
				MATCH (c:Customer) WHERE c.id IN $ids
				MATCH (t:Tag {code: 'T0102'})
				CREATE (c)-[:HAS_TAG {source: 'IMPORT', assignedAt: datetime(), by: $mark}]->(t)""",
				Map.of("ids", broken, "mark", MARK));
		refresh();

		JsonNode report = report(List.of("DATA"));

		List<JsonNode> exclusive = ofKind(report, "EXCLUSIVE_VIOLATED");
		assertThat(exclusive).hasSize(1);
		JsonNode violation = exclusive.get(0);
		assertThat(violation.path("codes").valueStream().map(JsonNode::asString).toList()).containsExactly("C01.01");
		assertThat(violation.path("category").asString()).isEqualTo("DATA");
		assertThat(violation.path("customerCount").asLong()).isEqualTo(3).isEqualTo(cypherExclusive("C01.01"));
		assertThat(violation.path("sampleCustomerIds").valueStream().map(JsonNode::asString).toList())
			.containsExactlyElementsOf(broken);
		assertThat(violation.path("message").asString()).contains("C01.01", "3 customers");
		JsonNode count = report.path("counts")
			.valueStream()
			.filter(c -> c.path("kind").asString().equals("EXCLUSIVE_VIOLATED"))
			.findFirst()
			.orElseThrow();
		assertThat(count.path("violations").asInt()).isEqualTo(1);
		assertThat(count.path("customers").asInt()).isEqualTo(3);
		assertThat(keys(report(null).path("violations"))).isEqualTo(cypherViolations());
	}

	@Test
	void structuralViolationsForcedOverBoltAreEachFound() {
		BoltCypher.write(driver, """
				CREATE (a:TagClass {code: 'RR-A', name: '环甲', criterion: 'x'}),
				       (b:TagClass {code: 'RR-B', name: '环乙', criterion: 'x'}),
				       (c:TagClass {code: 'RR-C', name: '环下'}),
				       (a)-[:BROADER]->(b), (b)-[:BROADER]->(a), (c)-[:BROADER]->(a),
				       (:Tag {code: 'RR-T', name: '无类标签', status: 'APPROVED'}),
				       (d:TagClass {code: 'RR-D', name: '无标准'}),
				       (:TagClass {code: 'RR-D2', name: '下位二'})-[:BROADER]->(d),
				       (:TagClass {code: 'RR-D1', name: '下位一'})-[:BROADER]->(d),
				       (:TagClass {code: 'RR-E', name: '穷尽但空', criterion: 'x', exhaustive: true})""", Map.of());

		JsonNode report = report(List.of("STRUCTURAL"));

		assertThat(codesOf(report, "CLASS_CYCLE")).containsExactly(List.of("RR-A", "RR-B"));
		assertThat(codesOf(report, "ORPHAN_CLASS")).containsExactly(List.of("RR-C", "RR-A"));
		assertThat(codesOf(report, "ORPHAN_TAG")).containsExactly(List.of("RR-T"));
		assertThat(codesOf(report, "DIVISION_WITHOUT_CRITERION")).containsExactly(List.of("RR-D", "RR-D1", "RR-D2"));
		assertThat(codesOf(report, "EXHAUSTIVE_CLASS_EMPTY")).containsExactly(List.of("RR-E"));
		assertThat(report.path("categories")).hasSize(1);
		assertThat(report.path("counts").findValuesAsString("category")).containsOnly("STRUCTURAL");
		assertThat(keys(report.path("violations"))).isEqualTo(cypherViolations("STRUCTURAL"));
	}

	@Test
	void lineageViolationsForcedOverBoltAreEachFound() {
		BoltCypher.write(driver,
				"""
						MATCH (home:TagClass {code: 'C01.01'}), (field:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem)
						WITH home, field ORDER BY field.code LIMIT 1
						CREATE (bare:Tag {code: 'RR-L', name: '无血缘', status: 'APPROVED'})-[:IN_CLASS]->(home),
						       (old:Tag {code: 'RR-OLD', name: '已废弃', status: 'DEPRECATED', replacedBy: 'RR-NEW'})-[:IN_CLASS]->(home),
						       (live:Tag {code: 'RR-LIVE', name: '派生', status: 'APPROVED'})-[:IN_CLASS]->(home),
						       (old)-[:DERIVED_FROM]->(field), (live)-[:DERIVED_FROM]->(old)""",
				Map.of());

		JsonNode report = report(List.of("LINEAGE"));

		assertThat(codesOf(report, "NO_LINEAGE")).contains(List.of("RR-L"))
			.doesNotContain(List.of("RR-LIVE"), List.of("RR-OLD"));
		assertThat(codesOf(report, "DERIVED_FROM_DEPRECATED")).containsExactly(List.of("RR-LIVE", "RR-OLD"));
		assertThat(ofKind(report, "DERIVED_FROM_DEPRECATED").get(0).path("message").asString()).contains("RR-NEW");
		assertThat(keys(report.path("violations"))).isEqualTo(cypherViolations("LINEAGE"));
	}

	@Test
	void theEndpointServesTheSameReportAsJsonAndCsv() throws Exception {
		BoltCypher.write(driver, "CREATE (:Tag {code: 'RR-T', name: '无类, \"引号\"', status: 'APPROVED'})", Map.of());
		JsonNode graphQl = report(null);

		HttpResponse<String> json = get("/api/reports/rules", null);
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JsonNode body = JsonMapper.builder().build().readTree(json.body());
		assertThat(keys(body.path("violations"))).isEqualTo(keys(graphQl.path("violations")));
		assertThat(body.path("counts")).hasSize(RuleCheck.values().length);
		assertThat(body.path("counts").findValuesAsString("category")).hasSize(RuleCheck.values().length);
		assertThat(body.path("violations").findValuesAsString("category"))
			.isEqualTo(graphQl.path("violations").findValuesAsString("category"));
		assertThat(body.path("dataAsOf").asString(null)).isNotBlank();

		HttpResponse<String> csv = get("/api/reports/rules", "text/csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new java.io.StringReader(csv.body()))
			.getRecords();
		assertThat(rows).hasSize(graphQl.path("violations").size());
		Map<String, Long> fromCsv = new TreeMap<>();
		rows.forEach(r -> fromCsv.put(r.get("kind") + " " + r.get("codes"),
				r.get("customerCount").isEmpty() ? -1 : Long.parseLong(r.get("customerCount"))));
		assertThat(fromCsv).isEqualTo(keys(graphQl.path("violations")));
		CSVRecord orphan = rows.stream().filter(r -> r.get("codes").equals("RR-T")).findFirst().orElseThrow();
		assertThat(orphan.get("kind")).isEqualTo("ORPHAN_TAG");
		assertThat(orphan.get("message")).contains("无类, \"引号\"");

		HttpResponse<String> byParameter = get("/api/reports/rules?format=csv&category=STRUCTURAL", "application/json");
		assertThat(byParameter.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(byParameter.body().lines().skip(1).toList()).allMatch(line -> line.contains("STRUCTURAL"));
		assertThat(get("/api/reports/rules", "text/html").statusCode()).isEqualTo(406);
		assertThat(get("/api/reports/rules?format=xml", null).statusCode()).isEqualTo(400);
	}

	// ---- helpers
	// ------------------------------------------------------------------------------

	private void refresh() {
		var reply = client.query("mutation { refreshSegmentIndex { builtAt } }");
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
	}

	private JsonNode report(List<String> categories) {
		var reply = client.query(REPORT, categories == null ? Map.of() : Map.of("categories", categories));
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		return reply.data("ruleReport");
	}

	private HttpResponse<String> get(String path, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder().GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		return client.raw(request, path);
	}

	private static List<JsonNode> ofKind(JsonNode report, String kind) {
		return report.path("violations").valueStream().filter(v -> v.path("kind").asString().equals(kind)).toList();
	}

	private static List<List<String>> codesOf(JsonNode report, String kind) {
		return ofKind(report, kind).stream()
			.map(v -> v.path("codes").valueStream().map(JsonNode::asString).toList())
			.toList();
	}

	/** "KIND code;code" → customers (-1 when the check is not about customers). */
	private static Map<String, Long> keys(JsonNode violations) {
		Map<String, Long> keys = new TreeMap<>();
		violations.forEach(v -> keys.put(
				v.path("kind").asString() + " "
						+ String.join(";", v.path("codes").valueStream().map(JsonNode::asString).toList()),
				v.path("customerCount").isNull() ? -1 : v.path("customerCount").asLong()));
		return keys;
	}

	private long cypherExclusive(String classCode) {
		return cypherViolations("DATA").getOrDefault("EXCLUSIVE_VIOLATED " + classCode, 0L);
	}

	private Map<String, Long> cypherViolations() {
		Map<String, Long> all = new TreeMap<>();
		for (String category : List.of("STRUCTURAL", "FACET", "DATA", "LINEAGE")) {
			all.putAll(cypherViolations(category));
		}
		return all;
	}

	/** The rules of one category written by hand over Bolt, keyed like {@link #keys}. */
	private Map<String, Long> cypherViolations(String category) {
		List<String> statements = new ArrayList<>();
		switch (category) {
			case "STRUCTURAL" -> {
				statements
					.add("""
							MATCH (c:TagClass) WHERE EXISTS { (c)-[:BROADER]->+(c) }
							WITH c, COLLECT { MATCH (c)-[:BROADER]->+(d:TagClass) WHERE d <> c AND EXISTS { (d)-[:BROADER]->+(c) }
							                  RETURN d.code } AS ring
							WHERE all(x IN ring WHERE c.code < x)
							MATCH path = (c)-[:BROADER]->+(c)
							RETURN 'CLASS_CYCLE ' + reduce(s = c.code, n IN nodes(path)[1..-1] | s + ';' + n.code) AS key, -1 AS n""");
				statements.add("""
						MATCH (c:TagClass) WHERE NOT EXISTS { (c)-[:BROADER]->+(c) }
						  AND NOT EXISTS { (c)-[:BROADER]->*(r:TagClass) WHERE NOT EXISTS { (r)-[:BROADER]->() } }
						MATCH (c)-[:BROADER]->(u)
						RETURN 'ORPHAN_CLASS ' + c.code + ';' + u.code AS key, -1 AS n""");
				statements.add("""
						MATCH (t:Tag) WHERE COUNT { (t)-[:IN_CLASS]->() } = 0
						RETURN 'ORPHAN_TAG ' + t.code AS key, -1 AS n""");
				statements
					.add("""
							MATCH (l:TagClass)-[:BROADER]->(c:TagClass) WHERE c.criterion IS NULL OR trim(c.criterion) = ''
							WITH c, l ORDER BY l.code
							WITH c, collect(l.code) AS lower
							RETURN 'DIVISION_WITHOUT_CRITERION ' + reduce(s = c.code, x IN lower | s + ';' + x) AS key, -1 AS n""");
				statements.add("""
						MATCH (c:TagClass) WHERE c.exhaustive = true
						  AND COUNT { (:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) } = 0
						RETURN 'EXHAUSTIVE_CLASS_EMPTY ' + c.code AS key, -1 AS n""");
			}
			case "FACET" -> statements
				.add("""
						MATCH (f:Facet) WHERE NOT EXISTS { (f)-[:SUB_FACET_OF]->() }
						MATCH (t:Tag)
						WITH f, t, COUNT { (t)-[:HAS_FACET_VALUE]->(:FacetValue)-[:OF_FACET]->(:Facet)-[:SUB_FACET_OF]->*(f) } AS values
						WHERE values <> 1
						RETURN CASE values WHEN 0 THEN 'FACET_VALUE_MISSING ' ELSE 'FACET_VALUE_DUPLICATED ' END + t.code + ';' + f.code AS key, -1 AS n""");
			case "DATA" -> {
				statements.add(ClassRulesInCypher.exclusiveViolations("EXCLUSIVE_VIOLATED "));
				statements.add(ClassRulesInCypher.exhaustiveViolations("EXHAUSTIVE_VIOLATED "));
				statements
					.add("""
							MATCH (k:TagConstraint)-[:IF_TAG]->(a:Tag)<-[:HAS_TAG]-(c:Customer)
							WITH k, a, c, COUNT { (k)-[:THEN_TAG]->(b:Tag)<-[:HAS_TAG]-(c) } AS carried
							WHERE (k.kind = 'IMPLIES' AND carried = 0) OR (k.kind = 'EXCLUDES' AND carried > 0)
							WITH k, a, count(DISTINCT c) AS n
							MATCH (k)-[:THEN_TAG]->(b:Tag)
							WITH k, a, n, b ORDER BY b.code
							WITH k, a, n, collect(b.code) AS thens
							RETURN 'CONSTRAINT_VIOLATED ' + k.code + ';' + a.code + reduce(s = '', x IN thens | s + ';' + x) AS key, n""");
				// the last two runs' counts of each computed tag, 20 % apart (the
				// default)
				statements.add("""
						MATCH (r:ComputeRun)-[k:COUNTED]->(t:Tag)
						WITH t, r, k ORDER BY r.finishedAt DESC, r.id DESC
						WITH t, collect(k.carriers) AS counts WHERE size(counts) >= 2
						WITH t, counts[0] AS after, counts[1] AS before
						WHERE abs(after - before) > 0.2 * CASE WHEN before > 0 THEN before ELSE 1 END
						RETURN 'COUNT_DRIFT ' + t.code AS key, -1 AS n""");
			}
			case "LINEAGE" -> {
				statements
					.add("""
							MATCH (t:Tag) WHERE t.status IS NULL OR t.status <> 'DEPRECATED'
							OPTIONAL MATCH (t)-[:DERIVED_FROM]->*(:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(s:SourceSystem)
							WITH t, count(s) AS systems WHERE systems = 0
							RETURN 'NO_LINEAGE ' + t.code AS key, -1 AS n""");
				statements.add("""
						MATCH (t:Tag)-[:DERIVED_FROM]->(u:Tag) WHERE u.status = 'DEPRECATED'
						  AND (t.status IS NULL OR t.status <> 'DEPRECATED')
						RETURN 'DERIVED_FROM_DEPRECATED ' + t.code + ';' + u.code AS key, -1 AS n""");
			}
			default -> throw new IllegalArgumentException(category);
		}
		Map<String, Long> found = new TreeMap<>();
		statements.forEach(s -> BoltCypher.read(driver, s)
			.forEach(r -> found.put((String) r.get("key"), ((Number) r.get("n")).longValue())));
		return found;
	}

}
