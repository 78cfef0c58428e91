package com.taggraph.customer;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * Customers' tags and portraits over GraphQL, and the exclusivity rule held at write
 * time.
 */
@TagGraphTest
class CustomerTagsTest extends ApiTest {

	private static final String PORTRAIT = """
			query($id: ID!) { customer(id: $id) { id name attributes { key value } tags { tag { code } source assignedAt }
			  portrait { tagCount sections { rootClass { code } groups { tagClass { code exhaustive scope }
			    classChain { code } assignments { tag { code } source } } } } } }""";

	@Test
	void theDemoHasTenThousandCustomersWithPortraitsThatObeyTheExhaustiveClasses() {
		assertThat(cypherLong("MATCH (c:Customer) RETURN count(c)", Map.of())).isEqualTo(10_000);
		Map<String, Set<String>> scopes = new HashMap<>();
		cypher("MATCH (v:FacetValue) WHERE v.customersWithAnyOf IS NOT NULL RETURN v.code AS code, v.customersWithAnyOf AS tags",
				Map.of())
			.forEach(r -> scopes.put((String) r.get("code"), Set.copyOf((List<String>) r.get("tags"))));
		List<Map<String, Object>> exhaustive = cypher(
				"MATCH (c:TagClass {exhaustive: true}) RETURN c.code AS code, c.scope AS scope", Map.of());

		for (String id : List.of("3300000001", "3300000002", "3300004711", "3300010000")) {
			var reply = ok(client.query(PORTRAIT, Map.of("id", id)));
			JsonNode portrait = reply.data("customer.portrait");
			List<String> carried = codes(tagsOf(reply.data("customer.tags")));
			assertThat(portrait.path("tagCount").asInt()).isEqualTo(carried.size()).isGreaterThan(10);
			String category = carried.stream()
				.filter(List.of("T0101", "T0102", "T0103")::contains)
				.findFirst()
				.orElseThrow();
			Map<String, Integer> perClass = new HashMap<>();
			List<String> roots = new ArrayList<>();
			for (JsonNode section : portrait.path("sections")) {
				roots.add(section.path("rootClass").path("code").asString());
				for (JsonNode group : section.path("groups")) {
					List<String> chain = codes(group.path("classChain"));
					assertThat(chain.get(0)).isEqualTo(section.path("rootClass").path("code").asString());
					assertThat(chain.get(chain.size() - 1)).isEqualTo(group.path("tagClass").path("code").asString());
					perClass.put(group.path("tagClass").path("code").asString(), group.path("assignments").size());
				}
			}
			assertThat(roots).isSorted();
			for (var c : exhaustive) {
				if (scopes.get((String) c.get("scope")).contains(category)) {
					assertThat(perClass.get((String) c.get("code"))).as("%s in exhaustive %s", id, c.get("code"))
						.isEqualTo(1);
				}
			}
		}
	}

	@Test
	void aCustomerWithTagsAndPortraitIsOneStatement() {
		StatementCounter.reset();
		ok(client.query(PORTRAIT, Map.of("id", "3300000001")));

		assertThat(StatementCounter.count()).isEqualTo(1);
	}

	@Test
	void tagsAndPortraitAskedThroughFragmentsAreStillOneStatement() {
		var direct = ok(client.query(PORTRAIT, Map.of("id", "3300000001")));
		String viaFragments = """
				query($id: ID!) { customer(id: $id) { ...Card } }
				fragment Card on Customer { id name attributes { key value } ... on Customer { tags { tag { code } source assignedAt } }
				  ...Portrait }
				fragment Portrait on Customer { portrait { tagCount sections { rootClass { code } groups { tagClass { code exhaustive scope }
				    classChain { code } assignments { tag { code } source } } } } }""";
		StatementCounter.reset();
		var fragments = ok(client.query(viaFragments, Map.of("id", "3300000001")));

		assertThat(StatementCounter.count()).isEqualTo(1);
		assertThat(fragments.data("customer")).isEqualTo(direct.data("customer"));
	}

	@Test
	void aPageOfCustomersGetsItsTagsAndPortraitsInOneBatchedStatement() {
		String page = """
				{ segment(where: {allOf: [{anyOf: ["T0101"]}]}) { customers(first: 5) { edges { node { id
				    tags { tag { code } } portrait { tagCount sections { groups { assignments { tag { code } } } } } } } } } }""";
		StatementCounter.reset();
		var reply = ok(client.query(page));
		long statements = StatementCounter.count();

		// the page's customers, then one statement for every customer's tags and portrait
		// together
		assertThat(statements).isEqualTo(2);
		var edges = reply.data("segment.customers.edges");
		assertThat(edges.size()).isEqualTo(5);
		for (JsonNode edge : edges) {
			String id = edge.path("node").path("id").asString();
			List<String> tags = codes(tagsOf(edge.path("node").path("tags")));
			List<String> inPortrait = new ArrayList<>();
			edge.path("node")
				.path("portrait")
				.path("sections")
				.forEach(s -> s.path("groups")
					.forEach(g -> g.path("assignments")
						.forEach(a -> inPortrait.add(a.path("tag").path("code").asString()))));
			List<Object> carried = cypher(
					"MATCH (:Customer {id: $id})-[:HAS_TAG]->(t:Tag) RETURN t.code AS code ORDER BY code",
					Map.of("id", id))
				.stream()
				.map(r -> r.get("code"))
				.toList();
			assertThat(tags).as(id)
				.containsExactlyElementsOf(carried.stream().map(String::valueOf).toList())
				.contains("T0101");
			assertThat(inPortrait).as(id).containsExactlyInAnyOrderElementsOf(tags);
			assertThat(edge.path("node").path("portrait").path("tagCount").asInt()).isEqualTo(tags.size());
		}
	}

	@Test
	void anExclusiveConflictIsRefusedAndReplaceSwapsTheOldTagOut() {
		String id = firstCustomerWith("T0101");
		Map<String, Object> before = GraphSnapshot.of(driver);
		long assignments = cypherLong("MATCH ()-[a:HAS_TAG]->() RETURN count(a)", Map.of());

		var refused = client.query("mutation($id: ID!) { assignTags(customerId: $id, tagCodes: [\"T0102\"]) { id } }",
				Map.of("id", id));
		assertThat(refused.errorCode()).isEqualTo("EXCLUSIVE_CONFLICT");
		assertThat(refused.errorMessage()).contains("T0101", "T0102", "C01.01");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(cypherLong("MATCH ()-[a:HAS_TAG]->() RETURN count(a)", Map.of())).isEqualTo(assignments);

		var swapped = ok(client.query(
				"mutation($id: ID!) { assignTags(customerId: $id, tagCodes: [\"T0102\"], replace: true) { tags { tag { code } source } } }",
				Map.of("id", id)));
		List<String> after = codes(tagsOf(swapped.data("assignTags.tags")));
		assertThat(after).contains("T0102").doesNotContain("T0101");

		var back = ok(client.query(
				"mutation($id: ID!) { assignTags(customerId: $id, tagCodes: [\"T0101\"], replace: true) { tags { tag { code } } } }",
				Map.of("id", id)));
		assertThat(codes(tagsOf(back.data("assignTags.tags")))).contains("T0101").doesNotContain("T0102");
	}

	@Test
	void twoTagsOfOneExclusiveClassInOneRequestAreRefused() {
		String id = firstCustomerWith("T0103");
		Map<String, Object> before = GraphSnapshot.of(driver);

		var reply = client.query(
				"mutation($id: ID!) { assignTags(customerId: $id, tagCodes: [\"T0101\", \"T0102\"], replace: true) { id } }",
				Map.of("id", id));

		assertThat(reply.errorCode()).isEqualTo("EXCLUSIVE_CONFLICT");
		assertThat(reply.errorMessage()).contains("T0101", "T0102");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void removeAndAssignANonExclusiveTag() {
		String id = firstCustomerWith("T0103");
		String free = (String) cypher("""
				MATCH (t:Tag)-[:IN_CLASS]->(c:TagClass {exclusive: false})
				WHERE NOT EXISTS { (:Customer {id: $id})-[:HAS_TAG]->(t) }
				RETURN t.code AS code ORDER BY code LIMIT 1""", Map.of("id", id)).get(0).get("code");

		var added = ok(client.query(
				"mutation($id: ID!, $t: ID!) { assignTags(customerId: $id, tagCodes: [$t]) { tags { tag { code } source } } }",
				Map.of("id", id, "t", free)));
		assertThat(codes(tagsOf(added.data("assignTags.tags")))).contains(free);
		assertThat(added.data("assignTags.tags").toString()).contains("MANUAL");

		var removed = ok(client.query(
				"mutation($id: ID!, $t: ID!) { removeTags(customerId: $id, tagCodes: [$t]) { tags { tag { code } } } }",
				Map.of("id", id, "t", free)));
		assertThat(codes(tagsOf(removed.data("removeTags.tags")))).doesNotContain(free);
	}

	@Test
	void unknownCustomersAndTagsAreNamed() {
		var customer = client.query("mutation { assignTags(customerId: \"NOPE\", tagCodes: [\"T0101\"]) { id } }");
		var tag = client
			.query("mutation { assignTags(customerId: \"3300000001\", tagCodes: [\"T9999\", \"T0101\"]) { id } }");

		assertThat(customer.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(customer.errorMessage()).contains("NOPE");
		assertThat(tag.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(tag.errorMessage()).contains("T9999").doesNotContain("T0101");
		assertThat(client.query("{ customer(id: \"NOPE\") { id } }").data("customer").isNull()).isTrue();
	}

	private String firstCustomerWith(String tag) {
		return (String) cypher(
				"MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: $tag}) RETURN c.id AS id ORDER BY id LIMIT 1",
				Map.of("tag", tag))
			.get(0)
			.get("id");
	}

	private static JsonNode tagsOf(JsonNode assignments) {
		var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		var array = mapper.createArrayNode();
		assignments.forEach(a -> array.add(a.path("tag")));
		return array;
	}

	private List<Map<String, Object>> cypher(String query, Map<String, Object> params) {
		try (var session = driver.session()) {
			return session.run(query, params).list(r -> r.asMap());
		}
	}

	private long cypherLong(String query, Map<String, Object> params) {
		try (var session = driver.session()) {
			return session.run(query, params).single().get(0).asLong();
		}
	}

}
