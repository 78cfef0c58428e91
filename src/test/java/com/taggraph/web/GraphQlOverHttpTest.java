package com.taggraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;

/**
 * The endpoint as the GraphQL over HTTP specification describes it, and the offline
 * GraphiQL and lineage pages.
 */
@TagGraphTest
class GraphQlOverHttpTest extends ApiTest {

	private static final String QUERY = "{ tagClass(code: \"C01\") { name } }";

	@Test
	void postAnswersInTheRequestedMediaType() {
		var modern = client.post("/graphql", "{\"query\":\"" + QUERY.replace("\"", "\\\"") + "\"}", "application/json",
				ApiClient.GRAPHQL_RESPONSE);
		var legacy = client.post("/graphql", "{\"query\":\"" + QUERY.replace("\"", "\\\"") + "\"}", "application/json",
				"application/json");

		assertThat(modern.status()).isEqualTo(200);
		assertThat(modern.contentType()).startsWith(ApiClient.GRAPHQL_RESPONSE);
		assertThat(modern.data("tagClass.name").asString()).isEqualTo("基础属性");
		assertThat(legacy.status()).isEqualTo(200);
		assertThat(legacy.contentType()).startsWith("application/json");
	}

	@Test
	void everyErrorHasACodeAndAListOfSubjects() {
		var invalid = client.exchange("{ noSuchField }");
		var unknownOne = client.query("mutation { deleteTag(code: \"NO-SUCH-TAG\") }");
		var unknownTwo = client
			.query("{ segment(where: {allOf: [{anyOf: [\"NO-SUCH-1\", \"NO-SUCH-2\"]}]}) { count } }");
		var forbidden = client.query("{ changes(first: 1) { totalCount } }", java.util.Map.of(), "viewer.sun");

		assertThat(extensions(invalid).path("code").asString()).isEqualTo("INVALID_QUERY");
		assertThat(extensions(invalid).path("subject").isArray()).isTrue();
		assertThat(extensions(invalid).path("subject")).isEmpty();
		assertThat(extensions(unknownOne).path("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(extensions(unknownOne).path("subject").toString()).isEqualTo("[\"NO-SUCH-TAG\"]");
		assertThat(extensions(unknownTwo).path("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(extensions(unknownTwo).path("subject").toString()).isEqualTo("[\"NO-SUCH-1\",\"NO-SUCH-2\"]");
		assertThat(extensions(forbidden).path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(extensions(forbidden).path("subject").isArray()).isTrue();
	}

	@Test
	void aFieldThatFailsLeavesTheRestOfDataInPlace() {
		var reply = client.query("""
				{ broken: segment(where: {allOf: [{anyOf: ["NO-SUCH-TAG"]}]}) { count }
				  fine: tagClass(code: "C01") { name }
				  alsoFine: rootClasses { code } }""");

		assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(reply.body().path("errors").path(0).path("path").toString()).isEqualTo("[\"broken\"]");
		assertThat(reply.body().path("data").path("broken").isNull()).isTrue();
		assertThat(reply.data("fine.name").asString()).isEqualTo("基础属性");
		assertThat(reply.data("alsoFine")).isNotEmpty();

		// a refused mutation too: the next one in the same request still answers
		var writes = client.query("""
				mutation { refused: deleteTag(code: "NO-SUCH-TAG")
				           answered: createTagClass(input: {code: "HTTP-PARTIAL", name: "部分"}) { code } }""");
		assertThat(writes.body().path("data").path("refused").isNull()).isTrue();
		assertThat(writes.data("answered.code").asString()).isEqualTo("HTTP-PARTIAL");
		assertThat(
				client.query("mutation { deleteTagClass(code: \"HTTP-PARTIAL\") }").data("deleteTagClass").asString())
			.isEqualTo("HTTP-PARTIAL");
	}

	private static tools.jackson.databind.JsonNode extensions(ApiClient.Reply reply) {
		assertThat(reply.hasErrors()).as(reply.body().toString()).isTrue();
		return reply.body().path("errors").path(0).path("extensions");
	}

	@Test
	void getRunsQueries() {
		var reply = client.get(QUERY, ApiClient.GRAPHQL_RESPONSE);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith(ApiClient.GRAPHQL_RESPONSE);
		assertThat(reply.data("tagClass.name").asString()).isEqualTo("基础属性");
	}

	@Test
	void getRefusesMutationsWith405() {
		var reply = client.get("mutation { deleteTag(code: \"T0101\") }", ApiClient.GRAPHQL_RESPONSE);

		assertThat(reply.status()).isEqualTo(405);
		assertThat(reply.headers().get("allow")).containsExactly("POST");
		assertThat(client.query("{ tag(code: \"T0101\") { code } }").data("tag.code").asString()).isEqualTo("T0101");
	}

	@Test
	void badRequestsGet400WithGraphQlResponseJson() {
		var unparsable = client.post("/graphql", "{\"query\":\"{ tagClass(code: }\"}", "application/json",
				ApiClient.GRAPHQL_RESPONSE);
		var invalid = client.post("/graphql", "{\"query\":\"{ noSuchField }\"}", "application/json",
				ApiClient.GRAPHQL_RESPONSE);
		var notJson = client.post("/graphql", "{query: oops", "application/json", ApiClient.GRAPHQL_RESPONSE);
		var missingQuery = client.get("", ApiClient.GRAPHQL_RESPONSE);
		var badVariables = client.raw(HttpRequest.newBuilder().header("Accept", ApiClient.GRAPHQL_RESPONSE).GET(),
				"/graphql?query=%7B__typename%7D&variables=%7Bnot-json");

		assertThat(unparsable.status()).isEqualTo(400);
		assertThat(unparsable.contentType()).startsWith(ApiClient.GRAPHQL_RESPONSE);
		assertThat(unparsable.errorMessage()).contains("Invalid syntax");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.errorMessage()).contains("noSuchField");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(missingQuery.status()).isEqualTo(400);
		assertThat(badVariables.statusCode()).isEqualTo(400);
		assertThat(badVariables.body()).contains("variables");
	}

	@Test
	void legacyJsonKeeps200ForDocumentErrors() {
		var reply = client.post("/graphql", "{\"query\":\"{ noSuchField }\"}", "application/json", "application/json");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.hasErrors()).isTrue();
	}

	@Test
	void graphiqlIsServedWithEveryAssetFromTheApp() {
		String page = servedPage("/graphiql");

		assertThat(page).contains("GraphiQL.createFetcher");
		assertThat(assetsServedFromTheApp(page, "/webjars/[^\"]+")).isEqualTo(4);
	}

	@Test
	void graphiqlOpensWithTheExampleOperationsReadyToPick() throws java.io.IOException {
		var page = client.raw(HttpRequest.newBuilder().GET(), "/graphiql");
		assertThat(page.body()).contains("fetch('/graphiql/examples'")
			.contains("defaultTabs")
			.contains("example-picker");

		var listed = client.raw(HttpRequest.newBuilder().header("Accept", "application/json").GET(),
				"/graphiql/examples");
		assertThat(listed.statusCode()).isEqualTo(200);
		var examples = tools.jackson.databind.json.JsonMapper.builder().build().readTree(listed.body());
		java.util.Map<String, String> files = new java.util.TreeMap<>();
		try (var paths = java.nio.file.Files.list(java.nio.file.Path.of("graphql/examples"))) {
			for (var file : paths.filter(f -> f.toString().endsWith(".graphql")).toList()) {
				files.put(file.getFileName().toString().replace(".graphql", ""), java.nio.file.Files.readString(file));
			}
		}
		java.util.Map<String, String> served = new java.util.TreeMap<>();
		examples.forEach(e -> served.put(e.path("name").asString(), e.path("query").asString()));
		assertThat(served).isEqualTo(files);
		// the variables a file's comment shows come ready to run
		for (var example : examples) {
			if (example.path("name").asString().equals("search-tags")) {
				assertThat(example.path("variables").asString()).contains("\"text\"", "信用");
			}
		}
		assertThat(served).containsKey("search-tags");
	}

	@Test
	void lineagePageIsServedWithEveryAssetFromTheApp() {
		String page = servedPage("/lineage?code=T0315");

		assertThat(page).contains("cytoscape.min.js").contains("dagre.min.js");
		// its stylesheet and script, Cytoscape.js, dagre, and the link to GraphiQL
		assertThat(assetsServedFromTheApp(page, "/[^\"]+")).isEqualTo(5);
	}

	/** The page at the path, which the app serves (200). */
	private String servedPage(String path) {
		var page = client.raw(HttpRequest.newBuilder().GET(), path);
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body();
	}

	/**
	 * Asserts the page links nothing from another host and that the app serves each of
	 * its assets whose path matches; gives back how many there are.
	 */
	private int assetsServedFromTheApp(String page, String pathPattern) {
		assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
		Matcher assets = Pattern.compile("(?:src|href)=\"(" + pathPattern + ")\"").matcher(page);
		int count = 0;
		while (assets.find()) {
			assertThat(client.raw(HttpRequest.newBuilder().GET(), assets.group(1)).statusCode()).as(assets.group(1))
				.isEqualTo(200);
			count++;
		}
		return count;
	}

}
