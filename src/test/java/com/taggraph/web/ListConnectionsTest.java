package com.taggraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiClient.Reply;
import com.taggraph.ApiTest;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connections beside the plain lists (issue 15 §4): each pages, with {@code after},
 * through exactly what its deprecated list answers, for an admin and for a viewer, whose
 * pages and totals leave the sensitive tags out as the list does; and however many
 * parents ask, a request costs the statements it costs for a few. Works on the demo
 * library, and on its own classes, tags and segments (LS-…).
 */
@TagGraphTest
class ListConnectionsTest extends ApiTest {

	private static final String VIEWER = "viewer.sun";

	/** a viewer allowed customer data */
	private static final String ANALYST = "analyst.ma";

	/** a sensitive tag of the demo library, hidden below STEWARD */
	private static final String SENSITIVE = "T0315";

	private static final String PAGE = "edges { cursor node { %s } } pageInfo { hasPreviousPage hasNextPage endCursor } totalCount";

	@Test
	void aClassPagesItsTagsAndDescendantsAsItsListsAnswerThem() {
		String classCode = ok(client.query("{ tag(code: \"" + SENSITIVE + "\") { tagClass { code } } }"))
			.data("tag.tagClass.code")
			.asString();
		String root = classCode.split("\\.")[0];
		for (String user : List.of(ApiClient.TESTER, VIEWER)) {
			for (String deep : List.of("false", "true")) {
				String owner = deep.equals("true") ? root : classCode;
				List<String> listed = ApiClient.codes(ok(client.query(
						"{ tagClass(code: \"%s\") { tags(includeDescendants: %s) { code } } }".formatted(owner, deep),
						Map.of(), user))
					.data("tagClass.tags"));
				Paged paged = pageThrough("""
						query($first: Int, $after: String) { tagClass(code: "%s") {
						  tagList(includeDescendants: %s, first: $first, after: $after) { %s } } }""".formatted(owner,
						deep, PAGE.formatted("code")), "tagClass.tagList", user, 2, code());
				assertThat(paged.items()).as(user + " " + owner).isEqualTo(listed);
				if (user.equals(ApiClient.TESTER)) {
					assertThat(listed).hasSizeGreaterThan(2);
				}
				assertThat(paged.totalCount()).isEqualTo(listed.size());
				assertThat(listed.contains(SENSITIVE)).as(user).isEqualTo(user.equals(ApiClient.TESTER));
			}
		}
		List<String> descendants = ApiClient
			.codes(ok(client.query("{ tagClass(code: \"%s\") { descendants { code } } }".formatted(root)))
				.data("tagClass.descendants"));
		Paged paged = pageThrough("""
				query($first: Int, $after: String) { tagClass(code: "%s") {
				  descendantList(first: $first, after: $after) { %s } } }""".formatted(root, PAGE.formatted("code")),
				"tagClass.descendantList", ApiClient.TESTER, 3, code());
		assertThat(paged.items()).isEqualTo(descendants).hasSizeGreaterThan(3);
		assertThat(paged.totalCount()).isEqualTo(descendants.size());
		Reply shallow = ok(client.query(
				"{ tagClass(code: \"%s\") { descendants(maxDepth: 1) { code } descendantList(maxDepth: 1) { totalCount } } }"
					.formatted(root)));
		assertThat(shallow.data("tagClass.descendantList.totalCount").asInt())
			.isEqualTo(shallow.data("tagClass.descendants").size());

		// a cursor of another list is refused, and so is a page too large
		String tagCursor = ok(client
			.query("{ tagClass(code: \"%s\") { tagList(first: 1) { pageInfo { endCursor } } } }".formatted(classCode)))
			.data("tagClass.tagList.pageInfo.endCursor")
			.asString();
		Reply foreign = client
			.query("query($a: String) { tagClass(code: \"%s\") { code descendantList(after: $a) { totalCount } } }"
				.formatted(root), Map.of("a", tagCursor));
		assertThat(foreign.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(foreign.data("tagClass.code").asString()).isEqualTo(root);
		assertThat(client.query("{ tagClass(code: \"%s\") { tagList(first: 501) { totalCount } } }".formatted(root))
			.errorMessage()).contains("first: must be between 1 and 500");
	}

	@Test
	void facetValuesAndSourcesPageTheirTagsAsTheirListsAnswerThem() {
		JsonNode tag = ok(client.query("{ tag(code: \"" + SENSITIVE + "\") { facetValues { code } "
				+ "derivedFromFields { code table { code system { code } } } } }"))
			.data("tag");
		String value = tag.path("facetValues").path(0).path("code").asString();
		JsonNode field = tag.path("derivedFromFields").path(0);
		Map<String, String> parents = Map.of("facetValue", value, "sourceField", field.path("code").asString(),
				"sourceTable", field.path("table").path("code").asString(), "sourceSystem",
				field.path("table").path("system").path("code").asString());
		parents.forEach((root, code) -> {
			for (String user : List.of(ApiClient.TESTER, VIEWER)) {
				List<String> listed = ApiClient.codes(
						ok(client.query("{ %s(code: \"%s\") { tags { code } } }".formatted(root, code), Map.of(), user))
							.data(root + ".tags"));
				Paged paged = pageThrough(
						"query($first: Int, $after: String) { %s(code: \"%s\") { tagList(first: $first, after: $after) { %s } } }"
							.formatted(root, code, PAGE.formatted("code")),
						root + ".tagList", user, 1, code());
				assertThat(paged.items()).as(root + " " + user).isEqualTo(listed);
				assertThat(paged.totalCount()).as(root + " " + user).isEqualTo(listed.size());
				assertThat(listed.contains(SENSITIVE)).as(root + " " + user).isEqualTo(user.equals(ApiClient.TESTER));
			}
		});
	}

	@Test
	void theLibraryWideListsPageAsTheyAnswer() {
		cleanUp("MATCH (n) WHERE (n:Tag OR n:TagClass) AND n.code STARTS WITH 'LS-' DETACH DELETE n");
		cleanUp("MATCH (s:Segment) WHERE s.name STARTS WITH 'LS-' DETACH DELETE s");
		ok(client.query("mutation { createTagClass(input: {code: \"LS-C\", name: \"分页类\"}) { code } }"));
		for (String code : List.of("LS-T1", "LS-T2", "LS-T3")) {
			ok(client.query(
					"mutation($c: ID!) { createTag(input: {code: $c, name: \"分页\", classCode: \"LS-C\"}) { code } }",
					Map.of("c", code)));
			ok(client.query(
					"mutation($n: String!) { saveSegment(name: $n, where: {allOf: [{anyOf: [\"T0101\"]}]}) { name } }",
					Map.of("n", code)));
		}

		List<String> segments = names(ok(client.query("{ segments { name } }")).data("segments"));
		Paged segmentPages = pageThrough(
				"query($first: Int, $after: String) { segmentList(first: $first, after: $after) { %s } }".formatted(
						PAGE.formatted("name")),
				"segmentList", ApiClient.TESTER, 2, n -> n.path("name").asString());
		assertThat(segmentPages.items()).isEqualTo(segments).contains("LS-T1", "LS-T2", "LS-T3");
		assertThat(segmentPages.totalCount()).isEqualTo(segments.size());

		List<String> systems = ApiClient.codes(ok(client.query("{ sourceSystems { code } }")).data("sourceSystems"));
		Paged systemPages = pageThrough(
				"query($first: Int, $after: String) { sourceSystemList(first: $first, after: $after) { %s } }"
					.formatted(PAGE.formatted("code")),
				"sourceSystemList", ApiClient.TESTER, 2, code());
		assertThat(systemPages.items()).isEqualTo(systems).hasSizeGreaterThan(2);
		assertThat(systemPages.totalCount()).isEqualTo(systems.size());

		String system = systems.get(0);
		List<String> tables = ApiClient
			.codes(ok(client.query("{ sourceSystem(code: \"%s\") { tables { code } } }".formatted(system)))
				.data("sourceSystem.tables"));
		Paged tablePages = pageThrough(
				"query($first: Int, $after: String) { sourceSystem(code: \"%s\") { tableList(first: $first, after: $after) { %s } } }"
					.formatted(system, PAGE.formatted("code")),
				"sourceSystem.tableList", ApiClient.TESTER, 1, code());
		assertThat(tablePages.items()).isEqualTo(tables).hasSizeGreaterThan(1);
		assertThat(tablePages.totalCount()).isEqualTo(tables.size());
		List<String> fields = ApiClient
			.codes(ok(client.query("{ sourceTable(code: \"%s\") { fields { code } } }".formatted(tables.get(0))))
				.data("sourceTable.fields"));
		Paged fieldPages = pageThrough(
				"query($first: Int, $after: String) { sourceTable(code: \"%s\") { fieldList(first: $first, after: $after) { %s } } }"
					.formatted(tables.get(0), PAGE.formatted("code")),
				"sourceTable.fieldList", ApiClient.TESTER, 1, code());
		assertThat(fieldPages.items()).isEqualTo(fields).hasSizeGreaterThan(1);
		assertThat(fieldPages.totalCount()).isEqualTo(fields.size());

		for (String user : List.of(ApiClient.TESTER, VIEWER)) {
			List<String> reported = new ArrayList<>();
			ok(client.query("{ ruleReport(categories: [STRUCTURAL, FACET]) { violations { kind codes } } }", Map.of(),
					user))
				.data("ruleReport.violations")
				.forEach(v -> reported.add(v.path("kind").asString() + " " + v.path("codes").toString()));
			Paged reportPages = pageThrough("""
					query($first: Int, $after: String) { ruleReport(categories: [STRUCTURAL, FACET]) {
					  violationList(first: $first, after: $after) { %s } } }""".formatted(PAGE.formatted("kind codes")),
					"ruleReport.violationList", user, 5,
					v -> v.path("kind").asString() + " " + v.path("codes").toString());
			assertThat(reportPages.items()).as(user)
				.isEqualTo(reported)
				.contains("FACET_VALUE_MISSING [\"LS-T1\",\"F1\"]");
			assertThat(reportPages.totalCount()).isEqualTo(reported.size());
			if (user.equals(VIEWER)) {
				assertThat(reported.toString()).doesNotContain(SENSITIVE);
			}
		}

		List<String> violations = new ArrayList<>();
		ok(client.query("{ ruleViolations { kind tagClass { code } } }")).data("ruleViolations")
			.forEach(v -> violations.add(violation(v)));
		Paged violationPages = pageThrough(
				"query($first: Int, $after: String) { ruleViolationList(first: $first, after: $after) { %s } }"
					.formatted(PAGE.formatted("kind tagClass { code }")),
				"ruleViolationList", ApiClient.TESTER, 1, ListConnectionsTest::violation);
		assertThat(violationPages.items()).isEqualTo(violations);
		assertThat(violationPages.totalCount()).isEqualTo(violations.size());

		// tags with no facet value are gaps of every facet's coverage
		String coverage = "query($first: Int, $after: String) { facetCoverage { tagsWithout { code } "
				+ "tagsWithoutList(first: $first, after: $after) { %s } tagsWithSeveral { code } "
				+ "tagsWithSeveralList { totalCount edges { node { code } } } } }";
		JsonNode first = ok(client.query(coverage.formatted(PAGE.formatted("code")), Map.of("first", 2)))
			.data("facetCoverage.0");
		List<String> without = ApiClient.codes(first.path("tagsWithout"));
		assertThat(without).contains("LS-T1", "LS-T2", "LS-T3");
		assertThat(first.path("tagsWithoutList").path("totalCount").asInt()).isEqualTo(without.size());
		assertThat(codesOf(first.path("tagsWithoutList").path("edges"))).isEqualTo(without.subList(0, 2));
		String after = first.path("tagsWithoutList").path("pageInfo").path("endCursor").asString();
		JsonNode second = ok(
				client.query(coverage.formatted(PAGE.formatted("code")), Map.of("first", 2, "after", after)))
			.data("facetCoverage.0");
		assertThat(codesOf(second.path("tagsWithoutList").path("edges")))
			.isEqualTo(without.subList(2, Math.min(4, without.size())));
		assertThat(codesOf(first.path("tagsWithSeveralList").path("edges")))
			.isEqualTo(ApiClient.codes(first.path("tagsWithSeveral")));
	}

	@Test
	void aCustomerPagesItsTagsAndHistoryAsItsListsAnswerThem() {
		String customer = "3300001647";
		for (String user : List.of(ApiClient.TESTER, ANALYST)) {
			JsonNode listed = ok(client.query("""
					{ customer(id: "%s") { tags { tag { code } } tagHistory { tagCode assignedAt removedAt } } }"""
				.formatted(customer), Map.of(), user)).data("customer");
			List<String> tags = new ArrayList<>();
			listed.path("tags").forEach(a -> tags.add(a.path("tag").path("code").asString()));
			List<String> history = new ArrayList<>();
			listed.path("tagHistory").forEach(h -> history.add(entry(h)));

			Paged tagPages = pageThrough(
					"""
							query($first: Int, $after: String) { customer(id: "%s") {
							  tagList(first: $first, after: $after) { %s } } }""".formatted(customer,
							PAGE.formatted("tag { code }")),
					"customer.tagList", user, 3, n -> n.path("tag").path("code").asString());
			assertThat(tagPages.items()).as(user).isEqualTo(tags).hasSizeGreaterThan(3);
			assertThat(tagPages.totalCount()).isEqualTo(tags.size());
			Paged historyPages = pageThrough(
					"""
							query($first: Int, $after: String) { customer(id: "%s") {
							  tagHistoryList(first: $first, after: $after) { %s } } }""".formatted(customer,
							PAGE.formatted("tagCode assignedAt removedAt")),
					"customer.tagHistoryList", user, 3, ListConnectionsTest::entry);
			assertThat(historyPages.items()).as(user).isEqualTo(history).hasSizeGreaterThan(3);
			assertThat(historyPages.totalCount()).isEqualTo(history.size());
			if (user.equals(ANALYST)) {
				assertThat(listed.toString()).doesNotContain("信用C级", "窃电嫌疑", "历史窃电查处");
			}
		}
		JsonNode admin = ok(client.query("{ customer(id: \"%s\") { tagList { totalCount } } }".formatted(customer)))
			.data("customer");
		JsonNode analyst = ok(
				client.query("{ customer(id: \"%s\") { tagList { totalCount edges { node { tag { code name } } } } } }"
					.formatted(customer), Map.of(), ANALYST))
			.data("customer");
		assertThat(analyst.path("tagList").path("totalCount").asInt())
			.as("the sensitive tags the customer carries are not counted for a viewer")
			.isLessThan(admin.path("tagList").path("totalCount").asInt());
		assertThat(analyst.toString()).doesNotContain("信用C级", "窃电嫌疑", "历史窃电查处");
		Reply filtered = ok(client.query("{ customer(id: \"%s\") { tagHistoryList(tagCode: \"%s\") { totalCount } } }"
			.formatted(customer, tags(customer).get(0))));
		assertThat(filtered.data("customer.tagHistoryList.totalCount").asInt()).isPositive();
	}

	@Test
	void theConnectionsOfManyParentsCostTheStatementsOfAFew() {
		String classes = """
				{ tagSearch(text: "T0", first: %d) { edges { node {
				    tagClass { tagList(first: 1) { totalCount } descendantList(first: 1) { totalCount } }
				    facetValues { tagList(first: 1) { totalCount edges { node { code } } } }
				    derivedFromFields { tagList(first: 1) { totalCount }
				      table { tagList(first: 1) { totalCount } system { tagList(first: 1) { totalCount } } } } } } } }""";
		StatementCounter.reset();
		ok(client.query(classes.formatted(3)));
		int few = StatementCounter.count();
		StatementCounter.reset();
		assertThat(ok(client.query(classes.formatted(60))).data("tagSearch.edges")).hasSize(60);
		assertThat(StatementCounter.count()).isEqualTo(few);

		String customers = """
				{ segment(where: {}) { customers(first: %d) { edges { node {
				    tagList(first: 2) { totalCount } tagHistoryList(first: 2) { totalCount } } } } } }""";
		StatementCounter.reset();
		ok(client.query(customers.formatted(5)));
		few = StatementCounter.count();
		StatementCounter.reset();
		assertThat(ok(client.query(customers.formatted(50))).data("segment.customers.edges")).hasSize(50);
		assertThat(StatementCounter.count()).isEqualTo(few);
	}

	@Test
	void aPendingChangeGivesItsProposedValuesAsAnObject() throws Exception {
		cleanUp("MATCH (p:PendingChange) WHERE p.code STARTS WITH 'LS-' DETACH DELETE p");
		cleanUp("MATCH (n) WHERE (n:Tag OR n:TagClass) AND n.code STARTS WITH 'LS-' DETACH DELETE n");
		ok(client.query("mutation { createTagClass(input: {code: \"LS-P\", name: \"待审类\"}) { code } }"));
		ok(client
			.query("mutation { createTag(input: {code: \"LS-P1\", name: \"待审\", classCode: \"LS-P\"}) { code } }"));
		JsonNode change = ok(
				client.query("mutation { submitForReview(kind: TAG, code: \"LS-P1\") { proposed proposedValues } }"))
			.data("submitForReview");
		JsonNode values = change.path("proposedValues");
		assertThat(values.isObject()).as("an object, not text").isTrue();
		assertThat(values).isEqualTo(JsonMapper.builder().build().readTree(change.path("proposed").asString()));
		assertThat(values.size()).isPositive();
	}

	/** Every node of a connection, read page by page through {@code after}. */
	private Paged pageThrough(String query, String path, String user, int first, Function<JsonNode, String> item) {
		List<String> items = new ArrayList<>();
		String after = null;
		int total = -1;
		int pages = 0;
		do {
			Map<String, Object> variables = new HashMap<>(Map.of("first", first));
			variables.put("after", after);
			JsonNode page = ok(client.query(query, variables, user)).data(path);
			page.path("edges").forEach(e -> items.add(item.apply(e.path("node"))));
			assertThat(page.path("edges").size()).isLessThanOrEqualTo(first);
			assertThat(page.path("pageInfo").path("hasPreviousPage").asBoolean()).isEqualTo(after != null);
			total = page.path("totalCount").asInt();
			after = page.path("pageInfo").path("hasNextPage").asBoolean()
					? page.path("pageInfo").path("endCursor").asString() : null;
			pages++;
		}
		while (after != null && pages < 1000);
		return new Paged(items, total);
	}

	private record Paged(List<String> items, int totalCount) {
	}

	private List<String> tags(String customer) {
		List<String> codes = new ArrayList<>();
		ok(client.query("{ customer(id: \"%s\") { tags { tag { code } } } }".formatted(customer))).data("customer.tags")
			.forEach(a -> codes.add(a.path("tag").path("code").asString()));
		return codes;
	}

	private static Function<JsonNode, String> code() {
		return n -> n.path("code").asString();
	}

	private static List<String> codesOf(JsonNode edges) {
		List<String> codes = new ArrayList<>();
		edges.forEach(e -> codes.add(e.path("node").path("code").asString()));
		return codes;
	}

	private static List<String> names(JsonNode nodes) {
		List<String> names = new ArrayList<>();
		nodes.forEach(n -> names.add(n.path("name").asString()));
		return names;
	}

	private static String violation(JsonNode v) {
		return v.path("tagClass").path("code").asString() + " " + v.path("kind").asString();
	}

	private static String entry(JsonNode h) {
		return h.path("tagCode").asString() + " " + h.path("assignedAt").asString() + " "
				+ h.path("removedAt").asString();
	}

}
