package com.taggraph;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The Browser files of {@code cypher/queries/} that repeat what the API answers (class
 * chains, siblings and class arrays, subtrees, lineage, impact) give, for every tag,
 * class, source system and table of the demo library, the answers of the GraphQL API on
 * the same database (as a user who sees every tag). The rule checks have their own test
 * ({@code RuleChecksBrowserFileTest}).
 */
@TagGraphTest
class BrowserFilesTest extends ApiTest {

	@Test
	void theClassChainOfEveryTagIsTheOneTheApiGives() {
		BrowserFile file = BrowserFile.named("class-chain-of-tag.cypher");

		forEvery("MATCH (n:Tag) RETURN n.code AS code ORDER BY code", "tag", "code", "tagClass { classChain { code } }",
				(tag, answer) -> {
					List<String> chain = new ArrayList<>(codes(answer.path("tagClass").path("classChain")));
					chain.add(tag);
					assertThat(file.column(driver, 2, Map.of("code", tag), "code")).isEqualTo(chain);
					assertThat(file.rows(driver, 3, Map.of("code", tag))).hasSize(1);
				});
	}

	@Test
	void theSiblingsAndClassArrayOfEveryClassAreTheOnesTheApiGives() {
		BrowserFile file = BrowserFile.named("siblings-of-class.cypher");

		forEvery("MATCH (n:TagClass) RETURN n.code AS code ORDER BY code", "tagClass", "code",
				"siblings { code } classArray { code tags { code } }", (code, answer) -> {
					assertThat(file.column(driver, 1, Map.of("code", code), "code"))
						.isEqualTo(codes(answer.path("siblings")));
					assertThat(file.column(driver, 2, Map.of("code", code), "code"))
						.isEqualTo(codes(answer.path("classArray")));
					assertThat(file.column(driver, 2, Map.of("code", code), "tags"))
						.isEqualTo(each(answer.path("classArray"), member -> codes(member.path("tags")).toString()));
				});
	}

	@Test
	void theSubtreeOfEveryClassIsTheOneTheApiGives() {
		BrowserFile file = BrowserFile.named("subtree-of-class.cypher");

		forEvery("MATCH (n:TagClass) RETURN n.code AS code ORDER BY code", "tagClass", "code",
				"descendants { code } tags(includeDescendants: true) { code }", (code, answer) -> {
					List<String> subtree = new ArrayList<>(List.of(code));
					subtree.addAll(codes(answer.path("descendants")));
					List<String> fromFile = file.column(driver, 2, Map.of("code", code), "class")
						.stream()
						.map(line -> line.strip().split(" ")[0])
						.toList();
					assertThat(fromFile).hasSameSizeAs(subtree);
					assertThat(new TreeSet<>(fromFile)).isEqualTo(new TreeSet<>(subtree));
					assertThat(new TreeSet<>(file.column(driver, 3, Map.of("code", code), "tagCode")))
						.isEqualTo(new TreeSet<>(codes(answer.path("tags"))));
				});
	}

	@Test
	void theUpstreamLineageOfEveryTagIsTheOneTheApiGives() {
		BrowserFile file = BrowserFile.named("lineage.cypher");
		List<String> reachingASystem = new ArrayList<>();

		forEvery("MATCH (n:Tag) RETURN n.code AS code ORDER BY code", "lineage", "tagCode",
				"sourceSystems { code } nodes { code kind }", (tag, answer) -> {
					List<String> systems = file.column(driver, 2, Map.of("code", tag), "system");
					assertThat(systems).isEqualTo(codes(answer.path("sourceSystems")));
					List<String> fields = new ArrayList<>();
					answer.path("nodes")
						.forEach(n -> fields
							.add(n.path("kind").asString().equals("SOURCE_FIELD") ? n.path("code").asString() : ""));
					fields.removeIf(String::isEmpty);
					assertThat(new TreeSet<>(file.column(driver, 3, Map.of("code", tag), "field")))
						.isEqualTo(new TreeSet<>(fields));
					if (!systems.isEmpty()) {
						reachingASystem.add(tag);
					}
				});
		assertThat(reachingASystem).as("tags with a lineage to compare").hasSizeGreaterThan(100);
	}

	@Test
	void theImpactOfEverySystemAndTableIsTheOneTheApiGives() {
		BrowserFile file = BrowserFile.named("impact.cypher");
		// the API counts customers on the bitmap index: in step with what other tests
		// wrote
		ok(client.query("mutation { refreshSegmentIndex { builtAt } }"));

		forEvery("MATCH (s) WHERE s:SourceSystem OR s:SourceTable RETURN s.code AS code ORDER BY code", "impact",
				"sourceCode", "tags { tag { code } degree } classes { tagClass { code } affectedTags } "
						+ "customerCount source { code }",
				(source, answer) -> {
					Map<String, Object> param = Map.of("code", source);
					assertThat(file.rows(driver, 2, param).stream().map(r -> r.get("tag") + "@" + r.get("degree")))
						.isEqualTo(each(answer.path("tags"),
								t -> t.path("tag").path("code").asString() + "@" + t.path("degree").asInt()));
					assertThat(
							file.rows(driver, 3, param).stream().map(r -> r.get("class") + "/" + r.get("affectedTags")))
						.isEqualTo(each(answer.path("classes"), c -> c.path("tagClass").path("code").asString() + "/"
								+ c.path("affectedTags").asInt()));
					Map<String, Object> size = file.rows(driver, 1, param).get(0);
					assertThat(size.get("affectedTags")).isEqualTo((long) answer.path("tags").size());
					assertThat(size.get("affectedClasses")).isEqualTo((long) answer.path("classes").size());
					assertThat(size.get("distinctCustomers")).isEqualTo(answer.path("customerCount").asLong());
				});
	}

	/** What {@code field(argument: code)} answers, for every code the Cypher reads. */
	private void forEvery(String cypher, String field, String argument, String selection,
			java.util.function.BiConsumer<String, JsonNode> check) {
		List<String> codes = codesOf(cypher);
		assertThat(codes).as("the demo library has what to compare").hasSizeGreaterThan(5);
		client.each(field, argument, codes, selection).forEach((code, answer) -> {
			assertThat(answer.isNull()).as(code).isFalse();
			try {
				check.accept(code, answer);
			}
			catch (AssertionError e) {
				throw new AssertionError("for " + code + ": " + e.getMessage(), e);
			}
		});
	}

	private static List<String> each(JsonNode list, Function<JsonNode, String> text) {
		List<String> texts = new ArrayList<>();
		list.forEach(item -> texts.add(text.apply(item)));
		return texts;
	}

}
