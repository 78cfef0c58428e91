package com.taggraph.folksonomy;

import static com.taggraph.ApiClient.codes;
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
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * Promoting free tags to a new controlled tag and merging them into an existing one, over
 * GraphQL: the carriers move in one transaction, the old texts keep resolving, and every
 * refusal writes nothing. Uses its own customers (FTI-…), texts (tgi…) and tags (TFI…).
 */
@TagGraphTest
class FreeTagIntakeTest extends ApiTest {

	static final String ADD = """
			mutation($id: ID!, $text: String!) {
			  addFreeTag(customerId: $id, text: $text) { freeTag { normalized } assignedTag { code status } }
			}""";

	static final String PROMOTE = """
			mutation($input: PromoteFreeTagsInput!) {
			  promoteFreeTags(input: $input) { tag { code name status tagClass { code } synonyms } freeTags customers
			                                   newlyAssigned }
			}""";

	static final String MERGE = """
			mutation($text: String!, $tag: ID!) {
			  mergeFreeTag(text: $text, tagCode: $tag) { tag { code synonyms } freeTags customers newlyAssigned }
			}""";

	@BeforeEach
	void setUp() {
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			ids.add("FTI-" + i);
		}
		write("UNWIND $ids AS id CREATE (:Customer {id: id, name: '测试客户'})", Map.of("ids", ids));
		// FTI-1..3 say 测试充电 in three ways, FTI-3..5 say 测试新能源车; FTI-3 carries both
		add("FTI-1", "tgi测试充电", "wang.fang");
		add("FTI-2", "ＴＧＩ测试充电", "li.jun");
		add("FTI-3", "TGI测试充电 ", "li.jun");
		add("FTI-3", "tgi测试新能源车", "zhao.lei");
		add("FTI-4", "tgi测试新能源车", "zhao.lei");
		add("FTI-5", "tgi测试新能源车", "chen.jing");
	}

	@AfterEach
	void cleanUp() {
		write("MATCH (c:Customer) WHERE c.id STARTS WITH 'FTI-' DETACH DELETE c", Map.of());
		write("MATCH (f:FreeTag) WHERE f.normalized STARTS WITH 'tgi' DETACH DELETE f", Map.of());
		write("MATCH (t:Tag) WHERE t.code STARTS WITH 'TFI' DETACH DELETE t", Map.of());
		// the segment index learnt the test customers' tags through the app: forget them
		var refreshed = client.query("mutation { refreshSegmentIndex { customers } }");
		assertThat(refreshed.hasErrors()).as(refreshed.body().toString()).isFalse();
	}

	@Test
	void promotingFreeTagsMovesEveryCarrierToOneDraftTagAndTheTextsKeepResolving() {
		JsonNode promoted = ok(client.query(PROMOTE,
				Map.of("input",
						Map.of("texts", List.of("tgi测试充电", "TGI测试新能源车"), "code", "TFI01", "classCode", "C07.05")),
				"steward.sun"))
			.data("promoteFreeTags");

		assertThat(promoted.path("tag").path("status").asString()).isEqualTo("DRAFT");
		assertThat(promoted.path("tag").path("tagClass").path("code").asString()).isEqualTo("C07.05");
		// named as most taggers spelled the most used free tag, tidied (NFKC, trimmed),
		// not case-folded
		assertThat(promoted.path("tag").path("name").asString()).isIn("tgi测试充电", "TGI测试充电");
		assertThat(promoted.path("freeTags")).extracting(JsonNode::asString).containsExactly("tgi测试充电", "tgi测试新能源车");
		assertThat(promoted.path("customers").asInt()).isEqualTo(5);
		assertThat(promoted.path("newlyAssigned").asInt()).isEqualTo(5);
		assertThat(promoted.path("tag").path("synonyms")).extracting(JsonNode::asString)
			.contains("ＴＧＩ测试充电", "tgi测试新能源车");

		// every carrier has the tag, with provenance, and no free tag left; FTI-3 keeps
		// both records
		var carriers = read("""
				MATCH (c:Customer)-[a:HAS_TAG]->(:Tag {code: 'TFI01'})
				RETURN c.id AS id, a.source AS source, a.by AS by, size(a.freeTags) AS records,
				       COUNT { (c)-[:HAS_FREE_TAG]->() } AS free ORDER BY id""");
		assertThat(carriers)
			.extracting(r -> r.get("id") + "|" + r.get("source") + "|" + r.get("by") + "|" + r.get("records") + "|"
					+ r.get("free"))
			.containsExactly("FTI-1|FOLKSONOMY|steward.sun|1|0", "FTI-2|FOLKSONOMY|steward.sun|1|0",
					"FTI-3|FOLKSONOMY|steward.sun|2|0", "FTI-4|FOLKSONOMY|steward.sun|1|0",
					"FTI-5|FOLKSONOMY|steward.sun|1|0");
		// the segment index saw the move
		var segment = ok(client.query("{ segment(where: {allOf: [{anyOf: [\"TFI01\"]}]}) { count } }"));
		assertThat(segment.data("segment.count").asInt()).isEqualTo(5);

		// the old texts resolve: search finds the tag, and tagging with a variant assigns
		// it
		assertThat(codes(ok(client.query("{ searchTags(text: \"ＴＧＩ测试新能源\") { code } }")).data("searchTags")))
			.containsExactly("TFI01");
		JsonNode again = ok(client.query(ADD, Map.of("id", "FTI-6", "text", "  TGI测试充电"), "liu.yang"))
			.data("addFreeTag");
		assertThat(again.path("freeTag").isNull()).isTrue();
		assertThat(again.path("assignedTag").path("code").asString()).isEqualTo("TFI01");
		assertThat(read(
				"MATCH (:Customer {id: 'FTI-6'})-[a:HAS_TAG]->(:Tag {code: 'TFI01'}) RETURN a.source AS s, a.by AS by"))
			.containsExactly(Map.of("s", "FOLKSONOMY", "by", "liu.yang"));

		// listed as resolved only when asked
		var list = ok(client
			.query("{ all: freeTags(includeResolved: true, first: 1000) { normalized resolution resolvesTo { code } }"
					+ " open: freeTags(first: 1000) { normalized } }"));
		assertThat(list.data("open")).extracting(n -> n.path("normalized").asString()).doesNotContain("tgi测试充电");
		assertThat(list.data("all")).filteredOn(n -> n.path("normalized").asString().startsWith("tgi"))
			.extracting(n -> n.path("resolution").asString() + ":" + n.path("resolvesTo").path("code").asString())
			.containsExactly("PROMOTED:TFI01", "PROMOTED:TFI01");
	}

	@Test
	void mergingMakesTheTextASynonymOfAnExistingTag() {
		ok(client.query(
				"mutation { createTag(input: {code: \"TFI02\", name: \"测试充电用户\", classCode: \"C07.05\"}) { code } }"));
		add("FTI-1", "tgi测试新能源车", "li.jun");
		ok(client.query("mutation { assignTags(customerId: \"FTI-4\", tagCodes: [\"TFI02\"]) { id } }"));

		JsonNode merged = ok(client.query(MERGE, Map.of("text", "TGI测试新能源车", "tag", "TFI02"))).data("mergeFreeTag");
		assertThat(merged.path("customers").asInt()).isEqualTo(4);
		// FTI-4 carried TFI02 already
		assertThat(merged.path("newlyAssigned").asInt()).isEqualTo(3);
		assertThat(merged.path("tag").path("synonyms")).extracting(JsonNode::asString).containsExactly("tgi测试新能源车");
		assertThat(read("MATCH (:FreeTag {normalized: 'tgi测试新能源车'})-[:SYNONYM_OF]->(t:Tag) RETURN t.code AS code"))
			.containsExactly(Map.of("code", "TFI02"));
		assertThat(codes(ok(client.query("{ searchTags(text: \"tgi测试新能源车\") { code } }")).data("searchTags")))
			.containsExactly("TFI02");
		assertThat(ok(client.query(ADD, Map.of("id", "FTI-6", "text", "TGI测试新能源车"))).data("addFreeTag.assignedTag.code")
			.asString()).isEqualTo("TFI02");
		// the free tag the merge left alone is still free
		assertThat(ok(client.query("{ freeTag(text: \"tgi测试充电\") { customers resolution } }")).data("freeTag.customers")
			.asInt()).isEqualTo(3);
	}

	@Test
	void everyRefusalNamesTheProblemAndWritesNothing() {
		ok(client.query("mutation { assignTags(customerId: \"FTI-2\", tagCodes: [\"T0602\"]) { id } }"));
		var before = GraphSnapshot.of(driver);
		var freeBefore = read(
				"MATCH (c)-[r:HAS_FREE_TAG]->(f) RETURN c.id AS c, f.normalized AS f, r.by AS by ORDER BY c, f");

		refused(client.query(PROMOTE,
				Map.of("input",
						Map.of("texts", List.of("tgi测试充电", "tgi没有这个"), "code", "TFI03", "classCode", "C07.05"))),
				"NOT_FOUND", "tgi没有这个");
		refused(client.query(PROMOTE,
				Map.of("input", Map.of("texts", List.of("tgi测试充电"), "code", "T0101", "classCode", "C07.05"))),
				"DUPLICATE_CODE", "T0101");
		refused(client.query(PROMOTE,
				Map.of("input", Map.of("texts", List.of("tgi测试充电"), "code", "TFI03", "classCode", "C99"))), "NOT_FOUND",
				"C99");
		refused(client.query(PROMOTE,
				Map.of("input", Map.of("texts", List.of(" "), "code", "TFI03", "classCode", "C07.05"))),
				"INVALID_INPUT", "texts");
		refused(client.query(PROMOTE,
				Map.of("input", Map.of("clusterId", "no-such-cluster", "code", "TFI03", "classCode", "C07.05"))),
				"NOT_FOUND", "no-such-cluster");
		// FTI-2 carries T0602 of exclusive class C06.01: a new tag directly in C06.01
		// cannot join it
		refused(client.query(PROMOTE,
				Map.of("input", Map.of("texts", List.of("tgi测试充电"), "code", "TFI03", "classCode", "C06.01"))),
				"EXCLUSIVE_CONFLICT", "FTI-2");
		refused(client.query(MERGE, Map.of("text", "tgi测试充电", "tag", "T0601")), "EXCLUSIVE_CONFLICT", "C06.01");
		refused(client.query(MERGE, Map.of("text", "tgi测试充电", "tag", "NOPE")), "NOT_FOUND", "NOPE");

		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(
				read("MATCH (c)-[r:HAS_FREE_TAG]->(f) RETURN c.id AS c, f.normalized AS f, r.by AS by ORDER BY c, f"))
			.isEqualTo(freeBefore);

		// taken in once, a free tag cannot be taken in again
		ok(client.query(MERGE, Map.of("text", "tgi测试充电", "tag", "T0712")));
		var twice = GraphSnapshot.of(driver);
		refused(client.query(PROMOTE,
				Map.of("input", Map.of("texts", List.of("TGI测试充电"), "code", "TFI03", "classCode", "C07.05"))),
				"INVALID_INPUT", "already resolves to T0712");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(twice);
		// undo the merge into the demo tag
		write("MATCH (c:Customer)-[a:HAS_TAG]->(:Tag {code: 'T0712'}) WHERE c.id STARTS WITH 'FTI-' DELETE a",
				Map.of());
	}

	@Test
	void taggingWhileAPromotionRunsLeavesNoCarrierBehind() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 10; i < 50; i++) {
			ids.add("FTI-" + i);
		}
		write("UNWIND $ids AS id CREATE (:Customer {id: id, name: '测试客户'})", Map.of("ids", ids));
		ids.subList(0, 5).forEach(id -> add(id, "tgi测试并发", "wang.fang"));
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<ApiClient.Reply>> adds = new ArrayList<>();
			for (String id : ids.subList(5, ids.size())) {
				adds.add(pool.submit(() -> client.query(ADD, Map.of("id", id, "text", "TGI测试并发"), "li.jun")));
			}
			ok(client.query(PROMOTE,
					Map.of("input", Map.of("texts", List.of("tgi测试并发"), "code", "TFI04", "classCode", "C07.05"))));
			for (var reply : adds) {
				ok(reply.get());
			}
		}
		finally {
			pool.shutdown();
		}
		// every customer that was tagged carries the tag, none is left on the taken-in
		// free tag
		assertThat(read("MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: 'TFI04'}) RETURN count(c) AS n"))
			.containsExactly(Map.of("n", (long) ids.size()));
		assertThat(read("MATCH ()-[r:HAS_FREE_TAG]->(:FreeTag {normalized: 'tgi测试并发'}) RETURN count(r) AS n"))
			.containsExactly(Map.of("n", 0L));
	}

	private void add(String id, String text, String user) {
		ok(client.query(ADD, Map.of("id", id, "text", text), user));
	}

	private static void refused(ApiClient.Reply reply, String code, String named) {
		assertThat(reply.errorCode()).as(reply.body().toString()).isEqualTo(code);
		assertThat(reply.errorMessage()).contains(named);
	}

}
