package com.taggraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient.Reply;
import com.taggraph.ApiTest;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * Every list that can grow is one Relay connection: {@code first}/{@code after},
 * {@code totalCount}, opaque cursors that only their own list accepts, and the deprecated
 * lists beside them answering as before. Also a customer's free tags, on the customer and
 * in its portrait. Works on its own customers (CN-…) and texts.
 */
@TagGraphTest
class ConnectionsTest extends ApiTest {

	private static final String TAG_SEARCH = """
			query($text: String!, $first: Int, $after: String) {
			  tagSearch(text: $text, first: $first, after: $after) {
			    edges { cursor node { code } } pageInfo { hasPreviousPage hasNextPage endCursor } totalCount
			  }
			}""";

	private static final String FREE_TAG_LIST = """
			query($order: FreeTagOrder, $first: Int, $after: String) {
			  freeTagList(orderBy: $order, includeResolved: true, first: $first, after: $after) {
			    edges { node { normalized customers } } pageInfo { hasNextPage endCursor } totalCount
			  }
			}""";

	@BeforeEach
	void setUp() {
		cypher("UNWIND ['CN-1', 'CN-2', 'CN-3'] AS id CREATE (:Customer {id: id, name: '连接客户'})");
	}

	@AfterEach
	void cleanUp() {
		cypher("MATCH (c:Customer) WHERE c.id STARTS WITH 'CN-' DETACH DELETE c");
		cypher("MATCH (f:FreeTag) WHERE f.normalized STARTS WITH 'cn连接' DETACH DELETE f");
		cypher("MATCH (t:TagClass) WHERE t.code STARTS WITH 'CN-' DETACH DELETE t");
	}

	@Test
	void tagSearchPagesWhatSearchTagsListsWithTheExactCodeFirst() {
		List<String> listed = codes(
				ok(client.query("{ searchTags(text: \"T01\", first: 200) { code } }")).data("searchTags"));
		assertThat(listed).hasSizeGreaterThan(5);

		List<String> paged = new ArrayList<>();
		String after = null;
		int total = -1;
		do {
			Map<String, Object> variables = new HashMap<>(Map.of("text", "T01", "first", 2));
			variables.put("after", after);
			JsonNode page = ok(client.query(TAG_SEARCH, variables)).data("tagSearch");
			page.path("edges").forEach(e -> paged.add(e.path("node").path("code").asString()));
			assertThat(page.path("pageInfo").path("hasPreviousPage").asBoolean()).isEqualTo(after != null);
			total = page.path("totalCount").asInt();
			after = page.path("pageInfo").path("hasNextPage").asBoolean()
					? page.path("pageInfo").path("endCursor").asString() : null;
		}
		while (after != null);
		assertThat(paged).isEqualTo(listed);
		assertThat(total).isEqualTo(listed.size());

		// the exact code ranks first, and paging behind it goes on with the codes it
		// prefixes
		JsonNode exact = ok(client.query(TAG_SEARCH, Map.of("text", "t0101", "first", 1))).data("tagSearch");
		assertThat(exact.path("edges").path(0).path("node").path("code").asString()).isEqualTo("T0101");
		JsonNode next = ok(client.query(TAG_SEARCH,
				Map.of("text", "t0101", "first", 5, "after", exact.path("pageInfo").path("endCursor").asString())))
			.data("tagSearch");
		assertThat(codes(next.path("edges").findParents("node").stream().map(n -> n.path("node")).toList()))
			.doesNotContain("T0101");

		// a cursor of another list is refused where the search would read it
		String tagsCursor = ok(client.query("{ tags(first: 1) { pageInfo { endCursor } } }"))
			.data("tags.pageInfo.endCursor")
			.asString();
		Reply foreign = client.query(TAG_SEARCH, Map.of("text", "T01", "after", tagsCursor));
		assertThat(foreign.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(foreign.body().path("errors").path(0).path("extensions").path("field").asString())
			.isEqualTo("after");
		assertThat(client.query(TAG_SEARCH, Map.of("text", "T01", "first", 201)).errorMessage())
			.contains("first: must be between 1 and 200");
	}

	@Test
	void freeTagListPagesEveryOrderLikeTheDeprecatedList() {
		for (int i = 1; i <= 3; i++) {
			for (int c = 1; c <= i; c++) {
				ok(client.query(
						"mutation($id: ID!, $t: String!) { addFreeTag(customerId: $id, text: $t) { customer { id } } }",
						Map.of("id", "CN-" + c, "t", "cn连接" + i)));
			}
		}
		for (String order : List.of("USAGE", "RECENT", "TEXT")) {
			List<String> listed = new ArrayList<>();
			ok(client.query(
					"query($o: FreeTagOrder) { freeTags(orderBy: $o, first: 1000, includeResolved: true) { normalized } }",
					Map.of("o", order)))
				.data("freeTags")
				.forEach(f -> listed.add(f.path("normalized").asString()));

			List<String> paged = new ArrayList<>();
			String after = null;
			int pages = 0;
			do {
				Map<String, Object> variables = new HashMap<>(Map.of("order", order, "first", 7));
				variables.put("after", after);
				JsonNode page = ok(client.query(FREE_TAG_LIST, variables)).data("freeTagList");
				page.path("edges").forEach(e -> paged.add(e.path("node").path("normalized").asString()));
				assertThat(page.path("totalCount").asInt()).as(order).isEqualTo(listed.size());
				after = page.path("pageInfo").path("hasNextPage").asBoolean()
						? page.path("pageInfo").path("endCursor").asString() : null;
				pages++;
			}
			while (after != null && pages < 500);
			assertThat(paged).as(order).isEqualTo(listed);
			assertThat(paged).as(order).contains("cn连接1", "cn连接2", "cn连接3");
		}
	}

	@Test
	void aCustomerShowsItsFreeTagsAndItsPortraitHasASectionForThem() {
		ok(client.query(
				"mutation { a: addFreeTag(customerId: \"CN-1\", text: \"CN连接乙\") { customer { id } } "
						+ "b: addFreeTag(customerId: \"CN-1\", text: \"cn连接甲\") { customer { id } } "
						+ "c: addFreeTag(customerId: \"CN-2\", text: \"cn连接甲\") { customer { id } } }",
				Map.of(), "steward.wang"));

		Reply reply = ok(client.query("""
				{ one: customer(id: "CN-1") { freeTags { text by taggedAt freeTag { normalized customers } }
				                              portrait { freeTags { text freeTag { normalized } } } }
				  two: customer(id: "CN-2") { freeTags { text freeTag { normalized customers } }
				                              portrait { freeTags { text } } }
				  three: customer(id: "CN-3") { freeTags { text } portrait { freeTags { text } } } }"""));
		JsonNode one = reply.data("one.freeTags");
		assertThat(one).hasSize(2);
		assertThat(one.path(0).path("text").asString()).isEqualTo("CN连接乙");
		assertThat(one.path(0).path("freeTag").path("normalized").asString()).isEqualTo("cn连接乙");
		assertThat(one.path(0).path("by").asString()).isEqualTo("steward.wang");
		assertThat(one.path(0).path("taggedAt").asString()).isNotBlank();
		assertThat(one.path(1).path("freeTag").path("customers").asInt()).isEqualTo(2);
		assertThat(reply.data("one.portrait.freeTags.1.freeTag.normalized").asString()).isEqualTo("cn连接甲");
		assertThat(reply.data("two.freeTags.0.text").asString()).isEqualTo("cn连接甲");
		assertThat(reply.data("two.portrait.freeTags")).hasSize(1);
		assertThat(reply.data("three.freeTags")).isEmpty();
		assertThat(reply.data("three.portrait.freeTags")).isEmpty();
		// batched: a page of 50 customers with their free tags costs the statements a
		// page of 5 does
		String page = "{ segment(where: {}) { customers(first: %d) { edges { node { id freeTags { text by } } } } } }";
		StatementCounter.reset();
		ok(client.query(page.formatted(5)));
		int few = StatementCounter.count();
		StatementCounter.reset();
		JsonNode many = ok(client.query(page.formatted(50))).data("segment.customers.edges");
		assertThat(many).hasSize(50);
		assertThat(StatementCounter.count()).isEqualTo(few);
	}

	@Test
	void eachNodesChangesArePagedInOneReadForAllNodes() {
		for (String code : List.of("CN-A", "CN-B")) {
			ok(client.query("mutation($c: ID!) { createTagClass(input: {code: $c, name: \"连接类\"}) { code } }",
					Map.of("c", code)));
			for (String name : List.of("一", "二", "三")) {
				ok(client.query(
						"mutation($c: ID!, $n: String!) { updateTagClass(code: $c, input: {name: $n}) { code } }",
						Map.of("c", code, "n", name)));
			}
		}
		String query = """
				query($after: String) { a: tagClass(code: "CN-A") { changes(first: 3, after: $after) { ...page } }
				                        b: tagClass(code: "CN-B") { changes(first: 3, after: $after) { ...page } } }
				fragment page on ChangeEventConnection {
				  edges { node { operation after } } pageInfo { hasNextPage endCursor } totalCount }""";
		JsonNode first = ok(client.query(query, new HashMap<>())).body().path("data");
		for (String node : List.of("a", "b")) {
			JsonNode page = first.path(node).path("changes");
			assertThat(page.path("totalCount").asInt()).isEqualTo(4);
			assertThat(page.path("edges")).hasSize(3);
			assertThat(page.path("edges").path(0).path("node").path("after").path("name").asString()).isEqualTo("三");
			assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		}
		String cursor = first.path("a").path("changes").path("pageInfo").path("endCursor").asString();
		JsonNode rest = ok(client.query(
				"query($after: String) { tagClass(code: \"CN-A\") { changes(after: $after) { "
						+ "edges { node { operation } } pageInfo { hasNextPage } } history { id } } }",
				Map.of("after", cursor)))
			.data("tagClass");
		assertThat(rest.path("changes").path("edges")).hasSize(1);
		assertThat(rest.path("changes").path("edges").path(0).path("node").path("operation").asString())
			.isEqualTo("CREATE");
		assertThat(rest.path("changes").path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
		assertThat(rest.path("history")).as("the deprecated list still answers").hasSize(4);

		// a viewer is refused the field, and the class itself stays in data
		Reply viewer = client.query("{ tagClass(code: \"CN-A\") { code changes { totalCount } } }", Map.of(),
				"viewer.sun");
		assertThat(viewer.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(viewer.data("tagClass.code").asString()).isEqualTo("CN-A");
	}

	private void cypher(String statement) {
		try (var session = driver.session()) {
			session.run(statement).consume();
		}
	}

	private static List<String> codes(JsonNode nodes) {
		List<String> codes = new ArrayList<>();
		nodes.forEach(n -> codes.add(n.path("code").asString()));
		return codes;
	}

	private static List<String> codes(List<JsonNode> nodes) {
		return nodes.stream().map(n -> n.path("code").asString()).toList();
	}

}
