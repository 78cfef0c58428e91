package com.taggraph.facet;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Facets (面), sub-facets (亚面) and their values over GraphQL, and the facet rules held at
 * write time.
 */
@TagGraphTest
class FacetTest extends ApiTest {

	@Test
	void theDemoFacetsAndEveryTagsValuesAreServed() throws Exception {
		var reply = ok(client.query(
				"{ facets { code name criterion parent { code } values { code facet { code } topFacet { code } } } }"));

		JsonNode facets = reply.data("facets");
		assertThat(codes(facets)).containsExactly("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8");
		for (JsonNode facet : facets) {
			String code = facet.path("code").asString();
			assertThat(facet.path("criterion").asString()).as(code).isNotBlank();
			assertThat(facet.path("parent").isNull()).isTrue();
			assertThat(codes(facet.path("values"))).as(code)
				.containsExactlyElementsOf(strings(
						"MATCH (v:FacetValue)-[:OF_FACET]->(:Facet {code: $code}) RETURN v.code ORDER BY v.code",
						code));
			facet.path("values").forEach(v -> {
				assertThat(v.path("facet").path("code").asString()).isEqualTo(code);
				assertThat(v.path("topFacet").path("code").asString()).isEqualTo(code);
			});
		}

		// every tag's values, as the bundled library gives them
		JsonNode library;
		try (InputStream in = getClass().getResourceAsStream("/demo/tag-library.json")) {
			library = JsonMapper.builder().build().readTree(in);
		}
		StringBuilder query = new StringBuilder("{");
		for (JsonNode tag : library.path("tags")) {
			query.append(" t")
				.append(tag.path("code").asString().replaceAll("\\W", "_"))
				.append(": tag(code: \"")
				.append(tag.path("code").asString())
				.append("\") { facetValues { code } }");
		}
		var tags = ok(client.query(query.append(" }").toString()));
		for (JsonNode tag : library.path("tags")) {
			String alias = "t" + tag.path("code").asString().replaceAll("\\W", "_");
			List<String> expected = new java.util.ArrayList<>();
			tag.path("facetValues").forEach(v -> expected.add(v.asString()));
			assertThat(codes(tags.data(alias + ".facetValues"))).as(alias).containsExactlyElementsOf(expected);
		}

		var sensitive = ok(client.query("{ facetValue(code: \"F8.L3\") { name tags { code } } }"));
		assertThat(codes(sensitive.data("facetValue.tags"))).isNotEmpty()
			.containsExactlyElementsOf(strings(
					"MATCH (t:Tag)-[:HAS_FACET_VALUE]->(:FacetValue {code: $code}) RETURN t.code ORDER BY t.code",
					"F8.L3"));
		assertThat(client.query("{ facet(code: \"NOPE\") { code } facetValue(code: \"NOPE\") { code } }")
			.body()
			.path("data")
			.path("facet")
			.isNull()).isTrue();
	}

	@Test
	void subFacetsDivideAFacetAndATagKeepsOneValuePerTopLevelFacet() {
		ok(client
			.query("""
					mutation {
					  f: createFacet(input: {code: "FX", name: "测试分面", criterion: "测试划分标准"}) { code }
					  s: createFacet(input: {code: "FX.S", name: "测试亚面", criterion: "更细的标准", parentCode: "FX"}) { code parent { code } }
					  a: createFacetValue(input: {code: "FX.A", name: "甲", facetCode: "FX"}) { code }
					  b: createFacetValue(input: {code: "FX.S.B", name: "乙", facetCode: "FX.S"}) { code topFacet { code } facet { code } }
					  t: createTag(input: {code: "TFX1", name: "分面测试标签", classCode: "C01.01"}) { code }
					}"""));
		try {
			var facet = ok(client.query(
					"{ facet(code: \"FX\") { subFacets { code parent { code } } values { code } allValues { code } } }"));
			assertThat(codes(facet.data("facet.subFacets"))).containsExactly("FX.S");
			assertThat(codes(facet.data("facet.values"))).containsExactly("FX.A");
			assertThat(codes(facet.data("facet.allValues"))).containsExactly("FX.A", "FX.S.B");

			var first = ok(client.query(
					"mutation { classifyTag(tagCode: \"TFX1\", facetValueCodes: [\"FX.S.B\", \"F3.U3\"]) { facetValues { code topFacet { code } } } }"));
			assertThat(codes(first.data("classifyTag.facetValues"))).containsExactly("F3.U3", "FX.S.B");

			// a value of the facet itself replaces the sub-facet's value: one value per
			// top-level facet
			var second = ok(client.query(
					"mutation { classifyTag(tagCode: \"TFX1\", facetValueCodes: [\"FX.A\"]) { facetValues { code } } }"));
			assertThat(codes(second.data("classifyTag.facetValues"))).containsExactly("F3.U3", "FX.A");
			assertThat(ok(
					client.query("mutation { updateFacet(code: \"FX\", input: {name: \"改名分面\"}) { name criterion } }"))
				.data("updateFacet.name")
				.asString()).isEqualTo("改名分面");
			assertThat(ok(client.query("mutation { updateFacetValue(code: \"FX.A\", input: {name: \"甲二\"}) { name } }"))
				.data("updateFacetValue.name")
				.asString()).isEqualTo("甲二");
		}
		finally {
			ok(client.query("mutation { deleteTag(code: \"TFX1\") }"));
			ok(client.query("""
					mutation { a: deleteFacetValue(code: "FX.A") b: deleteFacetValue(code: "FX.S.B")
					  s: deleteFacet(code: "FX.S") f: deleteFacet(code: "FX") }"""));
		}
		assertThat(ok(client.query("{ facet(code: \"FX\") { code } }")).data("facet").isNull()).isTrue();
	}

	@Test
	void everyFacetRuleViolationIsRefusedAndChangesNothing() {
		Map<String, Object> before = GraphSnapshot.of(driver);

		refused("mutation { createFacet(input: {code: \"FY\", name: \"无标准\", criterion: \"  \"}) { code } }",
				"INVALID_INPUT", "criterion");
		refused("mutation { updateFacet(code: \"F1\", input: {criterion: \"\"}) { code } }", "INVALID_INPUT",
				"criterion");
		refused("mutation { createFacetValue(input: {code: \"F1.S1\", name: \"重复\", facetCode: \"F2\"}) { code } }",
				"DUPLICATE_CODE", "F1.S1");
		refused("mutation { createFacet(input: {code: \"F3.U1\", name: \"与值同码\", criterion: \"标准\"}) { code } }",
				"DUPLICATE_CODE", "F3.U1");
		refused("mutation { createFacet(input: {code: \"F2\", name: \"重复\", criterion: \"标准\"}) { code } }",
				"DUPLICATE_CODE", "F2");
		refused("mutation { classifyTag(tagCode: \"T0101\", facetValueCodes: [\"F3.U1\", \"F3.U2\"]) { code } }",
				"FACET_CONFLICT", "F3.U1");
		refused("mutation { deleteFacetValue(code: \"F8.L3\") }", "NOT_EMPTY", "F8.L3");
		refused("mutation { deleteFacetValue(code: \"F4.A2\") }", "NOT_EMPTY", "F4.A2");
		refused("mutation { deleteFacet(code: \"F5\") }", "NOT_EMPTY", "F5");
		refused("mutation { classifyTag(tagCode: \"T0101\", facetValueCodes: [\"F9.NOPE\"]) { code } }", "NOT_FOUND",
				"F9.NOPE");
		refused("mutation { classifyTag(tagCode: \"NOPE\", facetValueCodes: [\"F3.U1\"]) { code } }", "NOT_FOUND",
				"NOPE");
		refused("mutation { createFacetValue(input: {code: \"FZ.1\", name: \"无面\", facetCode: \"NOPE\"}) { code } }",
				"NOT_FOUND", "NOPE");

		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void coverageNamesTagsWithoutAValueAndTagsWithSeveral() {
		var demo = ok(
				client.query("{ facetCoverage { facet { code } tagsWithout { code } tagsWithSeveral { code } } }"));
		List<String> facets = new java.util.ArrayList<>();
		demo.data("facetCoverage").forEach(c -> facets.add(c.path("facet").path("code").asString()));
		assertThat(facets).containsExactly("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8");
		// the demo library gives every tag one value per facet (other test classes may
		// add tags of their own)
		List<String> demoTags = strings("MATCH (t:Tag) WHERE t.code =~ 'T[0-9]{4}' RETURN t.code ORDER BY t.code", "");
		assertThat(demoTags).hasSizeGreaterThanOrEqualTo(127);
		demo.data("facetCoverage").forEach(c -> {
			assertThat(codes(c.path("tagsWithout"))).as(c.toString()).doesNotContainAnyElementsOf(demoTags);
			assertThat(codes(c.path("tagsWithSeveral"))).as(c.toString()).doesNotContainAnyElementsOf(demoTags);
		});

		ok(client
			.query("mutation { createTag(input: {code: \"TFX2\", name: \"未分面标签\", classCode: \"C01.01\"}) { code } }"));
		try {
			ok(client.query("mutation { classifyTag(tagCode: \"TFX2\", facetValueCodes: [\"F1.S2\"]) { code } }"));
			// a second value forced in from outside the API, as a Browser user could
			try (var session = driver.session()) {
				session.run(
						"MATCH (t:Tag {code: 'TFX2'}), (v:FacetValue {code: 'F1.S3'}) CREATE (t)-[:HAS_FACET_VALUE]->(v)")
					.consume();
			}
			var gaps = ok(
					client.query("{ facetCoverage { facet { code } tagsWithout { code } tagsWithSeveral { code } } }"));
			for (JsonNode c : gaps.data("facetCoverage")) {
				String facet = c.path("facet").path("code").asString();
				if (facet.equals("F1")) {
					assertThat(codes(c.path("tagsWithout"))).doesNotContain("TFX2");
					assertThat(codes(c.path("tagsWithSeveral"))).contains("TFX2");
				}
				else {
					assertThat(codes(c.path("tagsWithout"))).as(facet).contains("TFX2");
					assertThat(codes(c.path("tagsWithSeveral"))).as(facet).doesNotContain("TFX2");
				}
			}
		}
		finally {
			ok(client.query("mutation { deleteTag(code: \"TFX2\") }"));
		}
	}

	private void refused(String mutation, String code, String named) {
		var reply = client.query(mutation);
		assertThat(reply.errorCode()).as(mutation).isEqualTo(code);
		assertThat(reply.errorMessage() + reply.body()).as(mutation).contains(named);
	}

	private List<String> strings(String cypher, String code) {
		try (var session = driver.session()) {
			return session.run(cypher, Map.of("code", code)).list(r -> r.get(0).asString());
		}
	}

}
