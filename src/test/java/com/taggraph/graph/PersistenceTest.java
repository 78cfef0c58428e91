package com.taggraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.taggraph.GraphQlHttp;
import com.taggraph.TagGraphApplication;

/**
 * The service as a user runs it, twice over the same data directory, with Neo4j's HTTP API and
 * Browser on: what was written before a restart is there after it, and the demo is not loaded again. No user is
 * configured, so the first start generates an admin and prints its password, once; the second start accepts it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersistenceTest {

	private static final Pattern GENERATED = Pattern.compile("user: admin\\s+password: (\\S+)");

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestartAndBrowserIsServed(CapturedOutput output) throws Exception {
		String password;
		try (var first = start()) {
			Matcher printed = GENERATED.matcher(output.getOut());
			assertThat(printed.find()).as("the generated admin password is printed at first start").isTrue();
			password = printed.group(1);
			assertThat(printed.find()).as("printed once").isFalse();
			assertThat(dataDir.resolve("generated-admin")).content().startsWith("$2a$").doesNotContain(password);
			assertThat(new GraphQlHttp(port(first)).anonymous().query("{ rootClasses { code } }").status()).isEqualTo(401);
			assertThat(GraphQlHttp.signedIn(port(first), "admin", password + "x").query("{ rootClasses { code } }").status())
				.isEqualTo(401);
			GraphQlHttp client = GraphQlHttp.signedIn(port(first), "admin", password);
			var created = client.query("mutation { createTagClass(input: {code: \"PERSIST-1\", name: \"重启后仍在\", parentCode: \"C08\"}) { code } }");
			assertThat(created.hasErrors()).as(created.body().toString()).isFalse();

			EmbeddedNeo4jServer server = first.getBean(EmbeddedNeo4jServer.class);
			HttpClient http = HttpClient.newHttpClient();
			var browser = http.send(HttpRequest.newBuilder(server.browserUri()).GET().build(), HttpResponse.BodyHandlers.ofString());
			assertThat(browser.statusCode()).isEqualTo(200);
			assertThat(browser.body()).containsIgnoringCase("neo4j browser");
			var queryApi = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/db/neo4j/query/v2"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"statement\": \"MATCH (c:TagClass) RETURN count(c) AS n\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(queryApi.statusCode()).isEqualTo(202);
			assertThat(queryApi.body()).contains("[58]");
		}

		int printedBefore = countMatches(output.getOut());
		try (var second = start()) {
			assertThat(countMatches(output.getOut())).as("not printed again").isEqualTo(printedBefore);
			GraphQlHttp client = GraphQlHttp.signedIn(port(second), "admin", password);
			var reply = client.query("{ tagClass(code: \"PERSIST-1\") { name classChain { code } } }");
			assertThat(reply.data("tagClass.name").asString()).isEqualTo("重启后仍在");
			assertThat(GraphQlHttp.codes(reply.data("tagClass.classChain"))).containsExactly("C08", "PERSIST-1");
			var roots = client.query("{ rootClasses { code } }");
			assertThat(roots.data("rootClasses")).hasSize(8);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TagGraphApplication.class).run(
				"--server.port=0",
				"--taggraph.neo4j.embedded.data-dir=" + dataDir,
				"--taggraph.neo4j.embedded.bolt-port=0",
				"--taggraph.neo4j.embedded.http-port=0",
				"--taggraph.neo4j.embedded.http-enabled=true");
	}

	private static int countMatches(String text) {
		return (int) GENERATED.matcher(text).results().count();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}
}
