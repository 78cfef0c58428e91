package com.taggraph.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.BrowserFile;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * Constraints between tags of different classes (issue 16 §5): the demo library declares
 * them, they are exported and imported through GraphQL, bad input is refused naming the
 * constraint and writes nothing, and the rule report counts the customers breaking each
 * one, exactly as forced in over Bolt, without telling a viewer of a constraint that
 * names a tag hidden from them.
 */
@TagGraphTest
class TagConstraintTest extends ApiTest {

	/** Marks the assignments this test adds, so it removes exactly those. */
	private static final String MARK = "tag-constraint-test";

	/** a viewer, and a viewer allowed customer data */
	private static final String VIEWER = "viewer.sun", ANALYST = "analyst.ma";

	private static final String FIELDS = "code kind name reason ifTag { code } thenTags { code }";

	private static final String REPORT = """
			{ ruleReport(categories: [DATA]) {
			    violations { kind codes message customerCount sampleCustomerIds }
			    counts { kind violations customers } } }""";

	private static final String IMPORT = """
			mutation($input: [TagConstraintInput!]!) { importTagConstraints(input: $input) { %s } }"""
		.formatted(FIELDS);

	@AfterEach
	void putTheLibraryBack() {
		writeEach("MATCH (n) WHERE (n:Tag OR n:TagConstraint) AND n.code STARTS WITH 'TCT-' DETACH DELETE n");
		write("MATCH (:Customer)-[r:HAS_TAG {by: $mark}]->(:Tag) DELETE r", Map.of("mark", MARK));
	}

	@Test
	void theDemoLibraryDeclaresTheConstraintsAndExportsThem() {
		JsonNode all = ok(client.query("{ tagConstraints { %s } }".formatted(FIELDS))).data("tagConstraints");

		assertThat(ApiClient.codes(all))
			.isEqualTo(codesOf("MATCH (k:TagConstraint) RETURN k.code AS code ORDER BY code"))
			.contains("TC01", "TC07", "TC08");
		JsonNode first = all.path(0);
		assertThat(first.path("code").asString()).isEqualTo("TC01");
		assertThat(first.path("kind").asString()).isEqualTo("IMPLIES");
		assertThat(first.path("ifTag").path("code").asString()).isEqualTo("T0103");
		assertThat(ApiClient.codes(first.path("thenTags"))).containsExactly("T0104", "T0105");
		JsonNode creditA = ok(client.query("{ tagConstraint(code: \"TC07\") { %s } }".formatted(FIELDS)))
			.data("tagConstraint");
		assertThat(creditA.path("kind").asString()).isEqualTo("EXCLUDES");
		assertThat(creditA.path("ifTag").path("code").asString()).isEqualTo("T0315");
		assertThat(ApiClient.codes(creditA.path("thenTags"))).containsExactly("T0311");
		assertThat(creditA.path("reason").asString()).isNotBlank();
	}

	@Test
	void theComputedDemoCustomersKeepEveryDemoConstraint() {
		assertThat(codesOf("MATCH (c:Customer) RETURN c.id AS code LIMIT 1")).isNotEmpty();
		JsonNode report = ok(client.query(REPORT)).data("ruleReport");

		assertThat(report.path("violations")
			.valueStream()
			.filter(v -> v.path("kind").asString().equals("CONSTRAINT_VIOLATED"))
			.map(v -> v.path("message").asString())
			.filter(m -> m.matches("constraint TC\\d+ .*"))).isEmpty();
	}

	@Test
	void anExportedConstraintImportsBackAsItWas() {
		createTags();
		JsonNode created = ok(client.query(IMPORT,
				Map.of("input",
						List.of(constraint("TCT-X", "EXCLUDES", "TCT-A", List.of("TCT-C", "TCT-B")),
								constraint("TCT-I", "IMPLIES", "TCT-A", List.of("TCT-B"))))))
			.data("importTagConstraints");
		assertThat(ApiClient.codes(created)).containsExactly("TCT-I", "TCT-X");
		JsonNode exported = ok(client.query("{ tagConstraint(code: \"TCT-X\") { %s } }".formatted(FIELDS)))
			.data("tagConstraint");
		assertThat(ApiClient.codes(exported.path("thenTags"))).containsExactly("TCT-B", "TCT-C");

		assertThat(ok(client.query("mutation { deleteTagConstraint(code: \"TCT-X\") }")).data("deleteTagConstraint")
			.asString()).isEqualTo("TCT-X");
		Map<String, Object> again = Map.of("code", "TCT-X", "kind", exported.path("kind").asString(), "name",
				exported.path("name").asString(), "reason", exported.path("reason").asString(), "ifTag",
				exported.path("ifTag").path("code").asString(), "thenTags", ApiClient.codes(exported.path("thenTags")));
		JsonNode reimported = ok(client.query(IMPORT, Map.of("input", List.of(again)))).data("importTagConstraints");
		assertThat(reimported.path(0)).isEqualTo(exported);
	}

	@Test
	void badInputIsRefusedNamingTheConstraintAndWritesNothing() {
		createTags();
		String create = "mutation($input: TagConstraintInput!) { createTagConstraint(input: $input) { code } }";

		var unknownTag = client.query(create,
				Map.of("input", constraint("TCT-U", "IMPLIES", "TCT-A", List.of("T9999"))));
		assertThat(unknownTag.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(unknownTag.errorMessage()).contains("TCT-U", "T9999");

		var taken = client.query(create, Map.of("input", constraint("TC01", "IMPLIES", "TCT-A", List.of("TCT-B"))));
		assertThat(taken.errorCode()).isEqualTo("DUPLICATE_CODE");
		assertThat(taken.errorMessage()).contains("TC01");

		var sameClass = client.query(create,
				Map.of("input", constraint("TCT-S", "EXCLUDES", "T0307", List.of("T0309"))));
		assertThat(sameClass.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(sameClass.errorMessage()).contains("TCT-S", "T0307", "T0309", "C03.03");

		var blankName = client.query(create, Map.of("input", Map.of("code", "TCT-N", "kind", "IMPLIES", "name", " ",
				"ifTag", "TCT-A", "thenTags", List.of("TCT-B"))));
		assertThat(blankName.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(blankName.errorMessage()).contains("TCT-N", "name");

		var secondBad = client.query(IMPORT,
				Map.of("input", List.of(constraint("TCT-OK", "IMPLIES", "TCT-A", List.of("TCT-B")),
						constraint("TCT-OK", "EXCLUDES", "TCT-A", List.of("TCT-C")))));
		assertThat(secondBad.errorCode()).isEqualTo("DUPLICATE_CODE");
		assertThat(secondBad.errorMessage()).contains("input[1]", "TCT-OK");

		assertThat(codesOf("MATCH (k:TagConstraint) WHERE k.code STARTS WITH 'TCT-' RETURN k.code AS code")).isEmpty();
		var forbidden = client.query(create, Map.of("input", constraint("TCT-V", "IMPLIES", "TCT-A", List.of("TCT-B"))),
				VIEWER);
		assertThat(forbidden.hasErrors()).isTrue();
		assertThat(codesOf("MATCH (k:TagConstraint {code: 'TCT-V'}) RETURN k.code AS code")).isEmpty();

		ok(client.query(create, Map.of("input", constraint("TCT-I", "IMPLIES", "TCT-A", List.of("TCT-B")))));
		assertThat(ok(client.query("{ tagConstraint(code: \"TCT-I\") { history { operation } } }"))
			.data("tagConstraint.history")
			.findValuesAsString("operation")).containsExactly("CREATE");
		var namedTag = client.query("mutation { deleteTag(code: \"TCT-B\") }");
		assertThat(namedTag.errorCode()).isEqualTo("NOT_EMPTY");
		assertThat(namedTag.errorMessage()).contains("TCT-B", "TCT-I");
		assertThat(client.query("mutation { deleteTagConstraint(code: \"TCT-NONE\") }").errorCode())
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void aViolationForcedOverBoltIsReportedWithItsCountAndIds() {
		createTags();
		ok(client.query(IMPORT,
				Map.of("input", List.of(constraint("TCT-X", "EXCLUDES", "TCT-A", List.of("TCT-B", "TCT-C")),
						constraint("TCT-I", "IMPLIES", "TCT-A", List.of("TCT-B"))))));
		List<String> ids = codesOf("MATCH (c:Customer) RETURN c.id AS code ORDER BY code LIMIT 5");
		assertThat(ids).hasSize(5);
		// all five carry TCT-A; the first two also TCT-B, the third TCT-C: three break
		// the
		// EXCLUDES; the last three carry no TCT-B: three break the IMPLIES
		give(ids, "TCT-A");
		give(ids.subList(0, 2), "TCT-B");
		give(ids.subList(2, 3), "TCT-C");

		JsonNode report = ok(client.query(REPORT)).data("ruleReport");

		JsonNode excludes = violation(report, "TCT-X");
		assertThat(excludes.path("codes").valueStream().map(JsonNode::asString).toList()).containsExactly("TCT-X",
				"TCT-A", "TCT-B", "TCT-C");
		assertThat(excludes.path("customerCount").asInt()).isEqualTo(3);
		assertThat(strings(excludes.path("sampleCustomerIds"))).containsExactlyElementsOf(ids.subList(0, 3));
		assertThat(excludes.path("message").asString()).contains("TCT-X", "3 customers", "TCT-A");
		JsonNode implies = violation(report, "TCT-I");
		assertThat(implies.path("customerCount").asInt()).isEqualTo(3);
		assertThat(strings(implies.path("sampleCustomerIds"))).containsExactlyElementsOf(ids.subList(2, 5));
		assertThat(implies.path("message").asString()).contains("none of", "TCT-B");
		Map<String, Long> perKind = new TreeMap<>();
		report.path("violations").forEach(v -> perKind.merge(v.path("kind").asString(), 1L, Long::sum));
		report.path("counts")
			.forEach(c -> assertThat(c.path("violations").asLong()).as(c.path("kind").asString())
				.isEqualTo(perKind.getOrDefault(c.path("kind").asString(), 0L)));
		assertThat(perKind.get("CONSTRAINT_VIOLATED")).isGreaterThanOrEqualTo(2);

		// the viewer who may see customer data gets the same counts and ids
		JsonNode analyst = ok(client.query(REPORT, Map.of(), ANALYST)).data("ruleReport");
		assertThat(violation(analyst, "TCT-I")).isEqualTo(implies);

		// the Browser file finds the same broken constraints, with the same counts and
		// ids
		BrowserFile file = BrowserFile.named("tag-constraints.cypher");
		Map<String, Object> fromFile = new TreeMap<>();
		file.rows(driver, 2, Map.of())
			.forEach(r -> fromFile.put((String) r.get("code"), List.of(r.get("customers"), r.get("sample"))));
		Map<String, Object> fromReport = new TreeMap<>();
		report.path("violations")
			.valueStream()
			.filter(v -> v.path("kind").asString().equals("CONSTRAINT_VIOLATED"))
			.forEach(v -> fromReport.put(v.path("codes").path(0).asString(),
					List.of(v.path("customerCount").asLong(), strings(v.path("sampleCustomerIds")))));
		assertThat(fromFile).isEqualTo(fromReport);
		assertThat(file.column(driver, 1, Map.of(), "code")).contains("TC01", "TCT-I", "TCT-X");
	}

	@Test
	void aViewerDoesNotLearnOfAConstraintNamingAHiddenTag() {
		// T0315 信用A级 is sensitive (F8.L3): TC07 names it; TC08 names only visible tags
		List<String> creditA = codesOf("""
				MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: 'T0315'}) WHERE NOT (c)-[:HAS_TAG]->(:Tag {code: 'T0311'})
				RETURN c.id AS code ORDER BY code LIMIT 2""");
		List<String> onTime = codesOf("""
				MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: 'T0307'}) WHERE NOT (c)-[:HAS_TAG]->(:Tag {code: 'T0311'})
				RETURN c.id AS code ORDER BY code LIMIT 2""");
		assertThat(creditA).isNotEmpty();
		assertThat(onTime).isNotEmpty();
		give(creditA, "T0311");
		give(onTime, "T0311");

		JsonNode admin = ok(client.query(REPORT)).data("ruleReport");
		assertThat(strings(violation(admin, "TC07").path("sampleCustomerIds"))).containsAll(creditA);
		assertThat(strings(violation(admin, "TC08").path("sampleCustomerIds"))).containsAll(onTime);

		JsonNode viewer = ok(client.query(REPORT.replace(" sampleCustomerIds", ""), Map.of(), VIEWER))
			.data("ruleReport");
		assertThat(viewer.path("violations").valueStream().flatMap(v -> strings(v.path("codes")).stream()))
			.doesNotContain("TC07", "T0315");
		assertThat(viewer.path("violations").valueStream().map(v -> v.path("message").asString()))
			.noneMatch(m -> m.contains("TC07") || m.contains("T0315"));
		assertThat(violation(viewer, "TC08").path("customerCount").asInt())
			.isEqualTo(violation(admin, "TC08").path("customerCount").asInt());

		List<String> listed = ApiClient
			.codes(ok(client.query("{ tagConstraints { code } }", Map.of(), VIEWER)).data("tagConstraints"));
		assertThat(listed).contains("TC08").doesNotContain("TC07");
		assertThat(
				ok(client.query("{ tagConstraint(code: \"TC07\") { code } }", Map.of(), VIEWER)).data("tagConstraint")
					.isNull())
			.isTrue();
	}

	// ---- helpers
	// ------------------------------------------------------------------------------

	/**
	 * Three draft tags in three classes of the demo library, for constraints of its own.
	 */
	private void createTags() {
		for (String[] tag : new String[][] { { "TCT-A", "C08.05" }, { "TCT-B", "C06.05" }, { "TCT-C", "C07.05" } }) {
			ok(client
				.query("mutation { createTag(input: {code: \"%s\", name: \"约束测试%s\", classCode: \"%s\"}) { code } }"
					.formatted(tag[0], tag[0], tag[1])));
		}
	}

	private static Map<String, Object> constraint(String code, String kind, String ifTag, List<String> thenTags) {
		return Map.of("code", code, "kind", kind, "name", "约束 " + code, "reason", "测试用", "ifTag", ifTag, "thenTags",
				thenTags);
	}

	private void give(List<String> customers, String tag) {
		write("""
				MATCH (c:Customer) WHERE c.id IN $ids
				MATCH (t:Tag {code: $tag})
				CREATE (c)-[:HAS_TAG {source: 'IMPORT', assignedAt: datetime(), by: $mark}]->(t)""",
				Map.of("ids", customers, "tag", tag, "mark", MARK));
	}

	private static JsonNode violation(JsonNode report, String constraint) {
		return report.path("violations")
			.valueStream()
			.filter(v -> v.path("kind").asString().equals("CONSTRAINT_VIOLATED")
					&& v.path("codes").path(0).asString().equals(constraint))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no violation of " + constraint + " in " + report));
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
