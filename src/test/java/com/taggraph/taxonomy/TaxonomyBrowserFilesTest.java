package com.taggraph.taxonomy;

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
 * The Browser files of the class tree ({@code class-chain-of-tag},
 * {@code siblings-of-class}, {@code subtree-of-class}) answer, for every tag and class of
 * the demo library, what the GraphQL API answers on the same database.
 */
@TagGraphTest
class TaxonomyBrowserFilesTest extends ApiTest {

	@Test
	void theClassChainOfEveryTagIsTheOneTheApiGives() {
		BrowserFile file = BrowserFile.named("class-chain-of-tag.cypher");
		List<String> tags = all("Tag");
		Map<String, JsonNode> api = client.each("tag", "code", tags, "tagClass { classChain { code } }");

		for (String tag : tags) {
			List<String> expected = new ArrayList<>(codes(api.get(tag).path("tagClass").path("classChain")));
			expected.add(tag);
			assertThat(file.column(driver, 2, Map.of("code", tag), "code")).as(tag).isEqualTo(expected);
			assertThat(file.rows(driver, 3, Map.of("code", tag))).as(tag).hasSize(1);
		}
	}

	@Test
	void theSiblingsAndClassArrayOfEveryClassAreTheOnesTheApiGives() {
		BrowserFile file = BrowserFile.named("siblings-of-class.cypher");
		List<String> classes = all("TagClass");
		Map<String, JsonNode> api = client.each("tagClass", "code", classes,
				"siblings { code } classArray { code tags { code } }");

		for (String code : classes) {
			Map<String, Object> param = Map.of("code", code);
			JsonNode answer = api.get(code);
			assertThat(file.column(driver, 1, param, "code")).as(code).isEqualTo(codes(answer.path("siblings")));
			assertThat(file.column(driver, 2, param, "code")).as(code).isEqualTo(codes(answer.path("classArray")));
			List<String> tagsPerMember = new ArrayList<>();
			answer.path("classArray").forEach(member -> tagsPerMember.add(codes(member.path("tags")).toString()));
			assertThat(file.column(driver, 2, param, "tags")).as(code).isEqualTo(tagsPerMember);
		}
	}

	@Test
	void theSubtreeOfEveryClassIsTheOneTheApiGives() {
		BrowserFile file = BrowserFile.named("subtree-of-class.cypher");
		List<String> classes = all("TagClass");
		Map<String, JsonNode> api = client.each("tagClass", "code", classes,
				"descendants { code } tags(includeDescendants: true) { code }");

		for (String code : classes) {
			Map<String, Object> param = Map.of("code", code);
			List<String> subtree = new ArrayList<>(List.of(code));
			subtree.addAll(codes(api.get(code).path("descendants")));
			List<String> fromFile = file.column(driver, 2, param, "class")
				.stream()
				.map(line -> line.strip().split(" ")[0])
				.toList();
			assertThat(new TreeSet<>(fromFile)).as(code).isEqualTo(new TreeSet<>(subtree));
			assertThat(fromFile).as(code).hasSameSizeAs(subtree);
			assertThat(new TreeSet<>(file.column(driver, 3, param, "tagCode"))).as(code)
				.isEqualTo(new TreeSet<>(codes(api.get(code).path("tags"))));
		}
	}

	private List<String> all(String label) {
		// the label is one of two constants of this test, never input
		List<String> codes = codesOf("MATCH (n:" + label + ") RETURN n.code AS code ORDER BY code");
		assertThat(codes).as("the demo library's %s nodes", label).hasSizeGreaterThan(50);
		return codes;
	}

}
