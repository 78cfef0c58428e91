package com.taggraph.facet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Combining facet values (组配) to select tags, checked against a count made by hand over
 * the bundled demo library file: AND across facets, OR within one, and disjunctive facet
 * counts.
 */
@TagGraphTest
class FacetSearchTest extends ApiTest {

	private static final String SEARCH = """
			query($where: TagFilter, $first: Int, $after: String) {
			  tags(where: $where, first: $first, after: $after) {
			    totalCount
			    edges { cursor node { code name } }
			    pageInfo { hasNextPage hasPreviousPage endCursor }
			    facetCounts { facet { code } values { value { code } count selected } }
			  }
			}""";

	/**
	 * Each demo tag's value codes, and each top-level facet's value codes, from the
	 * library file.
	 */
	static final Map<String, Set<String>> tagValues = new LinkedHashMap<>();
	static final Map<String, String> tagClass = new HashMap<>();
	static final Map<String, String> tagName = new HashMap<>();
	static final Map<String, List<String>> facetValues = new LinkedHashMap<>();

	@BeforeAll
	static void library() throws Exception {
		JsonNode library;
		try (InputStream in = FacetSearchTest.class.getResourceAsStream("/demo/tag-library.json")) {
			library = JsonMapper.builder().build().readTree(in);
		}
		for (JsonNode tag : library.path("tags")) {
			Set<String> values = new java.util.HashSet<>();
			tag.path("facetValues").forEach(v -> values.add(v.asString()));
			tagValues.put(tag.path("code").asString(), values);
			tagClass.put(tag.path("code").asString(), tag.path("class").asString());
			tagName.put(tag.path("code").asString(), tag.path("name").asString());
		}
		for (JsonNode facet : library.path("facets")) {
			List<String> values = new ArrayList<>();
			facet.path("values").forEach(v -> values.add(v.path("code").asString()));
			// a sub-facet's (亚面) values count for its top-level facet, listed by code
			facet.path("subFacets")
				.forEach(sub -> sub.path("values").forEach(v -> values.add(v.path("code").asString())));
			values.sort(null);
			facetValues.put(facet.path("code").asString(), values);
		}
	}

	@Test
	void monthlyRuleBasedTagsFrom95598WithDisjunctiveCounts() {
		List<String> chosen = List.of("F3.U3", "F2.D2", "F1.S3");
		var reply = ok(client.query(SEARCH, Map.of("where", Map.of("facetValues", chosen), "first", 200)));

		List<String> expected = demoTags(t -> tagValues.get(t).containsAll(chosen));
		assertThat(expected).isNotEmpty();
		assertThat(reply.data("tags.totalCount").asInt()).isEqualTo(expected.size());
		assertThat(nodeCodes(reply)).containsExactlyElementsOf(expected);
		assertCounts(reply, chosen, t -> true);
	}

	@Test
	void orWithinAFacetAndAClassSubtreeAndAName() {
		List<String> chosen = List.of("F1.S1", "F1.S2", "F8.L2");
		var reply = ok(
				client.query(SEARCH, Map.of("where", Map.of("facetValues", chosen, "classCode", "C03"), "first", 200)));

		Predicate<String> inC03 = t -> tagClass.get(t).equals("C03") || tagClass.get(t).startsWith("C03.");
		List<String> expected = demoTags(
				t -> inC03.test(t) && (tagValues.get(t).contains("F1.S1") || tagValues.get(t).contains("F1.S2"))
						&& tagValues.get(t).contains("F8.L2"));
		assertThat(expected).isNotEmpty();
		assertThat(nodeCodes(reply)).containsExactlyElementsOf(expected);
		assertCounts(reply, chosen, inC03);

		var named = ok(client.query(SEARCH, Map.of("where", Map.of("text", "光伏"), "first", 200)));
		assertThat(nodeCodes(named)).isNotEmpty()
			.containsExactlyElementsOf(demoTags(t -> tagName.get(t).contains("光伏")));
	}

	@Test
	void pagingReturnsEveryTagOnceInCodeOrder() {
		List<String> seen = new ArrayList<>();
		Map<String, Object> variables = new HashMap<>(
				Map.of("where", Map.of("facetValues", List.of("F2.D1")), "first", 7));
		boolean more = true;
		while (more) {
			var page = ok(client.query(SEARCH, variables));
			seen.addAll(nodeCodes(page));
			more = page.data("tags.pageInfo.hasNextPage").asBoolean();
			variables.put("after", page.data("tags.pageInfo.endCursor").asString());
			assertThat(seen.size()).isLessThanOrEqualTo(tagValues.size());
		}
		assertThat(seen).containsExactlyElementsOf(demoTags(t -> tagValues.get(t).contains("F2.D1")));
	}

	@Test
	void unknownValuesClassesAndCursorsAreNamed() {
		var value = client.query(SEARCH, Map.of("where", Map.of("facetValues", List.of("F3.U3", "F3.NOPE"))));
		assertThat(value.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(value.errorMessage()).contains("F3.NOPE").doesNotContain("F3.U3");
		var unknownClass = client.query(SEARCH, Map.of("where", Map.of("classCode", "C99")));
		assertThat(unknownClass.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(unknownClass.errorMessage()).contains("C99");
		var cursor = client.query(SEARCH, Map.of("after", "not-a-cursor"));
		assertThat(cursor.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(cursor.errorMessage()).contains("after");
		assertThat(client.query(SEARCH, Map.of("first", 0)).errorMessage()).contains("first");
	}

	/**
	 * Every facet's counts: the tags meeting every other facet's choice (and the filter)
	 * that have the value.
	 */
	private static void assertCounts(ApiClient.Reply reply, List<String> chosen, Predicate<String> filter) {
		Map<String, String> facetOf = new HashMap<>();
		facetValues.forEach((facet, values) -> values.forEach(v -> facetOf.put(v, facet)));
		JsonNode counts = reply.data("tags.facetCounts");
		List<String> facets = new ArrayList<>();
		for (JsonNode facetCount : counts) {
			String facet = facetCount.path("facet").path("code").asString();
			facets.add(facet);
			List<String> others = chosen.stream().filter(v -> !facetOf.get(v).equals(facet)).toList();
			List<String> base = demoTags(t -> filter.test(t) && meets(tagValues.get(t), others, facetOf));
			List<String> valueCodes = new ArrayList<>();
			for (JsonNode vc : facetCount.path("values")) {
				String value = vc.path("value").path("code").asString();
				valueCodes.add(value);
				long expected = base.stream().filter(t -> tagValues.get(t).contains(value)).count();
				assertThat(vc.path("count").asLong()).as("%s in %s", value, facet).isEqualTo(expected);
				assertThat(vc.path("selected").asBoolean()).as(value).isEqualTo(chosen.contains(value));
			}
			assertThat(valueCodes).as(facet).containsExactlyElementsOf(facetValues.get(facet));
		}
		assertThat(facets).containsExactlyElementsOf(facetValues.keySet());
	}

	/** AND across facets, OR within one. */
	private static boolean meets(Set<String> values, List<String> chosen, Map<String, String> facetOf) {
		Map<String, List<String>> byFacet = new HashMap<>();
		chosen.forEach(v -> byFacet.computeIfAbsent(facetOf.get(v), k -> new ArrayList<>()).add(v));
		return byFacet.values().stream().allMatch(group -> group.stream().anyMatch(values::contains));
	}

	private static List<String> demoTags(Predicate<String> filter) {
		return tagValues.keySet().stream().filter(filter).sorted().toList();
	}

	private static List<String> nodeCodes(ApiClient.Reply reply) {
		List<String> codes = new ArrayList<>();
		reply.data("tags.edges").forEach(e -> codes.add(e.path("node").path("code").asString()));
		return codes;
	}

}
