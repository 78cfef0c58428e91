package com.taggraph.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.taggraph.ApiClient.Reply;
import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 16, done-when 2 and 4, through GraphQL as a steward and a reviewer would: a rule
 * for a new tag over S1.C_CONS and S1.A_RCVBL_FLOW is refused while it names an unknown
 * column or reads files, previewed, approved and computed; its carriers equal the same
 * query run independently over the demo extracts, and its lineage lists exactly the
 * columns the SQL reads. Rules giving customers two tags of an exclusive class write
 * nothing for the class and name the customers.
 */
@TagGraphTest
class TagRuleTest extends ApiTest {

	/** Residential customers with an unpaid bill: reads two columns of each table. */
	private static final String RULE = """
			SELECT DISTINCT c.CONS_NO AS customer
			FROM S1.C_CONS AS c
			JOIN S1.A_RCVBL_FLOW AS r ON r.CONS_NO = c.CONS_NO
			WHERE c.CONS_SORT_CODE = '03' AND r.OWE_AMT > 0""";

	@Autowired
	SourceEngine engine;

	@AfterEach
	void removeTestItems() {
		writeEach("MATCH (p:PendingChange) WHERE p.code STARTS WITH 'CT-' DETACH DELETE p",
				"MATCH (:Tag)<-[a:HAS_TAG]-() WHERE a.runId IS NOT NULL AND EXISTS { MATCH (t:Tag)<-[a]-() WHERE t.code STARTS WITH 'CT-' } DELETE a",
				"MATCH (n) WHERE (n:TagClass OR n:Tag) AND n.code STARTS WITH 'CT-' DETACH DELETE n");
	}

	@Test
	void aStewardsRuleIsCheckedPreviewedApprovedAndComputedWithLineageFromItsSql() throws Exception {
		ok(client.query(
				"""
						mutation {
						  c: createTagClass(input: {code: "CT-C", name: "测试欠费", criterion: "是否有欠费 A_RCVBL_FLOW.OWE_AMT"}) { code }
						  t: createTag(input: {code: "CT-T1", name: "居民有欠费", classCode: "CT-C", rule: "居民且有未缴电费"}) { code }
						}""",
				Map.of(), "steward.li"));

		// refused while it names an unknown column, or reads a file, or is not a query
		Map<String, Object> before = GraphSnapshot.of(driver);
		Reply unknown = setRule("CT-T1", RULE.replace("r.OWE_AMT", "r.OWE_AMOUNT"));
		assertThat(unknown.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(unknown.errorMessage()).contains("OWE_AMOUNT").contains("LINE");
		Reply copy = setRule("CT-T1", "COPY (SELECT CONS_NO FROM S1.C_CONS) TO '/tmp/ct.csv'");
		assertThat(copy.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(copy.errorMessage()).contains("single read-only SELECT");
		Reply file = setRule("CT-T1", "SELECT column0 AS customer FROM read_csv('/etc/passwd')");
		assertThat(file.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(file.errorMessage()).contains("read_csv");
		Reply table = setRule("CT-T1", "SELECT CONS_NO AS customer FROM S1.NO_SUCH_TABLE");
		assertThat(table.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(table.errorMessage()).contains("NO_SUCH_TABLE");
		Reply columns = setRule("CT-T1", "SELECT CONS_NO, CONS_NAME FROM S1.C_CONS");
		assertThat(columns.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(columns.errorMessage()).contains("customer");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);

		// previewed as it stands
		Reply preview = ok(client.query(
				"query($sql: String!) { previewRule(code: \"CT-T1\", sql: $sql) { customers sample fields inputTags } }",
				Map.of("sql", RULE), "steward.li"));
		List<String> expected = independently(RULE);
		assertThat(preview.data("previewRule.customers").asInt()).isEqualTo(expected.size()).isPositive();
		assertThat(texts(preview.data("previewRule.fields"))).containsExactly("S1.A_RCVBL_FLOW.CONS_NO",
				"S1.A_RCVBL_FLOW.OWE_AMT", "S1.C_CONS.CONS_NO", "S1.C_CONS.CONS_SORT_CODE");

		// saved on the draft tag directly; not run before it is approved
		Reply saved = ok(setRule("CT-T1", RULE));
		assertThat(saved.data("setTagRule.held").asBoolean()).isFalse();
		Reply early = client.query("mutation { computeTags(tagCodes: [\"CT-T1\"]) { id } }", Map.of(), "steward.li");
		assertThat(early.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(early.errorMessage()).contains("CT-T1", "approved");

		approveDraft("TAG_CLASS", "CT-C");
		approveDraft("TAG", "CT-T1");
		JsonNode run = ComputeApi.compute(client, "tagCodes: [\"CT-T1\"]");
		assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
		JsonNode line = ComputeApi.stat(run, "CT-T1");
		assertThat(line.path("added").asInt()).isEqualTo(expected.size());
		assertThat(line.path("customersMatched").asInt()).isEqualTo(expected.size());
		assertThat(line.path("rowsRead").asLong()).isPositive();

		List<String> carriers = read(
				"MATCH (:Tag {code: 'CT-T1'})<-[a:HAS_TAG {source: 'RULE'}]-(c:Customer) RETURN c.id AS id ORDER BY id")
			.stream()
			.map(r -> (String) r.get("id"))
			.toList();
		assertThat(carriers).isEqualTo(expected);

		// lineage: exactly the four columns the SQL reads, each edge carrying the SQL
		Reply lineage = ok(client.query(
				"{ lineage(tagCode: \"CT-T1\") { edges { from to transform } } tag(code: \"CT-T1\") { computedBy { owner sql version } } }",
				Map.of(), "steward.li"));
		List<String> fields = new ArrayList<>();
		for (JsonNode edge : lineage.data("lineage.edges")) {
			if (edge.path("from").asString().equals("CT-T1")) {
				fields.add(edge.path("to").asString());
				assertThat(edge.path("transform").asString()).isEqualTo(RULE);
			}
		}
		assertThat(new TreeSet<>(fields)).containsExactly("S1.A_RCVBL_FLOW.CONS_NO", "S1.A_RCVBL_FLOW.OWE_AMT",
				"S1.C_CONS.CONS_NO", "S1.C_CONS.CONS_SORT_CODE");
		assertThat(lineage.data("tag.computedBy.version").asInt()).isEqualTo(1);

		// a change to the approved tag's rule waits for a reviewer
		String narrower = RULE + " AND r.OWE_AMT > 100";
		Reply held = ok(setRule("CT-T1", narrower));
		assertThat(held.data("setTagRule.held").asBoolean()).isTrue();
		assertThat(read("MATCH (t:Tag {code: 'CT-T1'}) RETURN t.ruleSql AS sql").get(0).get("sql")).isEqualTo(RULE);
		String change = read("MATCH (p:PendingChange {code: 'CT-T1', status: 'PENDING'}) RETURN p.id AS id").get(0)
			.get("id")
			.toString();
		ok(client.query("mutation($id: ID!) { approveChange(id: $id) { status } }", Map.of("id", change),
				"reviewer.chen"));
		assertThat(read("MATCH (t:Tag {code: 'CT-T1'}) RETURN t.ruleSql AS sql, t.ruleVersion AS v").get(0))
			.containsEntry("sql", narrower)
			.containsEntry("v", 2L);
		JsonNode again = ComputeApi.compute(client, "tagCodes: [\"CT-T1\"]");
		List<String> narrowed = independently(narrower);
		assertThat(ComputeApi.stat(again, "CT-T1").path("removed").asInt())
			.isEqualTo(expected.size() - narrowed.size());
		assertThat(ComputeApi.stat(again, "CT-T1").path("added").asInt()).isZero();
		assertThat(read("MATCH (:Tag {code: 'CT-T1'})<-[:HAS_TAG]-(c) RETURN count(c) AS n").get(0).get("n"))
			.isEqualTo((long) narrowed.size());
		// the rule report flags the count's move when it is more than a fifth
		Reply report = ok(client.query("{ ruleReport(categories: [DATA]) { violations { kind codes } } }", Map.of(),
				"steward.li"));
		boolean flagged = report.data("ruleReport.violations")
			.valueStream()
			.anyMatch(v -> v.path("kind").asString().equals("COUNT_DRIFT")
					&& v.path("codes").path(0).asString().equals("CT-T1"));
		assertThat(flagged).isEqualTo(expected.size() - narrowed.size() > 0.2 * expected.size());
	}

	@Test
	void rulesGivingACustomerTwoTagsOfAnExclusiveClassWriteNothingForItAndNameTheCustomers() {
		ok(client.query("""
				mutation {
				  c: createTagClass(input: {code: "CT-X", name: "测试互斥", criterion: "用户分类 C_CONS.CONS_SORT_CODE",
				                           exclusive: true}) { code }
				  a: createTag(input: {code: "CT-XA", name: "高压", classCode: "CT-X"}) { code }
				  b: createTag(input: {code: "CT-XB", name: "高压也是", classCode: "CT-X"}) { code }
				}""", Map.of(), "steward.li"));
		String highVoltage = "SELECT CONS_NO AS customer FROM S1.C_CONS WHERE CONS_SORT_CODE = '01'";
		ok(setRule("CT-XA", highVoltage));
		ok(setRule("CT-XB", highVoltage));
		approveDraft("TAG_CLASS", "CT-X");
		approveDraft("TAG", "CT-XA");
		approveDraft("TAG", "CT-XB");
		Map<String, Object> before = GraphSnapshot.of(driver);

		JsonNode run = ComputeApi.compute(client, "classCodes: [\"CT-X\"]");
		assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
		JsonNode refusal = run.path("refused").path(0);
		assertThat(refusal.path("classCode").asString()).isEqualTo("CT-X");
		assertThat(refusal.path("check").asString()).isEqualTo("EXCLUSIVE");
		List<String> both = read("MATCH (c:Customer) WHERE c.consSort = '01' RETURN c.id AS id ORDER BY id LIMIT 10")
			.stream()
			.map(r -> (String) r.get("id"))
			.toList();
		assertThat(refusal.path("customers").asLong()).isPositive();
		assertThat(texts(refusal.path("sample"))).isEqualTo(both);
		assertThat(run.path("tags").size()).isZero();
		assertThat(read("MATCH (t:Tag)<-[a:HAS_TAG]-() WHERE t.code IN ['CT-XA', 'CT-XB'] RETURN count(a) AS n").get(0)
			.get("n")).isEqualTo(0L);
		assertThat(GraphSnapshot.of(driver)).isEqualTo(withRun(before));
	}

	@Test
	void aDryRunReportsWithSamplesAndWritesNothing() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		JsonNode run = ComputeApi.compute(client, "classCodes: [\"C08.02\"], dryRun: true");
		assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
		assertThat(run.path("dryRun").asBoolean()).isTrue();
		JsonNode urban = ComputeApi.stat(run, "T0802");
		assertThat(urban.path("customersMatched").asInt()).isPositive();
		assertThat(urban.path("unchanged").asInt()).isEqualTo(urban.path("customersMatched").asInt());
		assertThat(urban.path("sample").size()).isEqualTo(10);
		assertThat(GraphSnapshot.of(driver)).isEqualTo(withRun(before));
	}

	@Test
	void rulesReadingEachOthersResultsAreRefusedWithTheCycle() {
		ok(client.query("""
				mutation {
				  c: createTagClass(input: {code: "CT-Y", name: "测试循环", criterion: "互相引用的标签结果"}) { code }
				  a: createTag(input: {code: "CT-YA", name: "甲", classCode: "CT-Y"}) { code }
				  b: createTag(input: {code: "CT-YB", name: "乙", classCode: "CT-Y"}) { code }
				}""", Map.of(), "steward.li"));
		ok(setRule("CT-YA", "SELECT customer FROM TAG.\"CT-YB\""));
		Map<String, Object> before = GraphSnapshot.of(driver);
		Reply cycle = setRule("CT-YB", "SELECT customer FROM TAG.\"CT-YA\"");
		assertThat(cycle.errorCode()).isEqualTo("CYCLE");
		assertThat(cycle.errorMessage()).contains("CT-YB → CT-YA → CT-YB");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		// reading itself is a cycle too
		assertThat(setRule("CT-YA", "SELECT customer FROM TAG.\"CT-YA\"").errorCode()).isEqualTo("CYCLE");
	}

	@Test
	void aSchedulerStartsARunOverRestAndFollowsIt() throws Exception {
		Reply refused = client.as("viewer.sun").post("/api/compute", "{}", "application/json", "application/json");
		assertThat(refused.status()).isEqualTo(403);
		Reply started = client.as("steward.li")
			.post("/api/compute", "{\"classCodes\": [\"C08.02\"], \"dryRun\": true}", "application/json",
					"application/json");
		assertThat(started.status()).isEqualTo(202);
		String id = started.body().path("id").asString();
		JsonNode run = ComputeApi.await(client, id);
		assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
		var followed = client.as("steward.li")
			.raw(java.net.http.HttpRequest.newBuilder().GET().header("Accept", "application/json"),
					"/api/compute/" + id);
		assertThat(followed.statusCode()).isEqualTo(200);
		assertThat(followed.body()).contains("\"T0802\"", "\"COMPLETED\"");
		Reply unknown = client.as("steward.li")
			.post("/api/compute", "{\"tagCodes\": [\"T9999\"]}", "application/json", "application/json");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().toString()).contains("T9999");
	}

	/** The snapshot after one more run: only its :ComputeRun node is new. */
	private static Map<String, Object> withRun(Map<String, Object> before) {
		Map<String, Object> expected = new java.util.LinkedHashMap<>(before);
		expected.put("nodes", ((Number) before.get("nodes")).longValue() + 1);
		return expected;
	}

	/**
	 * The rule run on its own, in a DuckDB of its own, over the demo's Parquet extracts.
	 */
	private List<String> independently(String sql) throws Exception {
		Path demo = engine.directory().resolve("demo");
		List<String> customers = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			for (String table : List.of("S1/C_CONS", "S1/A_RCVBL_FLOW")) {
				statement.execute("CREATE SCHEMA IF NOT EXISTS S1");
				statement.execute("CREATE VIEW " + table.replace('/', '.') + " AS SELECT * FROM read_parquet('"
						+ demo.resolve(table + ".parquet") + "')");
			}
			try (ResultSet rows = statement.executeQuery("SELECT customer FROM (" + sql + ") ORDER BY customer")) {
				while (rows.next()) {
					customers.add(rows.getString(1));
				}
			}
		}
		return customers;
	}

	private Reply setRule(String code, String sql) {
		return client.query(
				"mutation($code: ID!, $sql: String!) { setTagRule(code: $code, sql: $sql) { code held fields tags columns } }",
				Map.of("code", code, "sql", sql), "steward.li");
	}

	private void approveDraft(String kind, String code) {
		Reply submitted = ok(
				client.query("mutation($code: ID!) { submitForReview(kind: " + kind + ", code: $code) { id } }",
						Map.of("code", code), "steward.li"));
		ok(client.query("mutation($id: ID!) { approveChange(id: $id) { status } }",
				Map.of("id", submitted.data("submitForReview.id").asString()), "reviewer.chen"));
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.asString()));
		return texts;
	}

}
