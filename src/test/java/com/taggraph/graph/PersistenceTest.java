package com.taggraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.connectors.ConnectorType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.taggraph.ApiClient;
import com.taggraph.TagGraphApplication;

/**
 * The service as a user runs it, twice over the same data directory, with Neo4j's HTTP
 * API and Browser on: what was written before a restart is there after it, and the demo
 * is not loaded again. No user is configured, so the first start generates an admin and
 * prints its password, once; the second start accepts it. Neo4j's HTTP API wants the
 * credentials too: the Neo4j password generated at the first start is printed once, kept
 * in the data directory for the owner only, and used again by the second start.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersistenceTest {

	private static final Pattern GENERATED = Pattern.compile("user: admin\\s+password: (\\S+)");

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestartAndBrowserIsServed(CapturedOutput output) throws Exception {
		String password;
		String neo4jPassword;
		try (var first = start()) {
			Matcher printed = GENERATED.matcher(output.getOut());
			assertThat(printed.find()).as("the generated admin password is printed at first start").isTrue();
			password = printed.group(1);
			assertThat(printed.find()).as("printed once").isFalse();
			assertThat(dataDir.resolve("generated-admin")).content().startsWith("$2a$").doesNotContain(password);
			assertThat(ApiClient.on(port(first)).anonymous().exchange("{ rootClasses { code } }").status())
				.isEqualTo(401);
			assertThat(ApiClient.signedIn(port(first), "admin", password + "x")
				.exchange("{ rootClasses { code } }")
				.status()).isEqualTo(401);
			ApiClient client = ApiClient.signedIn(port(first), "admin", password);
			var created = client.query(
					"mutation { createTagClass(input: {code: \"PERSIST-1\", name: \"重启后仍在\", parentCode: \"C08\"}) { code } }");
			assertThat(created.hasErrors()).as(created.body().toString()).isFalse();

			EmbeddedNeo4jServer server = first.getBean(EmbeddedNeo4jServer.class);
			HttpClient http = HttpClient.newHttpClient();
			var browser = http.send(HttpRequest.newBuilder(server.browserUri()).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(browser.statusCode()).isEqualTo(200);
			assertThat(browser.body()).containsIgnoringCase("neo4j browser");
			assertThat(server.boundAddress(ConnectorType.HTTP).getAddress().isLoopbackAddress()).isTrue();
			assertThat(server.boundAddress(ConnectorType.BOLT).getAddress().isLoopbackAddress()).isTrue();

			var anonymous = http.send(queryApi(server).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(anonymous.statusCode()).isEqualTo(401);
			var wrong = http.send(
					queryApi(server)
						.header("Authorization",
								new Neo4jCredentials(server.credentials().username(), "not-the-password")
									.basicAuthorization())
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(wrong.statusCode()).isEqualTo(401);
			var queryApi = http.send(
					queryApi(server).header("Authorization", server.credentials().basicAuthorization()).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(queryApi.statusCode()).isEqualTo(202);
			assertThat(queryApi.body()).contains("[67]");

			neo4jPassword = server.credentials().password();
			Path file = dataDir.resolve(PasswordFile.NAME);
			assertThat(Files.readString(file).strip()).isEqualTo(neo4jPassword);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertThat(output.getOut()).containsOnlyOnce(neo4jPassword).contains("kept in " + file);
		}

		int printedBefore = countMatches(output.getOut());
		int outputBefore = output.getOut().length();
		try (var second = start()) {
			assertThat(countMatches(output.getOut())).as("not printed again").isEqualTo(printedBefore);
			assertThat(second.getBean(EmbeddedNeo4jServer.class).credentials().password()).isEqualTo(neo4jPassword);
			assertThat(output.getOut().substring(outputBefore)).doesNotContain(neo4jPassword);
			ApiClient client = ApiClient.signedIn(port(second), "admin", password);
			var reply = client.query("{ tagClass(code: \"PERSIST-1\") { name classChain { code } } }");
			assertThat(reply.data("tagClass.name").asString()).isEqualTo("重启后仍在");
			assertThat(ApiClient.codes(reply.data("tagClass.classChain"))).containsExactly("C08", "PERSIST-1");
			var roots = client.query("{ rootClasses { code } }");
			assertThat(roots.data("rootClasses")).hasSize(8);
		}
	}

	private static HttpRequest.Builder queryApi(EmbeddedNeo4jServer server) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/db/neo4j/query/v2"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"statement\": \"MATCH (c:TagClass) RETURN count(c) AS n\"}"));
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TagGraphApplication.class).run("--server.port=0",
				"--taggraph.neo4j.embedded.data-dir=" + dataDir, "--taggraph.neo4j.embedded.bolt-port=0",
				"--taggraph.neo4j.embedded.http-port=0", "--taggraph.neo4j.embedded.http-enabled=true");
	}

	private static int countMatches(String text) {
		return (int) GENERATED.matcher(text).results().count();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
