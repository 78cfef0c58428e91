package com.taggraph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * Why a customer carries a tag, and when its tags came and went, over GraphQL on the demo
 * customers.
 */
@TagGraphTest
class ProvenanceTest extends ApiTest {

	static final String PROVENANCE = """
			query($id: ID!) {
			  customer(id: $id) {
			    tags {
			      tag { code }
			      provenance {
			        source by assignedAt importId runId
			        lineage { sourceSystems { code } isPartial }
			        upstreamAssignments { tag { code name } source assignedAt }
			        explanation
			      }
			    }
			  }
			}""";

	static final String HISTORY = """
			query($id: ID!, $tag: ID) {
			  customer(id: $id) {
			    tagHistory(tagCode: $tag) { tagCode tagName source by assignedAt removedAt removedBy reason }
			  }
			}""";

	@Test
	void aCustomerRatedCreditCSeesTheUpstreamTagsItCarriesAndWhereTheirDataComesFrom() {
		String customer = strings("""
				MATCH (cu:Customer)-[:HAS_TAG]->(:Tag {code: 'T0317'})
				WHERE EXISTS { (:Tag {code: 'T0317'})-[:DERIVED_FROM*1..]->(u:Tag)<-[:HAS_TAG]-(cu) }
				RETURN cu.id ORDER BY cu.id LIMIT 1""", Map.of()).get(0);
		StatementCounter.reset();
		var reply = client.query(PROVENANCE, Map.of("id", customer));
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		// the customer with its tags, the lineages, the upstream assignments (shared with
		// the explanation)
		// and the source systems, however many tags the customer carries; the bound
		// leaves room for two more
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(6);

		JsonNode credit = null;
		for (JsonNode tag : reply.data("customer.tags")) {
			if (tag.path("tag").path("code").asString().equals("T0317")) {
				credit = tag.path("provenance");
			}
		}
		assertThat(credit).isNotNull();
		assertThat(credit.path("source").asString()).isEqualTo("RULE");
		assertThat(credit.path("runId").asString()).startsWith("run-demo-");
		assertThat(credit.path("assignedAt").asString()).isNotBlank();
		List<String> carried = credit.path("upstreamAssignments")
			.valueStream()
			.map(a -> a.path("tag").path("code").asString())
			.toList();
		assertThat(carried).isNotEmpty().containsExactlyElementsOf(strings("""
				MATCH (:Tag {code: 'T0317'})-[:DERIVED_FROM*1..]->(u:Tag)<-[:HAS_TAG]-(:Customer {id: $id})
				RETURN DISTINCT u.code ORDER BY u.code""", Map.of("id", customer)));
		// among the tags the credit rule reads
		assertThat(carried).allMatch(strings("""
				MATCH (:Tag {code: 'T0317'})-[:DERIVED_FROM {origin: 'RULE'}]->(u:Tag) RETURN u.code""",
				Map.of())::contains);
		assertThat(ApiClient.codes(credit.path("lineage").path("sourceSystems"))).containsExactly("S1");
		String explanation = credit.path("explanation").asString();
		assertThat(explanation).contains("T0317", "run-demo-", "S1", "A_RCVBL_FLOW", "R_CHECK_RESULT");
		carried.forEach(code -> assertThat(explanation).contains(code));

		// a tag derived from fields only has no upstream assignments
		for (JsonNode tag : reply.data("customer.tags")) {
			if (tag.path("tag").path("code").asString().equals("T0309")) {
				assertThat(tag.path("provenance").path("upstreamAssignments").isEmpty()).isTrue();
			}
		}
	}

	@Test
	void removingOrReplacingATagKeepsWhenItCameAndWentInTheHistory() {
		// C03.03 (payment timeliness) is exclusive: T0309 replaces T0307
		String customer = strings("""
				MATCH (cu:Customer)-[:HAS_TAG]->(:Tag {code: 'T0307'})
				RETURN cu.id ORDER BY cu.id DESC LIMIT 1""", Map.of()).get(0);
		var replaced = client.query("""
				mutation($id: ID!) { assignTags(customerId: $id, tagCodes: ["T0309"], replace: true) { id } }""",
				Map.of("id", customer), "steward.li");
		assertThat(replaced.hasErrors()).as(replaced.body().toString()).isFalse();
		var removed = client.query("""
				mutation($id: ID!) { removeTags(customerId: $id, tagCodes: ["T0309"]) { id } }""",
				Map.of("id", customer), "steward.wang");
		assertThat(removed.hasErrors()).as(removed.body().toString()).isFalse();
		var restored = client.query("""
				mutation($id: ID!) { assignTags(customerId: $id, tagCodes: ["T0307"]) { id } }""",
				Map.of("id", customer), "steward.zhao");
		assertThat(restored.hasErrors()).as(restored.body().toString()).isFalse();

		var history = client.query(HISTORY, Map.of("id", customer, "tag", "T0309"));
		assertThat(history.hasErrors()).as(history.body().toString()).isFalse();
		JsonNode came = history.data("customer.tagHistory");
		assertThat(came.size()).isEqualTo(1);
		assertThat(came.get(0).path("source").asString()).isEqualTo("MANUAL");
		assertThat(came.get(0).path("by").asString()).isEqualTo("steward.li");
		assertThat(came.get(0).path("removedBy").asString()).isEqualTo("steward.wang");
		assertThat(came.get(0).path("reason").asString()).isEqualTo("REMOVED");
		assertThat(came.get(0).path("removedAt").asString())
			.isGreaterThanOrEqualTo(came.get(0).path("assignedAt").asString());

		JsonNode original = client.query(HISTORY, Map.of("id", customer, "tag", "T0307")).data("customer.tagHistory");
		assertThat(original.size()).isEqualTo(2);
		assertThat(original.get(0).path("source").asString()).isEqualTo("RULE");
		assertThat(original.get(0).path("reason").asString()).isEqualTo("REPLACED");
		assertThat(original.get(0).path("removedBy").asString()).isEqualTo("steward.li");
		assertThat(original.get(1).path("by").asString()).isEqualTo("steward.zhao");
		assertThat(original.get(1).path("removedAt").isNull()).isTrue();

		// the whole history: every tag carried now, plus the two stays that ended
		int carriedNow = strings("MATCH (:Customer {id: $id})-[:HAS_TAG]->(t) RETURN t.code", Map.of("id", customer))
			.size();
		assertThat(client.query(HISTORY, Map.of("id", customer)).data("customer.tagHistory").size())
			.isEqualTo(carriedNow + 2);

		write("MATCH (:Customer {id: $id})-[:HAD_TAG]->(p:PastAssignment) DETACH DELETE p", customer);
	}

	private List<String> strings(String cypher, Map<String, Object> params) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, params).list(r -> r.get(0).asString()));
		}
	}

	private void write(String cypher, String id) {
		try (var session = driver.session()) {
			session.executeWrite(tx -> tx.run(cypher, Values.parameters("id", id)).consume());
		}
	}

}
