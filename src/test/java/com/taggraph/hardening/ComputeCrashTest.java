package com.taggraph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Issue 16, done-when 6: a computation run killed with SIGKILL while it writes shows as
 * INCOMPLETE after a restart, and both ways out work as they do for imports: a rollback
 * leaves none of its assignments, a resume finishes it under the same id with every tag's
 * carriers as its report says. The restarts use
 * {@code taggraph.import.interrupted=report} so the run waits for the operator; the
 * embedded default rolls it back at start.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ComputeCrashTest {

	private Path dir;

	private ChildApp app;

	private Child child;

	@BeforeEach
	void dataDirectory() throws IOException {
		dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "crash-safety")), "compute-");
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
	void aRunKilledWhileWritingIsIncompleteAfterARestartThenRollsBackOrResumes() throws Exception {
		// the first start computes the demo customers; it is killed in the middle of that
		// run
		child = app.start("--taggraph.demo.customers=4000");
		String first = killWhileWriting();

		child = app.start("--taggraph.import.interrupted=report");
		app.awaitReady(child);
		JsonNode incomplete = run(first);
		assertThat(incomplete.path("state").asString()).isEqualTo("INCOMPLETE");
		long written = incomplete.path("assignmentsWritten").asLong();
		assertThat(written).isPositive();
		assertThat(count("MATCH ()-[a:HAS_TAG {importId: $id}]->() RETURN count(a) AS n", first)).isPositive();

		JsonNode rolledBack = ChildApp.graphQl(child, "mutation($id: ID!) { rollbackComputeRun(id: $id) { state } }",
				Map.of("id", first));
		assertThat(rolledBack.path("data").path("rollbackComputeRun").path("state").asString())
			.isEqualTo("ROLLED_BACK");
		assertThat(count("MATCH ()-[a:HAS_TAG]->() RETURN count(a) AS n", first)).isZero();

		// a full run started over GraphQL, killed while it writes, then resumed
		JsonNode started = ChildApp.graphQl(child, "mutation { computeTags { id } }", Map.of());
		String second = started.path("data").path("computeTags").path("id").asString();
		assertThat(killWhileWriting()).isEqualTo(second);
		child = app.start("--taggraph.import.interrupted=report");
		app.awaitReady(child);
		assertThat(run(second).path("state").asString()).isEqualTo("INCOMPLETE");
		JsonNode resumed = ChildApp.graphQl(child, "mutation($id: ID!) { resumeComputeRun(id: $id) { id } }",
				Map.of("id", second));
		assertThat(resumed.path("data").path("resumeComputeRun").path("id").asString()).isEqualTo(second);
		JsonNode finished = awaitFinished(second);
		assertThat(finished.path("state").asString()).isEqualTo("COMPLETED");
		long carriers = 0;
		for (JsonNode line : finished.path("tags")) {
			carriers += line.path("carriers").asLong();
			assertThat(count("MATCH (:Tag {code: $id})<-[a:HAS_TAG {source: 'RULE'}]-() RETURN count(a) AS n",
					line.path("tag").asString()))
				.as("carriers of %s", line.path("tag").asString())
				.isEqualTo(line.path("carriers").asLong());
		}
		assertThat(carriers).isGreaterThan(40_000);
		assertThat(count("MATCH ()-[a:HAS_TAG]->() WHERE a.removedBy IS NOT NULL OR a.changedBy IS NOT NULL "
				+ "RETURN count(a) AS n", second))
			.isZero();
	}

	/**
	 * Waits until a run has committed some batches, kills the app, returns the run's id.
	 */
	private String killWhileWriting() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
		while (System.nanoTime() < deadline) {
			assertThat(child.process().isAlive()).as("the app is running:%n%s", ChildApp.tail(child.log())).isTrue();
			try (Driver driver = app.bolt(child); Session session = driver.session()) {
				var running = session.run("""
						MATCH (r:ComputeRun {state: 'RUNNING'}) WHERE r.assignmentsWritten > 0
						RETURN r.id AS id""").list();
				if (!running.isEmpty()) {
					ChildApp.kill(child);
					child = null;
					return running.get(0).get("id").asString();
				}
			}
			catch (RuntimeException notYet) {
				// Bolt is not up yet
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no run started writing:\n" + ChildApp.tail(child.log()));
	}

	private JsonNode run(String id) throws Exception {
		JsonNode answer = ChildApp.graphQl(child,
				"query($id: ID!) { computeRun(id: $id) { id state assignmentsWritten tags { tag carriers } } }",
				Map.of("id", id));
		return answer.path("data").path("computeRun");
	}

	private JsonNode awaitFinished(String id) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (System.nanoTime() < deadline) {
			JsonNode run = run(id);
			if (!run.path("state").asString().equals("QUEUED") && !run.path("state").asString().equals("RUNNING")) {
				return run;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("run " + id + " did not finish");
	}

	private long count(String cypher, String id) {
		try (Driver driver = app.bolt(child); Session session = driver.session()) {
			return session.run(cypher, Map.of("id", id)).single().get("n").asLong();
		}
	}

}
