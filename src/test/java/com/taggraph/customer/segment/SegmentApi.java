package com.taggraph.customer.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;

import tools.jackson.databind.JsonNode;

import com.taggraph.ApiClient;

/**
 * The segment API as a client uses it, plus the Cypher a client would run to check it.
 */
final class SegmentApi {

	private final ApiClient client;

	private final Driver driver;

	SegmentApi(int port, Driver driver) {
		this.client = ApiClient.on(port);
		this.driver = driver;
	}

	ApiClient client() {
		return client;
	}

	/**
	 * A combination as GraphQL variables: groups of codes (AND of ORs) and codes to
	 * exclude.
	 */
	static Map<String, Object> where(List<List<String>> allOf, List<String> noneOf) {
		Map<String, Object> where = new LinkedHashMap<>();
		if (allOf != null) {
			where.put("allOf", allOf.stream().map(group -> Map.of("anyOf", group)).toList());
		}
		if (noneOf != null) {
			where.put("noneOf", noneOf);
		}
		return where;
	}

	ApiClient.Reply segment(Map<String, Object> where, String selection) {
		return client.query("query($where: SegmentWhere!) { segment(where: $where) { " + selection + " } }",
				Map.of("where", where));
	}

	int count(Map<String, Object> where) {
		var reply = segment(where, "count");
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		return reply.data("segment.count").asInt();
	}

	JsonNode refresh() {
		var reply = client.query("""
				mutation { refreshSegmentIndex { customers tags assignments builtAt buildMillis memoryBytes
				                                 bitmapBytes updatesSinceBuild refreshInterval } }""");
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		return reply.data("refreshSegmentIndex");
	}

	JsonNode status() {
		var reply = client.query("{ segmentIndexStatus { customers assignments builtAt updatesSinceBuild } }");
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		return reply.data("segmentIndexStatus");
	}

	long cypherCount(String cypher) {
		return cypher(cypher, Map.of()).get(0).get(0).asLong();
	}

	List<org.neo4j.driver.Record> cypher(String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, Values.value(parameters)).list());
		}
	}

	void write(String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			session.executeWrite(tx -> tx.run(cypher, Values.value(parameters)).consume());
		}
	}

	/** Each tag's number of carriers, read from the degree store. */
	Map<String, Long> cypherTagCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		cypher("MATCH (t:Tag) RETURN t.code AS code, COUNT { (t)<-[:HAS_TAG]-() } AS n ORDER BY code", Map.of())
			.forEach(r -> counts.put(r.get("code").asString(), r.get("n").asLong()));
		return counts;
	}

	/** Each tag's customerCount as the API answers it. */
	Map<String, Long> apiTagCounts() {
		var reply = client.query("{ rootClasses { tags(includeDescendants: true) { code customerCount } } }");
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		Map<String, Long> counts = new java.util.TreeMap<>();
		reply.data("rootClasses")
			.forEach(root -> root.path("tags")
				.forEach(tag -> counts.put(tag.path("code").asString(), tag.path("customerCount").asLong())));
		return counts;
	}

}
