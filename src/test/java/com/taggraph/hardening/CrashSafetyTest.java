package com.taggraph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import com.taggraph.customer.CustomerLibrary;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6, crash safety: the app runs as a separate JVM, is killed with SIGKILL
 * ({@code kill -9}) in the middle of two large imports running at once, and restarted on
 * the same data directory. The database must open, and each import must be wholly there
 * or wholly absent:
 * <ul>
 * <li>a bulk assignment import (batches of 10,000 rows, each its own transaction), killed
 * after some batches have committed: the restart runs with the embedded default,
 * {@code taggraph.import.interrupted=auto} (= rollback), which rolls the interrupted
 * import back before the app serves requests, so nothing of it is left and the counts are
 * as before the import;</li>
 * <li>a class-scheme import (one transaction), killed while its transaction writes
 * classes: none of its classes exists after the restart, and the same file then imports
 * whole.</li>
 * </ul>
 * One kill and one restart serve both, to keep the run short (two cold starts of the
 * app). The children's logs stay in {@code target/crash-safety/run-*}; the store is
 * deleted after the test.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class CrashSafetyTest {

	private static final String USER = "crashtest";

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

	private static final int IMPORT_CUSTOMERS = 20_000;

	/** 5 · 8 · 8 · 8 · 10: 28,525 classes in five levels. */
	private static final int[] SCHEME_BRANCHING = { 5, 8, 8, 8, 10 };

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String authorization = "Basic "
			+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	private final String boltPassword = "bolt-" + Long.toHexString(new SecureRandom().nextLong());

	private final List<String> findings = new ArrayList<>();

	private Path dir;

	private Child child;

	private int starts;

	/** One running app: its process, ports and log. */
	private record Child(Process process, int port, int boltPort, Path log, long startedNanos) {
	}

	@BeforeEach
	void dataDirectory() throws IOException {
		Path root = Files.createDirectories(Path.of("target", "crash-safety"));
		dir = Files.createTempDirectory(root, "run-");
	}

	@AfterEach
	void stop() throws IOException {
		try {
			if (child != null) {
				child.process().destroyForcibly();
				child.process().waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			child = null;
			findings.forEach(System.out::println);
			// the store is ~600 MB; the logs stay beside it for a failed run
			deleteTree(dir.resolve("data"));
		}
	}

	@Test
	void aKilledImportIsWhollyThereOrWhollyAbsentAfterARestart() throws Exception {
		child = start();
		double firstStart = awaitReady(child);
		note("first start (fresh data dir, demo library, no demo customers): %.1f s", firstStart);

		Path customers = dir.resolve("customers.csv");
		Path assignments = dir.resolve("assignments.csv");
		long rows;
		try (Driver driver = bolt(child)) {
			rows = generate(driver, customers, assignments);
		}
		JsonNode c = upload(child, "/api/import/customers", customers).get(5, TimeUnit.MINUTES);
		assertThat(c.path("committed").asBoolean()).as("customers import %s", c).isTrue();
		Map<String, Long> before = counts(child);
		assertThat(before.get("customers")).isEqualTo(IMPORT_CUSTOMERS);

		String prefix = "K" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT) + "-";
		Path scheme = dir.resolve("scheme.csv");
		int classes = scheme(prefix, scheme);
		long classesBefore = classCount(child, "");

		// both imports at once, so one kill (and one restart) serves both: the bulk
		// import in the middle of
		// its batches, the class scheme in the middle of its one transaction
		long postedAt = System.nanoTime();
		CompletableFuture<JsonNode> bulk = upload(child, "/api/import/assignments", assignments);
		CompletableFuture<JsonNode> schemeImport = upload(child, "/api/import/tag-classes", scheme);
		awaitRunWriting(child, bulk);
		String writing = awaitSchemeWriting(child, schemeImport, bulk);
		JsonNode run = awaitRunWriting(child, bulk);
		double killedAfter = (System.nanoTime() - postedAt) / 1e9;
		kill(child);
		String importId = run.path("id").asString();
		long writtenAtKill = run.path("rowsWritten").asLong();
		note("bulk import %s: %,d customers imported, then %,d assignments posted; %,d rows committed (%d batches) at the last look before the kill",
				importId, IMPORT_CUSTOMERS, rows, writtenAtKill, run.path("batchesDone").asLong());
		note("class-scheme import of %,d classes (%d levels), posted at the same time, its transaction running `%s`",
				classes, SCHEME_BRANCHING.length, writing);
		note("killed %.1f s after the two POSTs", killedAfter);
		assertThat(writtenAtKill).isBetween(1L, rows - 1);

		child = start();
		double restart = awaitReady(child);
		Map<String, Long> after = counts(child);
		Matcher rolledBack = Pattern
			.compile("Import " + Pattern.quote(importId)
					+ " rolled back at start: deleted (\\d+) assignments and (\\d+) customers")
			.matcher(Files.readString(child.log()));
		assertThat(rolledBack.find()).as("the restart rolls %s back (see %s)", importId, child.log()).isTrue();
		long deleted = Long.parseLong(rolledBack.group(1));
		long present = classCount(child, prefix);
		note("restart after the kill: %.1f s to ready; the database opened; the interrupted bulk import was rolled back at start (%,d of %,d assignments deleted, none left); %,d of the scheme's %,d classes present",
				restart, deleted, rows, present, classes);

		// the bulk import had written part of its file, and none of it is left: the
		// counts are as before it
		assertThat(deleted).isBetween(writtenAtKill, rows - 1);
		assertThat(after).isEqualTo(before);
		try (Driver driver = bolt(child); Session session = driver.session()) {
			assertThat(
					session.run("MATCH ()-[h:HAS_TAG {importId: $id}]->() RETURN count(h) AS n", Map.of("id", importId))
						.single()
						.get("n")
						.asLong())
				.isZero();
			assertThat(session.run("MATCH (r:ImportRun {id: $id}) RETURN r.status AS s", Map.of("id", importId))
				.single()
				.get("s")
				.asString()).isEqualTo("ROLLED_BACK");
			assertThat(session.run(
					"MATCH (c:TagClass)-[:BROADER]->(p:TagClass) WHERE c.code STARTS WITH $p OR p.code STARTS WITH $p RETURN count(*) AS n",
					Map.of("p", prefix))
				.single()
				.get("n")
				.asLong()).isZero();
		}
		// the scheme: all or nothing, and the kill came before its commit, so nothing
		assertThat(present).as("the scheme's classes after the restart").isIn(0L, (long) classes);
		assertThat(present).as("the kill came before the commit").isZero();
		assertThat(classCount(child, "")).isEqualTo(classesBefore);
		// and the restarted app takes the same scheme whole
		JsonNode again = upload(child, "/api/import/tag-classes", scheme).get(5, TimeUnit.MINUTES);
		assertThat(again.path("committed").asBoolean()).as("the scheme again: %s", again).isTrue();
		assertThat(classCount(child, prefix)).isEqualTo(classes);
	}

	// ---- the child JVM
	// ------------------------------------------------------------------------

	/**
	 * Starts the app in a new JVM on the data directory, with free ports; skips the test
	 * if no JVM can be started.
	 */
	private Child start(String... extra) throws IOException {
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
				"--taggraph.security.users." + USER + ".customer-data=true", "--taggraph.demo.customers=0",
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
	private double awaitReady(Child c) throws Exception {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!c.process().isAlive()) {
				throw new AssertionError("the app exited with %d before it was ready:%n%s"
					.formatted(c.process().exitValue(), tail(c.log())));
			}
			try {
				HttpResponse<String> response = http
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
	private void kill(Child c) throws InterruptedException {
		c.process().destroyForcibly();
		assertThat(c.process().waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
		note("  killed pid %d: exit %d", c.process().pid(), c.process().exitValue());
		child = null;
	}

	// ---- waiting for the middle of an import
	// ----------------------------------------------------

	/**
	 * The import's run once it has committed some batches and not all: the middle of its
	 * write.
	 */
	private JsonNode awaitRunWriting(Child c, CompletableFuture<JsonNode> upload) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
		while (System.nanoTime() < deadline) {
			assertThat(upload).as("the import finished before it could be killed").isNotDone();
			HttpResponse<String> response = http.send(request(c, "/api/imports").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			for (JsonNode run : json.readTree(response.body())) {
				if ("ASSIGNMENTS".equals(run.path("kind").asString()) && "RUNNING".equals(run.path("status").asString())
						&& run.path("rowsWritten").asLong() > 0) {
					return run;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the import never started writing:\n" + tail(c.log()));
	}

	/**
	 * The query of the scheme import's transaction once it writes classes (MERGE or the
	 * BROADER links).
	 */
	private String awaitSchemeWriting(Child c, CompletableFuture<JsonNode> upload, CompletableFuture<JsonNode> bulk)
			throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
		try (Driver driver = bolt(c); Session session = driver.session()) {
			while (System.nanoTime() < deadline) {
				assertThat(upload).as("the scheme import finished before it could be killed").isNotDone();
				assertThat(bulk).as("the bulk import finished before the scheme import wrote").isNotDone();
				for (var record : session.run("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery").list()) {
					String query = record.get("currentQuery").asString("");
					if (query.contains("MERGE (c:TagClass {code: row.code})")
							|| query.contains("CREATE (c)-[:BROADER]->(p)")) {
						return query.strip().replaceAll("\\s+", " ").substring(0, Math.min(60, query.strip().length()));
					}
				}
				Thread.sleep(20);
			}
		}
		throw new AssertionError("the scheme import never started writing:\n" + tail(c.log()));
	}

	// ---- the data
	// -------------------------------------------------------------------------------

	/**
	 * New customers and their assignments, by the demo generator against the library, so
	 * they pass validation.
	 */
	private static long generate(Driver driver, Path customers, Path assignments) throws IOException {
		return CustomerLibrary.read(driver).writeCsv("CR", IMPORT_CUSTOMERS, 6, customers, assignments);
	}

	/**
	 * A scheme of new classes in five levels, every class that is divided naming its
	 * criterion.
	 */
	private static int scheme(String prefix, Path file) throws IOException {
		int[] written = { 0 };
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("code,parent,name,criterion,exclusive,exhaustive\n");
			schemeLevel(out, prefix, null, 0, written);
		}
		return written[0];
	}

	private static void schemeLevel(BufferedWriter out, String prefix, String parent, int level, int[] written)
			throws IOException {
		if (level == SCHEME_BRANCHING.length) {
			return;
		}
		for (int i = 1; i <= SCHEME_BRANCHING[level]; i++) {
			String code = (parent == null ? prefix : parent + ".") + i;
			boolean divided = level < SCHEME_BRANCHING.length - 1;
			out.write("%s,%s,崩溃测试类%s,%s,,\n".formatted(code, parent == null ? "" : parent, code,
					divided ? "第" + (level + 2) + "层编号" : ""));
			written[0]++;
			schemeLevel(out, prefix, code, level + 1, written);
		}
	}

	// ---- reading the graph
	// ------------------------------------------------------------------------

	private Driver bolt(Child c) {
		return GraphDatabase.driver("bolt://127.0.0.1:" + c.boltPort(), AuthTokens.basic(BOLT_USER, boltPassword));
	}

	/**
	 * What the bulk import touches: customers, all assignments, and those written by
	 * imports.
	 */
	private Map<String, Long> counts(Child c) {
		try (Driver driver = bolt(c); Session session = driver.session()) {
			Map<String, Long> counts = new LinkedHashMap<>();
			counts.put("customers", session.run("MATCH (n:Customer) RETURN count(n) AS n").single().get("n").asLong());
			counts.put("assignments",
					session.run("MATCH ()-[h:HAS_TAG]->() RETURN count(h) AS n").single().get("n").asLong());
			counts.put("importAssignments",
					session.run("MATCH ()-[h:HAS_TAG]->() WHERE h.importId IS NOT NULL RETURN count(h) AS n")
						.single()
						.get("n")
						.asLong());
			return counts;
		}
	}

	private long classCount(Child c, String prefix) {
		try (Driver driver = bolt(c); Session session = driver.session()) {
			return session
				.run("MATCH (k:TagClass) WHERE k.code STARTS WITH $p RETURN count(k) AS n", Map.of("p", prefix))
				.single()
				.get("n")
				.asLong();
		}
	}

	// ---- plumbing
	// -------------------------------------------------------------------------------

	private CompletableFuture<JsonNode> upload(Child c, String path, Path file) throws IOException {
		return http
			.sendAsync(request(c, path).header("Content-Type", "text/csv; charset=UTF-8")
				.timeout(Duration.ofMinutes(5))
				.POST(HttpRequest.BodyPublishers.ofFile(file))
				.build(), HttpResponse.BodyHandlers.ofString())
			.thenApply(r -> json.readTree(r.body()));
	}

	private HttpRequest.Builder request(Child c, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port() + path))
			.header("Authorization", authorization)
			.header("X-User", USER);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void note(String format, Object... args) {
		findings.add("CRASH-SAFETY " + format.formatted(args));
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

}
