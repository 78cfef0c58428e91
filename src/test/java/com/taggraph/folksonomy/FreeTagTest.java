package com.taggraph.folksonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * Free tags on customers over GraphQL: normalised matching, who and when, the refusals,
 * and the listing by usage. Works on its own customers (FT-…) and texts, removed
 * afterwards.
 */
@TagGraphTest
class FreeTagTest extends ApiTest {

	static final String ADD = """
			mutation($id: ID!, $text: String!) {
			  addFreeTag(customerId: $id, text: $text) { freeTag { text normalized customers } assignedTag { code }
			                                             customer { id } }
			}""";

	static final String FREE_TAG = """
			query($text: String!) {
			  freeTag(text: $text) { text normalized customers taggers firstUsedAt lastUsedAt
			                         spellings { text customers } resolution resolvesTo { code } }
			}""";

	final List<String> customers = new ArrayList<>();

	@BeforeEach
	void setUp() {
		for (int i = 1; i <= 4; i++) {
			customers.add("FT-" + i);
		}
		write("UNWIND $ids AS id CREATE (:Customer {id: id, name: '测试客户'})", Map.of("ids", customers));
	}

	@AfterEach
	void cleanUp() {
		write("MATCH (c:Customer) WHERE c.id STARTS WITH 'FT-' DETACH DELETE c", Map.of());
		write("MATCH (f:FreeTag) WHERE f.normalized STARTS WITH 'tg测试' OR f.normalized IN $chain DETACH DELETE f",
				Map.of("chain", CHAIN));
	}

	/**
	 * 鑫淼 is contained in 鑫淼焱, which shares two of three characters with 淼焱垚; 鑫淼 and 淼焱垚
	 * are unlike.
	 */
	static final List<String> CHAIN = List.of("鑫淼", "鑫淼焱", "淼焱垚");

	@Test
	void aClusterIsItsLeaderAndTheTagsLinkedToItNotAChain() {
		for (int i = 1; i <= 3; i++) {
			added(client.query(ADD, Map.of("id", "FT-" + i, "text", "鑫淼")));
		}
		added(client.query(ADD, Map.of("id", "FT-1", "text", "鑫淼焱")));
		added(client.query(ADD, Map.of("id", "FT-4", "text", "鑫淼焱")));
		added(client.query(ADD, Map.of("id", "FT-4", "text", "淼焱垚")));

		JsonNode clusters = ok(
				client.query("{ freeTagClusters { id freeTags { normalized } links { from to score } } }"))
			.data("freeTagClusters");
		List<String> ofLeader = new ArrayList<>();
		List<String> clusteredElsewhere = new ArrayList<>();
		for (JsonNode cluster : clusters) {
			List<String> members = cluster.path("freeTags")
				.valueStream()
				.map(f -> f.path("normalized").asString())
				.toList();
			if (cluster.path("id").asString().equals("鑫淼")) {
				ofLeader.addAll(members);
				assertThat(cluster.path("links")).hasSize(1);
			}
			else if (members.contains("淼焱垚")) {
				clusteredElsewhere.addAll(members);
			}
		}
		// single linkage would give all three: 淼焱垚 links only to 鑫淼焱, which is not a
		// leader
		assertThat(ofLeader).containsExactly("鑫淼", "鑫淼焱");
		assertThat(clusteredElsewhere).isEmpty();
	}

	@Test
	void spellingsThatNormaliseAlikeAreOneFreeTagKeptAsTypedWithWhoAndWhen() {
		added(client.query(ADD, Map.of("id", "FT-1", "text", "ＴＧ测试ＶＩＰ"), "wang.fang"));
		added(client.query(ADD, Map.of("id", "FT-2", "text", "  tg测试vip "), "li.jun"));
		JsonNode third = added(client.query(ADD, Map.of("id", "FT-3", "text", "TG测试VIP"), "li.jun"));
		// the same customer again, in another spelling: still one free tag on it, first
		// record kept
		added(client.query(ADD, Map.of("id", "FT-3", "text", "tg测试  vip"), "zhao.lei"));

		assertThat(third.path("freeTag").path("normalized").asString()).isEqualTo("tg测试vip");
		JsonNode tag = ok(client.query(FREE_TAG, Map.of("text", "ｔｇ测试ｖｉｐ"))).data("freeTag");
		assertThat(tag.path("text").asString()).isEqualTo("ＴＧ测试ＶＩＰ");
		assertThat(tag.path("normalized").asString()).isEqualTo("tg测试vip");
		assertThat(tag.path("customers").asInt()).isEqualTo(3);
		assertThat(tag.path("taggers").asInt()).isEqualTo(2);
		assertThat(tag.path("resolution").isNull()).isTrue();
		List<String> spellings = new ArrayList<>();
		tag.path("spellings")
			.forEach(s -> spellings.add(s.path("text").asString() + "=" + s.path("customers").asInt()));
		assertThat(spellings).containsExactlyInAnyOrder("ＴＧ测试ＶＩＰ=1", "  tg测试vip =1", "TG测试VIP=1");

		// as typed, by whom, when: what Neo4j holds
		var stored = read("""
				MATCH (c:Customer)-[r:HAS_FREE_TAG]->(:FreeTag {normalized: 'tg测试vip'})
				RETURN c.id AS id, r.text AS text, r.by AS by, r.at IS NOT NULL AS timed ORDER BY id""");
		assertThat(stored).extracting(r -> r.get("id") + "|" + r.get("text") + "|" + r.get("by") + "|" + r.get("timed"))
			.containsExactly("FT-1|ＴＧ测试ＶＩＰ|wang.fang|true", "FT-2|  tg测试vip |li.jun|true", "FT-3|TG测试VIP|li.jun|true");
		assertThat(tag.path("firstUsedAt").asString()).isLessThanOrEqualTo(tag.path("lastUsedAt").asString());

		// removing by another spelling takes it off that customer only
		var removed = client.query("mutation { removeFreeTag(customerId: \"FT-1\", text: \"tg测试VIP\") { id } }");
		assertThat(removed.hasErrors()).as(removed.body().toString()).isFalse();
		assertThat(ok(client.query(FREE_TAG, Map.of("text", "TG测试VIP"))).data("freeTag.customers").asInt())
			.isEqualTo(2);
	}

	@Test
	void theLastCarrierGoneTheFreeTagGoesAndTheWriteNamesTheSignedInUser() {
		added(client.query(ADD, Map.of("id", "FT-1", "text", "tg测试临时"), null));
		assertThat(read("MATCH ()-[r:HAS_FREE_TAG]->(:FreeTag {normalized: 'tg测试临时'}) RETURN r.by AS by"))
			.extracting(r -> r.get("by"))
			.containsExactly(ApiClient.TESTER);
		ok(client.query("mutation { removeFreeTag(customerId: \"FT-1\", text: \"TG测试临时\") { id } }"));
		assertThat(client.query(FREE_TAG, Map.of("text", "tg测试临时")).data("freeTag").isNull()).isTrue();
		assertThat(read("MATCH (f:FreeTag {normalized: 'tg测试临时'}) RETURN f")).isEmpty();
		// not carried: ignored, like removeTags
		ok(client.query("mutation { removeFreeTag(customerId: \"FT-2\", text: \"tg测试临时\") { id } }"));
	}

	@Test
	void emptyOverLongAndUnknownInputIsRefusedAndWritesNothing() {
		var before = GraphSnapshot.of(driver);
		for (String text : List.of("", "   ", "\u3000", "长".repeat(65))) {
			var reply = client.query(ADD, Map.of("id", "FT-1", "text", text));
			assertThat(reply.errorCode()).as(text).isEqualTo("INVALID_INPUT");
			assertThat(reply.errorMessage()).as(text).contains("text").containsAnyOf("empty", "65 characters");
		}
		var unknown = client.query(ADD, Map.of("id", "NO-SUCH-CUSTOMER", "text", "tg测试"));
		assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(unknown.errorMessage()).contains("NO-SUCH-CUSTOMER");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		// 64 characters, counted as characters, not UTF-16 units or bytes, is still fine
		String longest = "tg测试" + "𠀀".repeat(60);
		assertThat(added(client.query(ADD, Map.of("id", "FT-1", "text", longest))).path("freeTag")
			.path("customers")
			.asInt()).isEqualTo(1);
	}

	@Test
	void freeTagsByUsageMatchTheGraphAndCostOneStatement() {
		added(client.query(ADD, Map.of("id", "FT-1", "text", "tg测试甲"), "a"));
		added(client.query(ADD, Map.of("id", "FT-2", "text", "tg测试甲"), "b"));
		StatementCounter.reset();
		var reply = ok(client
			.query("{ freeTags(orderBy: USAGE, first: 1000) { normalized customers taggers spellings { text } } }"));
		assertThat(StatementCounter.count()).isEqualTo(1);
		JsonNode list = reply.data("freeTags");
		var expected = read("""
				MATCH (f:FreeTag) WHERE NOT EXISTS { (f)-[:PROMOTED_TO|SYNONYM_OF]->() }
				RETURN f.normalized AS n, COUNT { (:Customer)-[:HAS_FREE_TAG]->(f) } AS customers""");
		assertThat(list).hasSize(expected.size());
		int previous = Integer.MAX_VALUE;
		for (JsonNode f : list) {
			int count = f.path("customers").asInt();
			assertThat(count).isLessThanOrEqualTo(previous);
			previous = count;
			assertThat(expected).contains(Map.of("n", f.path("normalized").asString(), "customers", (long) count));
		}
		// the demo's free tags are there, each put on by several users
		JsonNode ev = ok(client.query(FREE_TAG, Map.of("text", "电动汽车"))).data("freeTag");
		assertThat(ev.path("customers").asInt()).isEqualTo(6);
		assertThat(ev.path("taggers").asInt()).isGreaterThan(1);
		var bad = client.query("{ freeTags(first: 0) { text } }");
		assertThat(bad.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(bad.errorMessage()).contains("first");
	}

	private JsonNode added(ApiClient.Reply reply) {
		return ok(reply).data("addFreeTag");
	}

}
