package com.taggraph.lineage;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/** A tag's lineage over GraphQL on the demo library, checked against Cypher. */
@TagGraphTest
class LineageTest extends ApiTest {

	static final String LINEAGE = """
			query($tag: ID!, $direction: LineageDirection, $depth: Int) {
			  lineage(tagCode: $tag, direction: $direction, maxDepth: $depth) {
			    tag { code } nodes { code kind name degree } edges { from to kind } paths
			    sourceSystems { code name } isPartial
			  }
			}""";

	@Test
	void upstreamReachesEverySourceSystemWithDiamondsAndDegreesInOneLineageStatement() {
		StatementCounter.reset();
		var reply = client.query(LINEAGE, Map.of("tag", "T0315", "direction", "UPSTREAM", "depth", 10));
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		// the lineage itself, the tag, the systems' details
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(3);
		JsonNode lineage = reply.data("lineage");

		assertThat(codes(lineage.path("sourceSystems"))).isNotEmpty().containsExactlyElementsOf(strings("""
				MATCH (:Tag {code: 'T0315'})-[:DERIVED_FROM*0..]->(:SourceField)-[:IN_TABLE]->()-[:IN_SYSTEM]->(s)
				RETURN DISTINCT s.code ORDER BY s.code"""));
		assertThat(lineage.path("isPartial").asBoolean()).isFalse();
		Map<String, Integer> degree = new java.util.HashMap<>();
		lineage.path("nodes").forEach(n -> degree.put(n.path("code").asString(), n.path("degree").asInt()));
		assertThat(degree.get("T0315")).isZero();
		assertThat(degree.get("T0309")).isEqualTo(1);
		assertThat(degree.get("S1")).isGreaterThanOrEqualTo(3);
		assertThat(degree.keySet()).containsAll(strings("""
				MATCH (:Tag {code: 'T0315'})-[:DERIVED_FROM*0..]->(n) RETURN DISTINCT n.code"""));

		// a field reached through several tags keeps every edge into it
		Set<String> into = new HashSet<>();
		lineage.path("edges").forEach(e -> {
			if (e.path("to").asString().equals("S1.A_RCVBL_FLOW.RCVBL_YM")) {
				into.add(e.path("from").asString());
			}
		});
		assertThat(into).containsExactlyInAnyOrderElementsOf(strings("""
				MATCH (t:Tag)-[:DERIVED_FROM]->(:SourceField {code: 'S1.A_RCVBL_FLOW.RCVBL_YM'})
				WHERE EXISTS { (:Tag {code: 'T0315'})-[:DERIVED_FROM*0..]->(t) } RETURN t.code"""));
		assertThat(into).hasSizeGreaterThan(1);
		// every path runs from the tag to a system
		for (JsonNode path : lineage.path("paths")) {
			assertThat(path.get(0).asString()).isEqualTo("T0315");
			assertThat(codes(lineage.path("sourceSystems"))).contains(path.get(path.size() - 1).asString());
		}

		var cut = client.query(LINEAGE, Map.of("tag", "T0315", "direction", "UPSTREAM", "depth", 1));
		assertThat(cut.data("lineage.isPartial").asBoolean()).isTrue();
		assertThat(cut.data("lineage.nodes").valueStream().mapToInt(n -> n.path("degree").asInt()).max().orElse(0))
			.isLessThanOrEqualTo(3);
	}

	@Test
	void downstreamReachesTheTagsDerivedFromATagAndBadInputIsRefused() {
		var reply = client.query(LINEAGE, Map.of("tag", "T0309", "direction", "DOWNSTREAM", "depth", 10));
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		List<String> tags = reply.data("lineage.nodes").valueStream().map(n -> n.path("code").asString()).toList();
		assertThat(tags).containsExactlyInAnyOrderElementsOf(strings("""
				MATCH (t:Tag)-[:DERIVED_FROM*0..]->(:Tag {code: 'T0309'}) RETURN DISTINCT t.code"""));
		assertThat(tags).contains("T0315");

		assertThat(client.query(LINEAGE, Map.of("tag", "NOPE")).data("lineage").isNull()).isTrue();
		var bad = client.query(LINEAGE, Map.of("tag", "T0315", "depth", 99));
		assertThat(bad.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(bad.errorMessage()).contains("maxDepth");
	}

	/**
	 * A lattice of 12 layers of two tags, each derived from both tags of the layer below,
	 * the bottom layer from one field of each of two systems: 2^12 paths per system, past
	 * the 2,000-path cap.
	 */
	@Test
	void theNodesAndSystemsAreCompleteWhenThePathsAreCapped() {
		BoltCypher.write(driver,
				"""
						CREATE (s1:SourceSystem {code: 'LXS1', name: 'lattice one', kind: 'INTERNAL'})
						CREATE (s2:SourceSystem {code: 'LXS2', name: 'lattice two', kind: 'INTERNAL'})
						CREATE (:SourceField {code: 'LXS1.T.F', name: 'F'})-[:IN_TABLE]->(:SourceTable {code: 'LXS1.T', tableName: 'T'})
						       -[:IN_SYSTEM]->(s1)
						CREATE (:SourceField {code: 'LXS2.T.F', name: 'F'})-[:IN_TABLE]->(:SourceTable {code: 'LXS2.T', tableName: 'T'})
						       -[:IN_SYSTEM]->(s2)
						WITH 1 AS one
						UNWIND range(0, 12) AS layer
						UNWIND [0, 1] AS side
						CREATE (:Tag {code: 'LX' + layer + '.' + side, name: 'lattice', status: 'DRAFT'})
						WITH 1 AS one
						MATCH (t:Tag), (u:Tag)
						WHERE t.code STARTS WITH 'LX' AND u.code STARTS WITH 'LX'
						  AND toInteger(split(substring(t.code, 2), '.')[0]) = toInteger(split(substring(u.code, 2), '.')[0]) + 1
						CREATE (t)-[:DERIVED_FROM]->(u)
						WITH 1 AS one
						MATCH (t:Tag) WHERE t.code IN ['LX0.0', 'LX0.1']
						MATCH (f:SourceField) WHERE f.code IN ['LXS1.T.F', 'LXS2.T.F']
						CREATE (t)-[:DERIVED_FROM]->(f)""",
				Map.of());
		try {
			var reply = client.query(LINEAGE, Map.of("tag", "LX12.0", "direction", "UPSTREAM", "depth", 20));
			assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
			JsonNode lineage = reply.data("lineage");
			assertThat(lineage.path("paths").size()).isEqualTo(2000);
			assertThat(lineage.path("isPartial").asBoolean()).isTrue();
			assertThat(codes(lineage.path("sourceSystems"))).containsExactly("LXS1", "LXS2");
			// the tag and 12 layers below it, 2 fields, 2 tables, 2 systems; every edge
			// once
			assertThat(lineage.path("nodes").size()).isEqualTo(1 + 24 + 2 + 2 + 2);
			assertThat(lineage.path("edges").size()).isEqualTo(2 + 11 * 2 * 2 + 4 + 2 + 2);
			Map<String, Integer> degree = new java.util.HashMap<>();
			lineage.path("nodes").forEach(n -> degree.put(n.path("code").asString(), n.path("degree").asInt()));
			assertThat(degree).containsEntry("LX0.1", 12).containsEntry("LXS2.T.F", 13).containsEntry("LXS2", 15);
		}
		finally {
			BoltCypher.write(driver,
					"""
							MATCH (n) WHERE (n:Tag OR n:SourceSystem OR n:SourceTable OR n:SourceField) AND n.code STARTS WITH 'LX'
							DETACH DELETE n""",
					Map.of());
		}
	}

	private List<String> strings(String cypher) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher).list(r -> r.get(0).asString()));
		}
	}

}
