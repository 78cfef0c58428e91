package com.taggraph.folksonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * The demo's free-tag variants come out as clusters over GraphQL, each with its evidence
 * and suggestions.
 */
@TagGraphTest
class FreeTagClusterTest extends ApiTest {

	static final String CLUSTERS = """
			{ freeTagClusters { id label texts customers freeTags { normalized customers }
			                    links { from to textSimilarity coOccurrence sharedCustomers score }
			                    suggestions { tag { code } tagClass { code name } score reason } } }""";

	@Test
	void theDemoVariantsAreClusteredAndNothingElseIs() {
		StatementCounter.reset();
		var reply = client.query(CLUSTERS);
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		// candidates, shared customers, distinct carriers, vocabulary, then one batch per
		// tag and class field
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(6);

		List<Set<String>> members = new ArrayList<>();
		for (JsonNode cluster : reply.data("freeTagClusters")) {
			Set<String> normalized = new HashSet<>();
			cluster.path("freeTags").forEach(f -> normalized.add(f.path("normalized").asString()));
			members.add(normalized);
		}
		assertThat(members).containsExactlyInAnyOrder(Set.of("电动汽车", "电动车", "ev车主"), Set.of("空巢老人", "独居老人"),
				Set.of("租户", "租赁户"), Set.of("光伏", "屋顶光伏"), Set.of("vip"));

		JsonNode ev = cluster(reply, "电动汽车");
		assertThat(ev.path("texts")).extracting(JsonNode::asString).containsExactlyInAnyOrder("电动汽车", "电动车", "EV车主");
		// EV车主 shares almost no characters with the others: the customers they share link
		// it
		JsonNode evOwner = ev.path("links")
			.valueStream()
			.filter(l -> l.path("to").asString().equals("ev车主") || l.path("from").asString().equals("ev车主"))
			.findFirst()
			.orElseThrow();
		assertThat(evOwner.path("textSimilarity").asDouble()).isLessThan(0.5);
		assertThat(evOwner.path("sharedCustomers").asInt()).isPositive();
		assertThat(evOwner.path("score").asDouble()).isGreaterThanOrEqualTo(0.5);
		// the carriers of any variant, counted once
		assertThat(ev.path("customers").asInt()).isBetween(6, 6 + 4 + 3);
		assertThat(ev.path("suggestions").get(0).path("tagClass").path("code").asString()).isEqualTo("C07.01");
		assertThat(ev.path("suggestions").get(0).path("tag").isNull()).isTrue();

		JsonNode solar = cluster(reply, "光伏");
		assertThat(solar.path("texts")).extracting(JsonNode::asString).contains("光伏", "光伏 ", "屋顶光伏");
		assertThat(solar.path("suggestions")).extracting(s -> s.path("tagClass").path("code").asString())
			.contains("C07.02.01");

		// one free tag typed two ways is a cluster on its own, by its normalised form
		JsonNode vip = cluster(reply, "vip");
		assertThat(vip.path("texts")).extracting(JsonNode::asString).containsExactlyInAnyOrder("vip", "ＶＩＰ");
		assertThat(vip.path("links")).isEmpty();
		// nothing in the library resembles 空巢老人: no suggestion rather than a poor one
		assertThat(cluster(reply, "空巢老人").path("suggestions")).isEmpty();
	}

	private static JsonNode cluster(ApiClient.Reply reply, String id) {
		return reply.data("freeTagClusters")
			.valueStream()
			.filter(c -> c.path("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cluster " + id + " in " + reply.body()));
	}

}
