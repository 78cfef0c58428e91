package com.taggraph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

import com.taggraph.ApiTest;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * Downstream impact of a source over GraphQL on the demo library, every number checked
 * against Cypher.
 */
@TagGraphTest
class ImpactTest extends ApiTest {

	static final String IMPACT = ImpactQueries.IMPACT_AND_COUNTS;

	static final String FIELD = "S1.A_RCVBL_FLOW.RCVBL_YM";

	@Test
	void aFieldReachesThePaymentTagsAndThroughThemTheCreditTagsWithExactCustomerCounts() {
		StatementCounter.reset();
		var reply = client.query(IMPACT, Map.of("source", FIELD, "depth", 10));
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		// two impact statements (full and counts), the tags, their class chains, the
		// classes
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(5);
		JsonNode impact = reply.data("impact");

		List<String> expected = strings(
				"""
						MATCH (:SourceField {code: $code})<-[:DERIVED_FROM*1..]-(t:Tag) RETURN DISTINCT t.code ORDER BY t.code""",
				FIELD);
		Map<String, Integer> degree = new HashMap<>();
		impact.path("tags").forEach(t -> degree.put(t.path("tag").path("code").asString(), t.path("degree").asInt()));
		assertThat(degree.keySet()).containsExactlyInAnyOrderElementsOf(expected)
			.contains("T0307", "T0308", "T0309", "T0315", "T0316", "T0317");
		// the credit rating reads the field itself (its rule filters on the billing
		// month);
		// the composite value score only through the credit and value tags
		assertThat(degree).containsEntry("T0307", 1)
			.containsEntry("T0309", 1)
			.containsEntry("T0315", 1)
			.containsEntry("T0604", 2);

		// the total counts each customer once, however many affected tags they carry
		int distinct = count("""
				MATCH (c:Customer)-[:HAS_TAG]->(t:Tag) WHERE t.code IN $codes RETURN count(DISTINCT c)""", expected);
		int summed = 0;
		for (JsonNode tag : impact.path("tags")) {
			String code = tag.path("tag").path("code").asString();
			int carriers = count("MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: $codes}) RETURN count(c)", code);
			assertThat(tag.path("customerCount").asInt()).as(code).isEqualTo(carriers);
			summed += carriers;
			JsonNode chain = tag.path("classChain");
			assertThat(chain.get(chain.size() - 1).path("code").asString()).isEqualTo(strings("""
					MATCH (:Tag {code: $code})-[:IN_CLASS]->(c) RETURN c.code""", code).get(0));
		}
		assertThat(distinct).isPositive();
		assertThat(impact.path("customerCount").asInt()).isEqualTo(distinct);
		assertThat(summed).as("customers overlap, so summing would overcount").isGreaterThan(distinct);

		Map<String, Integer> classes = new HashMap<>();
		impact.path("classes")
			.forEach(c -> classes.put(c.path("tagClass").path("code").asString(), c.path("affectedTags").asInt()));
		Map<String, Integer> expectedClasses = new HashMap<>();
		strings("MATCH (t:Tag)-[:IN_CLASS]->(c) WHERE t.code IN $code RETURN c.code", expected)
			.forEach(c -> expectedClasses.merge(c, 1, Integer::sum));
		assertThat(classes).isEqualTo(expectedClasses);

		// the graph to draw runs from the system down to the classes
		List<String> edges = impact.path("edges")
			.valueStream()
			.map(e -> e.path("from").asString() + ">" + e.path("kind").asString() + ">" + e.path("to").asString())
			.toList();
		assertThat(edges).contains(FIELD + ">IN_TABLE>S1.A_RCVBL_FLOW", "S1.A_RCVBL_FLOW>IN_SYSTEM>S1",
				"T0307>DERIVED_FROM>" + FIELD, "T0315>DERIVED_FROM>T0309", "T0604>DERIVED_FROM>T0315");
		assertThat(impact.path("nodes")
			.valueStream()
			.filter(n -> n.path("kind").asString().equals("TAG"))
			.allMatch(n -> n.path("customerCount").isInt())).isTrue();
		assertThat(impact.path("isPartial").asBoolean()).isFalse();

		JsonNode counts = reply.data("impactCounts");
		assertThat(counts.path("kind").asString()).isEqualTo("SOURCE_FIELD");
		assertThat(counts.path("fieldCount").asInt()).isEqualTo(1);
		assertThat(counts.path("tagCount").asInt()).isEqualTo(expected.size());
		assertThat(counts.path("classCount").asInt()).isEqualTo(expectedClasses.size());
		assertThat(counts.path("customerCount").asInt()).isEqualTo(distinct);
	}

	@Test
	void aSystemOrTableCoversEveryFieldInItAndDepthCutsTheTransitiveTags() {
		for (String source : List.of("S3", "S3.ARC_S_95598_WKST", "S1.A_RCVBL_FLOW")) {
			var reply = client.query(IMPACT, Map.of("source", source, "depth", 10));
			assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
			List<String> expected = strings("""
					CALL () {
					  MATCH (s {code: $code})<-[:IN_TABLE|IN_SYSTEM*1..2]-(f:SourceField) RETURN f
					}
					MATCH (f)<-[:DERIVED_FROM*1..]-(t:Tag) RETURN DISTINCT t.code""", source);
			assertThat(expected).as(source).isNotEmpty();
			assertThat(reply.data("impact.tags").valueStream().map(t -> t.path("tag").path("code").asString()))
				.as(source)
				.containsExactlyInAnyOrderElementsOf(expected);
			assertThat(reply.data("impactCounts.fieldCount").asInt()).as(source)
				.isEqualTo(
						count("""
								MATCH (s {code: $codes})<-[:IN_TABLE|IN_SYSTEM*1..2]-(f:SourceField) RETURN count(DISTINCT f)""",
								source));
		}

		var cut = client.query(IMPACT, Map.of("source", FIELD, "depth", 1));
		assertThat(cut.data("impact.isPartial").asBoolean()).isTrue();
		assertThat(cut.data("impact.tags").valueStream().map(t -> t.path("tag").path("code").asString()))
			.contains("T0307", "T0315")
			.doesNotContain("T0604");
		assertThat(cut.data("impactCounts.isPartial").asBoolean()).isTrue();

		assertThat(client.query(IMPACT, Map.of("source", "S9.NOPE")).data("impact").isNull()).isTrue();
		var bad = client.query(IMPACT, Map.of("source", FIELD, "depth", 0));
		assertThat(bad.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(bad.errorMessage()).contains("maxDepth");
	}

	@Test
	void lineageNodesCarryTheirTagsCustomerCounts() {
		var reply = client.query("""
				{ lineage(tagCode: "T0315") { nodes { code kind customerCount } } }""");
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		for (JsonNode node : reply.data("lineage.nodes")) {
			if (node.path("kind").asString().equals("TAG")) {
				assertThat(node.path("customerCount").asInt()).as(node.toString())
					.isEqualTo(count("MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: $codes}) RETURN count(c)",
							node.path("code").asString()));
			}
			else {
				assertThat(node.path("customerCount").isNull()).isTrue();
			}
		}
	}

	private List<String> strings(String cypher, Object code) {
		try (var session = driver.session()) {
			return session
				.executeRead(tx -> tx.run(cypher, Values.parameters("code", code)).list(r -> r.get(0).asString()));
		}
	}

	private int count(String cypher, Object codes) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, Values.parameters("codes", codes)).single().get(0).asInt());
		}
	}

}
