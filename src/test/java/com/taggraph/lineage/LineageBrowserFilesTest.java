package com.taggraph.lineage;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.BrowserFile;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * The Browser files {@code lineage.cypher} and {@code impact.cypher} answer, for every
 * tag and every source system and table of the demo library, what {@code lineage} and
 * {@code impact} answer over GraphQL on the same database (as a user who sees every tag).
 */
@TagGraphTest
class LineageBrowserFilesTest extends ApiTest {

	@Test
	void theUpstreamLineageOfEveryTagIsTheOneTheApiGives() {
		BrowserFile file = BrowserFile.named("lineage.cypher");
		List<String> tags = some("MATCH (t:Tag) RETURN t.code AS code ORDER BY code");
		Map<String, JsonNode> api = client.each("lineage", "tagCode", tags,
				"sourceSystems { code } nodes { code kind }");

		int withLineage = 0;
		for (String tag : tags) {
			Map<String, Object> param = Map.of("code", tag);
			JsonNode lineage = api.get(tag);
			List<String> systems = file.column(driver, 2, param, "system");
			assertThat(systems).as(tag).isEqualTo(codes(lineage.path("sourceSystems")));
			List<String> fields = new ArrayList<>();
			lineage.path("nodes").forEach(n -> {
				if (n.path("kind").asString().equals("SOURCE_FIELD")) {
					fields.add(n.path("code").asString());
				}
			});
			assertThat(new TreeSet<>(file.column(driver, 3, param, "field"))).as(tag).isEqualTo(new TreeSet<>(fields));
			withLineage += systems.isEmpty() ? 0 : 1;
		}
		assertThat(withLineage).as("tags with a lineage to compare").isGreaterThan(100);
	}

	@Test
	void theImpactOfEverySystemAndTableIsTheOneTheApiGives() {
		BrowserFile file = BrowserFile.named("impact.cypher");
		List<String> sources = some("""
				MATCH (s) WHERE s:SourceSystem OR s:SourceTable RETURN s.code AS code ORDER BY code""");
		Map<String, JsonNode> api = client.each("impact", "sourceCode", sources,
				"tags { tag { code } degree } classes { tagClass { code } affectedTags }");
		Map<String, JsonNode> counts = client.each("impactCounts", "sourceCode", sources,
				"fieldCount tagCount classCount customerCount");

		for (String source : sources) {
			Map<String, Object> param = Map.of("code", source);
			List<String> fromApi = new ArrayList<>();
			api.get(source)
				.path("tags")
				.forEach(t -> fromApi.add(t.path("tag").path("code").asString() + "@" + t.path("degree").asInt()));
			List<String> fromFile = file.rows(driver, 2, param)
				.stream()
				.map(r -> r.get("tag") + "@" + r.get("degree"))
				.toList();
			assertThat(fromFile).as(source).isEqualTo(fromApi);

			Map<String, Object> size = file.rows(driver, 1, param).get(0);
			JsonNode count = counts.get(source);
			assertThat(List.of(size.get("fieldsInScope"), size.get("affectedTags"), size.get("affectedClasses"),
					size.get("distinctCustomers")))
				.as(source)
				.isEqualTo(List.of(count.path("fieldCount").asLong(), count.path("tagCount").asLong(),
						count.path("classCount").asLong(), count.path("customerCount").asLong()));
			List<String> classes = new ArrayList<>();
			api.get(source)
				.path("classes")
				.forEach(c -> classes
					.add(c.path("tagClass").path("code").asString() + "/" + c.path("affectedTags").asInt()));
			assertThat(file.rows(driver, 3, param).stream().map(r -> r.get("class") + "/" + r.get("affectedTags")))
				.as(source)
				.isEqualTo(classes);
		}
	}

	private List<String> some(String cypher) {
		List<String> codes = codesOf(cypher);
		assertThat(codes).as("the demo library has what to compare").hasSizeGreaterThan(5);
		return codes;
	}

}
