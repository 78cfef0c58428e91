package com.taggraph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app as a separate JVM on a data directory of its own, as an operator runs it:
 * started with free ports, awaited until it answers GraphQL, killed with SIGKILL, and
 * talked to over HTTP and Bolt. The crash tests restart it on the same directory.
 */
final class ChildApp {

	static final String USER = "crashtest";

	private static final String PASSWORD = "taggraph-load-7Qx2";

	/**
	 * BCrypt (strength 10) of {@link #PASSWORD}, computed once with
	 * spring-security-crypto's BCryptPasswordEncoder.
	 */
	private static final String PASSWORD_HASH = "$2a$10$.pFcy1W2iky/SqyM8qAJWeGyCBZKqoXwHzAsKoQfWa1/1ndhJvxYG";

	/**
	 * Bolt credentials of the child's embedded Neo4j (ignored by a database without
	 * authentication).
	 */
	private static final String BOLT_USER = "neo4j";

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	/** One running app: its process, ports and log. */
	record Child(Process process, int port, int boltPort, Path log, long startedNanos) {
	}

	private final Path dir;

	private final String boltPassword = "bolt-" + Long.toHexString(new SecureRandom().nextLong());

	private int starts;

	ChildApp(Path dir) {
		this.dir = dir;
	}

	/**
	 * Starts the app in a new JVM on the data directory, with free ports; skips the test
	 * if no JVM can be started.
	 */
	Child start(String... extra) throws IOException {
		int port = freePort();
		int boltPort = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// Neo4j's --add-opens flags, as surefire gives them to this JVM
		ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports"))
			.forEach(command::add);
		command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"),
				"com.taggraph.TagGraphApplication", "--server.port=" + port,
				"--taggraph.neo4j.embedded.data-dir=" + dir.resolve("data").toAbsolutePath(),
				"--taggraph.neo4j.embedded.bolt-port=" + boltPort, "--taggraph.neo4j.embedded.http-enabled=false",
				"--taggraph.neo4j.embedded.page-cache=256m", "--taggraph.neo4j.embedded.username=" + BOLT_USER,
				"--taggraph.neo4j.embedded.password=" + boltPassword,
				"--taggraph.security.users." + USER + ".password={bcrypt}" + PASSWORD_HASH,
				"--taggraph.security.users." + USER + ".roles=ADMIN",
				"--taggraph.security.users." + USER + ".customer-data=true",
				"--taggraph.import.work-dir=" + dir.resolve("imports").toAbsolutePath(),
				"--taggraph.import.max-bytes=100MB"));
		command.addAll(List.of(extra));
		Path log = dir.resolve("child-%d.log".formatted(++starts));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			Assumptions.abort("cannot start a child JVM: " + ex.getMessage());
			throw ex;
		}
		return new Child(process, port, boltPort, log, System.nanoTime());
	}

	/**
	 * Polls until the app answers a GraphQL request; seconds since the JVM was launched.
	 */
	double awaitReady(Child c) throws Exception {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!c.process().isAlive()) {
				throw new AssertionError("the app exited with %d before it was ready:%n%s"
					.formatted(c.process().exitValue(), tail(c.log())));
			}
			try {
				HttpResponse<String> response = HTTP
					.send(request(c, "/graphql").header("Content-Type", "application/json")
						.timeout(Duration.ofSeconds(5))
						.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("Query")) {
					return (System.nanoTime() - c.startedNanos()) / 1e9;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the app was not ready within %s:%n%s".formatted(READY_TIMEOUT, tail(c.log())));
	}

	/** SIGKILL, as {@code kill -9}: no shutdown hook, no Neo4j checkpoint. */
	static void kill(Child c) throws InterruptedException {
		c.process().destroyForcibly();
		assertThat(c.process().waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
	}

	Driver bolt(Child c) {
		return GraphDatabase.driver("bolt://127.0.0.1:" + c.boltPort(), AuthTokens.basic(BOLT_USER, boltPassword));
	}

	static HttpRequest.Builder request(Child c, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port() + path))
			.header("Authorization", AUTHORIZATION)
			.header("X-User", USER);
	}

	/** A GraphQL request as the test user; the whole answer. */
	static JsonNode graphQl(Child c, String query, Map<String, Object> variables) throws Exception {
		String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
		HttpResponse<String> response = HTTP.send(request(c, "/graphql").header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
