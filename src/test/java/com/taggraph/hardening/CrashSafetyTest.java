package com.taggraph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import com.taggraph.customer.CustomerLibrary;
import com.taggraph.hardening.ChildApp.Child;

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

	private static final int IMPORT_CUSTOMERS = 20_000;

	/** 5 · 8 · 8 · 8 · 10: 28,525 classes in five levels. */
	private static final int[] SCHEME_BRANCHING = { 5, 8, 8, 8, 10 };

	private final HttpClient http = ChildApp.HTTP;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<String> findings = new ArrayList<>();

	private Path dir;

	private Child child;

	private ChildApp app;

	@BeforeEach
	void dataDirectory() throws IOException {
		Path root = Files.createDirectories(Path.of("target", "crash-safety"));
		dir = Files.createTempDirectory(root, "run-");
		app = new ChildApp(dir);
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
			ChildApp.deleteTree(dir.resolve("data"));
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

	/** The app without demo customers, so the first start is quick. */
	private Child start(String... extra) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--taggraph.demo.customers=0"));
		arguments.addAll(List.of(extra));
		return app.start(arguments.toArray(String[]::new));
	}

	private double awaitReady(Child c) throws Exception {
		return app.awaitReady(c);
	}

	private void kill(Child c) throws InterruptedException {
		ChildApp.kill(c);
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
		return app.bolt(c);
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

	private static HttpRequest.Builder request(Child c, String path) {
		return ChildApp.request(c, path);
	}

	private void note(String format, Object... args) {
		findings.add("CRASH-SAFETY " + format.formatted(args));
	}

	private static String tail(Path log) {
		return ChildApp.tail(log);
	}

}
