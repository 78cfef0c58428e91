package com.taggraph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import com.taggraph.hardening.ChildApp.Child;

import tools.jackson.databind.JsonNode;

/**
 * The first start of the web application, as an operator runs it: the server answers
 * while the demo customers are prepared and their tags computed by an ordinary run, a
 * reader never sees a customer with part of its tags, and the demo ends as the
 * synchronous start ends it (every tag's carriers as the run reports, the demo free tags
 * applied, the segment index built).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class DemoInBackgroundTest {

	private static final int CUSTOMERS = 4000;

	private Path dir;

	private ChildApp app;

	private Child child;

	@BeforeEach
	void dataDirectory() throws IOException {
		dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "crash-safety")), "demo-");
		app = new ChildApp(dir);
	}

	@AfterEach
	void stop() throws Exception {
		if (child != null) {
			ChildApp.kill(child);
		}
		ChildApp.deleteTree(dir.resolve("data"));
	}

	@Test
	void theServerAnswersWhileTheDemoIsComputedAndReadersNeverSeeHalfACustomer() throws Exception {
		child = app.start("--taggraph.demo.customers=" + CUSTOMERS);
		app.awaitReady(child);
		String log = Files.readString(child.log());
		assertThat(log).contains("Preparing the demo customers and computing their tags in the background")
			.doesNotContain("Demo data ready");

		// while the demo run writes: each customer's tags as a reader sees them then
		Map<String, Long> midRun = tagsPerCustomerWhileWriting();
		JsonNode run = awaitDemoRun();
		assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
		awaitLog("Demo data ready");

		try (Driver driver = app.bolt(child); Session session = driver.session()) {
			assertThat(session.run("MATCH (c:Customer) RETURN count(c) AS n").single().get("n").asLong())
				.isEqualTo(CUSTOMERS);
			Map<String, Long> after = new HashMap<>();
			session.run("MATCH (c:Customer)-[:HAS_TAG]->() RETURN c.id AS id, count(*) AS n")
				.forEachRemaining(r -> after.put(r.get("id").asString(), r.get("n").asLong()));
			assertThat(midRun).as("customers with tags while the run wrote").isNotEmpty();
			assertThat(midRun.size()).as("the run was caught before it finished").isLessThan(after.size());
			midRun.forEach((id, tags) -> assertThat(tags).as("tags of %s mid-run", id).isEqualTo(after.get(id)));

			long carriers = 0;
			for (JsonNode line : run.path("tags")) {
				carriers += line.path("carriers").asLong();
			}
			assertThat(session.run("MATCH ()-[a:HAS_TAG {source: 'RULE'}]->() RETURN count(a) AS n")
				.single()
				.get("n")
				.asLong()).isEqualTo(carriers).isEqualTo(run.path("assignmentsWritten").asLong());
			assertThat(session.run("MATCH (:Customer)-[u:HAS_FREE_TAG]->(:FreeTag) RETURN count(u) AS n")
				.single()
				.get("n")
				.asLong()).as("demo free tags").isPositive();
			JsonNode index = ChildApp.graphQl(child, "{ segmentIndexStatus { customers assignments } }", Map.of())
				.path("data")
				.path("segmentIndexStatus");
			assertThat(index.path("customers").asLong()).isEqualTo(CUSTOMERS);
			assertThat(index.path("assignments").asLong()).isEqualTo(carriers);
		}
	}

	/**
	 * Polls Bolt until the demo run has committed some batches, then reads every
	 * customer's tag count in one statement.
	 */
	private Map<String, Long> tagsPerCustomerWhileWriting() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
		try (Driver driver = app.bolt(child)) {
			while (System.nanoTime() < deadline) {
				try (Session session = driver.session()) {
					List<org.neo4j.driver.Record> running = session
						.run("MATCH (r:ComputeRun {state: 'RUNNING'}) WHERE r.assignmentsWritten > 0 RETURN r.id AS id")
						.list();
					if (!running.isEmpty()) {
						Map<String, Long> tags = new HashMap<>();
						session.run("MATCH (c:Customer)-[:HAS_TAG]->() RETURN c.id AS id, count(*) AS n")
							.forEachRemaining(r -> tags.put(r.get("id").asString(), r.get("n").asLong()));
						return tags;
					}
				}
				Thread.sleep(20);
			}
		}
		throw new AssertionError("the demo run never wrote:\n" + ChildApp.tail(child.log()));
	}

	private JsonNode awaitDemoRun() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
		while (System.nanoTime() < deadline) {
			JsonNode runs = ChildApp
				.graphQl(child, "{ computeRuns { id state assignmentsWritten tags { tag carriers } } }", Map.of())
				.path("data")
				.path("computeRuns");
			for (JsonNode run : runs) {
				String state = run.path("state").asString();
				if (run.path("id").asString().startsWith("run-demo-") && !state.equals("QUEUED")
						&& !state.equals("RUNNING")) {
					return run;
				}
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the demo run did not finish:\n" + ChildApp.tail(child.log()));
	}

	private void awaitLog(String line) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (!Files.readString(child.log()).contains(line)) {
			assertThat(System.nanoTime()).as("'%s' in the log:%n%s", line, ChildApp.tail(child.log()))
				.isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
