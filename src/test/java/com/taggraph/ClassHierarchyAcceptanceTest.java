package com.taggraph;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.taggraph.taxonomy.IndustryScheme;

/**
 * The acceptance items, used as a client would: GraphQL and the import endpoint
 * over HTTP, and the graph read back over Bolt. {@code ExternalNeo4jAcceptanceTest} runs
 * the same against a standalone Neo4j server.
 */
@TagGraphTest
class ClassHierarchyAcceptanceTest extends ApiTest {

	@Test
	void classChainAndUpperClassOfAThirdLevelClass() {
		var reply = client.query("""
				{ tagClass(code: "C07.02.01") { level classChain { code } broader { code } } }""");

		assertThat(codes(reply.data("tagClass.classChain"))).containsExactly("C07", "C07.02", "C07.02.01");
		assertThat(reply.data("tagClass.broader.code").asString()).isEqualTo("C07.02");
		assertThat(reply.data("tagClass.level").asInt()).isEqualTo(3);
	}

	@Test
	void tagClassChainEndsInItsClass() {
		var reply = client.query("{ tag(code: \"T0703\") { classChain { code } } }");

		assertThat(codes(reply.data("tag.classChain"))).containsExactly("C07", "C07.02", "C07.02.01");
	}

	@Test
	void classHoldsItsTagsAndSiblingsWithoutItself() {
		var reply = client.query("""
				{ tagClass(code: "C01.01") { tags { code } siblings { code } classArray { code } } }""");

		assertThat(codes(reply.data("tagClass.tags"))).containsExactly("T0101", "T0102", "T0103");
		assertThat(codes(reply.data("tagClass.siblings"))).containsExactly("C01.02", "C01.03", "C01.04", "C01.05",
				"C01.06", "C01.07");
		assertThat(codes(reply.data("tagClass.classArray"))).hasSize(7).contains("C01.01");
	}

	@Test
	void refusedEditsLeaveTheGraphUnchanged() {
		Map<String, Object> before = GraphSnapshot.of(driver);

		assertRefused("mutation { createTagClass(input: {code: \"C01.02\", name: \"重复\"}) { code } }", "DUPLICATE_CODE",
				"C01.02");
		assertRefused(
				"mutation { createTagClass(input: {code: \"X-NEW\", name: \"新\", parentCode: \"NOPE\"}) { code } }",
				"NOT_FOUND", "NOPE");
		assertRefused("mutation { moveTagClass(code: \"C01\", newParentCode: \"C01.01\") { code } }", "CYCLE", "C01");
		assertRefused("mutation { deleteTagClass(code: \"C01.01\") }", "NOT_EMPTY", "C01.01");
		assertRefused("mutation { deleteTagClass(code: \"C01\") }", "NOT_EMPTY", "C01");

		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void importsAFourLevelSchemeAndRefusesAFileWithOneBadRow() {
		String prefix = "ACC" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-";
		List<String> lines = new java.util.ArrayList<>(IndustryScheme.lines(prefix));
		lines.set(1500, prefix + "BAD,NO-SUCH-PARENT,坏行,,,");
		Map<String, Object> before = GraphSnapshot.of(driver);

		var refused = client.post("/api/import/tag-classes", String.join("\n", lines), "text/csv", "application/json");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().path("problems")).hasSize(1);
		assertThat(refused.body().path("problems").path(0).path("line").asInt()).isEqualTo(1501);
		assertThat(refused.body().path("problems").path(0).path("message").asString()).contains("NO-SUCH-PARENT");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);

		var imported = client.post("/api/import/tag-classes", IndustryScheme.csv(prefix), "text/csv; charset=UTF-8",
				"application/json");

		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.body().path("counts").path("created").asInt())
			.isEqualTo(IndustryScheme.lines(prefix).size() - 1);
		var leaf = IndustryScheme.chainOfFirstLeaf(prefix);
		var chain = client.query("query($c: ID!) { tagClass(code: $c) { level classChain { code } } }",
				Map.of("c", leaf.get(3)));
		assertThat(codes(chain.data("tagClass.classChain"))).containsExactlyElementsOf(leaf);
		assertThat(chain.data("tagClass.level").asInt()).isEqualTo(4);
	}

	private void assertRefused(String mutation, String code, String named) {
		var reply = client.query(mutation);
		assertThat(reply.errorCode()).as(mutation).isEqualTo(code);
		assertThat(reply.errorMessage()).as(mutation).contains(named);
	}

}
