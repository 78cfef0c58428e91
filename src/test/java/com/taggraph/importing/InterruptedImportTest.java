package com.taggraph.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;
import com.taggraph.customer.BulkImportClient;

/**
 * An import interrupted while writing (simulated by {@link ImportCrash}: the write stops
 * after two committed batches, as a crash would) is listed as incomplete, named in the
 * startup log, and can be rolled back to exactly the database before it, or resumed to
 * completion.
 */
@TagGraphTest
@ExtendWith(OutputCaptureExtension.class)
class InterruptedImportTest extends ApiTest {

	private static final int CUSTOMERS = 12;

	@Autowired
	BulkImportService imports;

	@Autowired
	org.springframework.beans.factory.ObjectProvider<com.taggraph.graph.EmbeddedNeo4jServer> embedded;

	BulkImportClient client;

	int batchRows;

	int writers;

	String assignments;

	@BeforeEach
	void customers() {
		client = new BulkImportClient(port, driver, "IN" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-");
		StringBuilder csv = new StringBuilder("id,name\n");
		StringBuilder tags = new StringBuilder("customerId,tagCode,value\n");
		for (int i = 1; i <= CUSTOMERS; i++) {
			csv.append(client.id(i)).append(",客户").append(i).append('\n');
			tags.append(client.id(i))
				.append(",T0103,\n")
				.append(client.id(i))
				.append(",T0115,D")
				.append(i)
				.append('\n');
		}
		assertThat(client.customers(csv.toString(), false).status()).isEqualTo(200);
		// one customer already carries one of the file's tags: neither rollback nor
		// resume may touch it
		assertThat(
				client.assignments("customerId,tagCode,value\n%s,T0115,D1\n".formatted(client.id(1)), false).status())
			.isEqualTo(200);
		assignments = tags.toString();
		batchRows = imports.batchRows();
		writers = imports.writers();
		imports.batchRows(5);
		// one writer: the batches commit in order, so where the write stops is exact
		imports.writers(1);
	}

	@AfterEach
	void restore() {
		imports.batchRows(batchRows);
		imports.writers(writers);
		ImportCrash.disarm();
		client.cleanUp();
	}

	@Test
	void anInterruptedImportIsIncompleteAndRollsBackToExactlyTheDatabaseBefore(CapturedOutput output) {
		Map<String, Object> before = client.fingerprint();
		String id = interruptedImport();

		var run = client.run(id);
		assertThat(run.path("status").asString()).isEqualTo("RUNNING");
		assertThat(run.path("incomplete").asBoolean()).isTrue();
		// batches of at least 5 rows end between customers (2 rows each): 6 rows each
		assertThat(run.path("rowsWritten").asLong()).isEqualTo(12);
		assertThat(run.path("batchesDone").asLong()).isEqualTo(2);
		assertThat(run.path("rows").asLong()).isEqualTo(2 * CUSTOMERS);
		assertThat(client.count("MATCH ()-[a:HAS_TAG {importId: $id}]->() RETURN count(a)", Map.of("id", id)))
			.isEqualTo(11);
		assertThat(client.fingerprint()).isNotEqualTo(before);

		// taggraph.import.interrupted=report (an external server's default): only named,
		// left to an operator
		new IncompleteImports(imports, "report", embedded).afterLibraryReady(false);
		assertThat(output).contains("Import " + id, "is INCOMPLETE", "12 of 24 rows");

		var rollback = client.post("/api/imports/%s/rollback".formatted(id));

		assertThat(rollback.status()).isEqualTo(200);
		assertThat(rollback.body().path("deletedAssignments").asLong()).isEqualTo(11);
		assertThat(rollback.body().path("deletedCustomers").asLong()).isZero();
		assertThat(client.fingerprint()).isEqualTo(before);
		assertThat(client.run(id).path("status").asString()).isEqualTo("ROLLED_BACK");
		assertThat(client.run(id).path("incomplete").asBoolean()).isFalse();
		var again = client.post("/api/imports/%s/resume".formatted(id));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.body().path("code").asString()).isEqualTo("CONFLICT");
		assertThat(again.body().path("detail").asString()).contains("ROLLED_BACK");
	}

	@Test
	void anInterruptedImportResumesFromTheFirstBatchThatDidNotCommit() {
		String id = interruptedImport();
		ImportCrash.disarm();

		var resumed = client.post("/api/imports/%s/resume".formatted(id));

		assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
		assertThat(resumed.body().path("committed").asBoolean()).isTrue();
		assertThat(resumed.body().path("run").path("rowsWritten").asLong()).isEqualTo(2 * CUSTOMERS);
		var run = client.run(id);
		assertThat(run.path("status").asString()).isEqualTo("COMPLETE");
		assertThat(run.path("batchesDone").asLong()).isEqualTo(4);
		assertThat(client.count("MATCH ()-[a:HAS_TAG {importId: $id}]->() RETURN count(a)", Map.of("id", id)))
			.isEqualTo(2 * CUSTOMERS - 1);
		assertThat(client.count("""
				MATCH (c:Customer)-[a:HAS_TAG]->(t:Tag) WHERE c.id STARTS WITH $prefix
				RETURN count(DISTINCT [c.id, t.code])""", Map.of("prefix", client.prefix))).isEqualTo(2 * CUSTOMERS);
		assertThat(client.count("""
				MATCH (c:Customer)-[a:HAS_TAG]->(t:Tag) WHERE c.id STARTS WITH $prefix
				RETURN count(a)""", Map.of("prefix", client.prefix))).isEqualTo(2 * CUSTOMERS);
		// the kept copy is gone once complete: a second resume has nothing to do
		assertThat(client.post("/api/imports/%s/resume".formatted(id)).status()).isEqualTo(409);
	}

	@Test
	void parallelWritersWriteEveryRowOnceAndRecordOnlyACommittedPrefix() {
		imports.writers(2);
		imports.batchRows(2);
		Map<String, Object> before = client.fingerprint();
		String id = interruptedImport();

		// batches commit out of order: the recorded row is one up to which every row is
		// written
		var run = client.run(id);
		long prefix = run.path("rowsWritten").asLong();
		assertThat(prefix).isBetween(4L, 2L * CUSTOMERS);
		assertThat(run.path("batchesDone").asLong()).isGreaterThanOrEqualTo(2);
		for (int row = 1; row <= prefix; row++) {
			int customer = (row + 1) / 2;
			String tag = row % 2 == 1 ? "T0103" : "T0115";
			assertThat(client.count("MATCH (:Customer {id: $c})-[a:HAS_TAG]->(:Tag {code: $t}) RETURN count(a)",
					Map.of("c", client.id(customer), "t", tag)))
				.as("row %d of %d", row, prefix)
				.isEqualTo(1);
		}

		var rollback = client.post("/api/imports/%s/rollback".formatted(id));
		assertThat(rollback.status()).isEqualTo(200);
		assertThat(client.fingerprint()).isEqualTo(before);

		ImportCrash.afterBatches(3);
		String second = interruptedImport();
		ImportCrash.disarm();
		var resumed = client.post("/api/imports/%s/resume".formatted(second));

		assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
		assertThat(client.run(second).path("status").asString()).isEqualTo("COMPLETE");
		assertThat(client.count("MATCH ()-[a:HAS_TAG {importId: $id}]->() RETURN count(a)", Map.of("id", second)))
			.isEqualTo(2 * CUSTOMERS - 1);
		assertThat(client.count("""
				MATCH (c:Customer)-[a:HAS_TAG]->(t:Tag) WHERE c.id STARTS WITH $prefix
				RETURN count(a)""", Map.of("prefix", client.prefix))).isEqualTo(2 * CUSTOMERS);
	}

	@Test
	void parallelWritersCompleteAnImportExactly() {
		imports.writers(2);
		imports.batchRows(3);

		var reply = client.assignments(assignments, false);

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().path("run").path("rowsWritten").asLong()).isEqualTo(2 * CUSTOMERS);
		String id = reply.body().path("run").path("importId").asString();
		// batches of at least 3 rows, ending between customers: 4 rows each
		assertThat(client.run(id).path("batchesDone").asLong()).isEqualTo(6);
		// the run's record too, though the last batches may have recorded a lagging
		// prefix
		assertThat(client.run(id).path("rowsWritten").asLong()).isEqualTo(2 * CUSTOMERS);
		assertThat(client.count("""
				MATCH (c:Customer)-[a:HAS_TAG]->(t:Tag) WHERE c.id STARTS WITH $prefix
				RETURN count(DISTINCT [c.id, t.code]) * 1000 + count(a)""", Map.of("prefix", client.prefix)))
			.isEqualTo(2 * CUSTOMERS * 1001);
	}

	@Test
	void withInterruptedRollbackTheStartRollsAnInterruptedImportBackToExactlyTheDatabaseBefore(CapturedOutput output) {
		Map<String, Object> before = client.fingerprint();
		String id = interruptedImport();

		// what the next start does by default (auto) on the embedded database: roll it
		// back
		new IncompleteImports(imports, "auto", embedded).afterLibraryReady(false);

		assertThat(output).contains("Import " + id, "rolling it back",
				"Import %s rolled back at start: deleted 11 assignments and 0 customers".formatted(id));
		assertThat(client.fingerprint()).isEqualTo(before);
		assertThat(client.run(id).path("status").asString()).isEqualTo("ROLLED_BACK");
		assertThat(client.run(id).path("incomplete").asBoolean()).isFalse();
	}

	@Test
	void anUnknownInterruptedPolicyStopsTheStartNamingTheSetting() {
		assertThatThrownBy(() -> new IncompleteImports(imports, "resume", embedded))
			.hasMessage("taggraph.import.interrupted must be auto, report or rollback, not 'resume'");
	}

	@Test
	void unknownImportsAre404() {
		for (String action : List.of("rollback", "resume")) {
			var reply = client.post("/api/imports/imp-nope/" + action);
			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.body().path("code").asString()).isEqualTo("NOT_FOUND");
			assertThat(reply.body().path("detail").asString()).contains("imp-nope");
		}
	}

	/**
	 * Imports the assignments with the service stopping after two batches (unless set
	 * otherwise); the import's id.
	 */
	private String interruptedImport() {
		if (!ImportCrash.armed()) {
			ImportCrash.afterBatches(2);
		}
		var reply = client.assignments(assignments, false);
		ImportAnswers.refused(reply, 500, "IMPORT_INTERRUPTED");
		assertThat(reply.body().path("committed").asBoolean()).isFalse();
		assertThat(reply.body().path("run").path("status").asString()).isEqualTo("RUNNING");
		assertThat(reply.body().path("problems").path(0).path("message").asString()).contains("resume", "roll back");
		return reply.body().path("run").path("importId").asString();
	}

}
