package com.taggraph.folksonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;

import tools.jackson.databind.JsonNode;

/**
 * The steward's path on the demo data: promote the 电动汽车 cluster, then tag a new customer
 * 电动车. It changes the demo's free tags for good, so it runs on its own database (a
 * smaller demo).
 */
@ActiveProfiles("testusers")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "taggraph.neo4j.embedded.data-dir=target/test-neo4j/${random.uuid}",
				"taggraph.neo4j.embedded.bolt-port=0", "taggraph.neo4j.embedded.http-port=0",
				"taggraph.neo4j.embedded.http-enabled=false", "taggraph.demo.customers=2000",
				"taggraph.demo.background=false" })
class DemoPromotionAcceptanceTest extends ApiTest {

	@Test
	void promotingTheEvClusterGivesEveryVariantCarrierOneDraftTag() {
		List<String> carriers = ids("""
				MATCH (c:Customer)-[:HAS_FREE_TAG]->(f:FreeTag) WHERE f.normalized IN ['电动汽车', '电动车', 'ev车主']
				RETURN DISTINCT c.id ORDER BY c.id""");
		assertThat(carriers).hasSizeGreaterThanOrEqualTo(6);

		var reply = client.query("""
				mutation { promoteFreeTags(input: {clusterId: "电动汽车", code: "T0720", classCode: "C07.01"}) {
				  tag { code name status tagClass { code } synonyms } freeTags customers newlyAssigned } }""", Map.of(),
				"steward.sun");
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		JsonNode promoted = reply.data("promoteFreeTags");
		assertThat(promoted.path("tag").path("status").asString()).isEqualTo("DRAFT");
		assertThat(promoted.path("tag").path("name").asString()).isEqualTo("电动汽车");
		assertThat(promoted.path("tag").path("synonyms")).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("电动车", "EV车主");
		assertThat(promoted.path("customers").asInt()).isEqualTo(carriers.size());

		assertThat(ids(
				"MATCH (c:Customer)-[a:HAS_TAG {source: 'FOLKSONOMY'}]->(:Tag {code: 'T0720'}) RETURN c.id ORDER BY c.id"))
			.isEqualTo(carriers);
		assertThat(ids("MATCH (t:Tag) WHERE t.code = 'T0720' OR t.name = '电动汽车' RETURN t.code"))
			.containsExactly("T0720");
		assertThat(ids("""
				MATCH (c:Customer)-[:HAS_FREE_TAG]->(f:FreeTag) WHERE f.normalized IN ['电动汽车', '电动车', 'ev车主']
				RETURN c.id""")).isEmpty();

		String newcomer = ids("""
				MATCH (c:Customer) WHERE NOT EXISTS { (c)-[:HAS_TAG]->(:Tag {code: 'T0720'}) }
				RETURN c.id ORDER BY c.id LIMIT 1""").get(0);
		var tagged = client.query("""
				mutation($id: ID!) { addFreeTag(customerId: $id, text: "电动车") {
				  freeTag { text } assignedTag { code } customer { tags { tag { code } source } } } }""",
				Map.of("id", newcomer), "li.jun");
		assertThat(tagged.hasErrors()).as(tagged.body().toString()).isFalse();
		assertThat(tagged.data("addFreeTag.assignedTag.code").asString()).isEqualTo("T0720");
		assertThat(tagged.data("addFreeTag.freeTag").isNull()).isTrue();
		assertThat(tagged.data("addFreeTag.customer.tags")
			.valueStream()
			.filter(t -> t.path("tag").path("code").asString().equals("T0720"))
			.map(t -> t.path("source").asString())).containsExactly("FOLKSONOMY");

		var search = client.query("{ searchTags(text: \"EV车主\") { code } }");
		assertThat(ApiClient.codes(search.data("searchTags"))).containsExactly("T0720");
		var clusters = client.query("{ freeTagClusters { id } }");
		assertThat(clusters.data("freeTagClusters").valueStream().map(c -> c.path("id").asString()))
			.doesNotContain("电动汽车")
			.contains("光伏");
	}

	private List<String> ids(String cypher) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher).list(r -> r.get(0).asString()));
		}
	}

}
