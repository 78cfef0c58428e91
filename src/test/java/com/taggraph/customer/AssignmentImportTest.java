package com.taggraph.customer;

import static com.taggraph.customer.CustomerImportTest.counts;
import static com.taggraph.customer.CustomerImportTest.lines;
import static com.taggraph.customer.CustomerImportTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;
import com.taggraph.importing.ImportAnswers;

/**
 * {@code POST /api/import/assignments}: validated completely against the file and the
 * database (unknown customers and tags, duplicates, exclusive conflicts), all-or-nothing,
 * and every assignment written carries the import's id.
 */
@TagGraphTest
class AssignmentImportTest extends ApiTest {

	BulkImportClient client;

	@BeforeEach
	void customers() {
		client = new BulkImportClient(port, driver, "AS" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-");
		StringBuilder csv = new StringBuilder("id,name\n");
		for (int i = 1; i <= 5; i++) {
			csv.append(client.id(i)).append(",客户").append(i).append('\n');
		}
		assertThat(client.customers(csv.toString(), false).status()).isEqualTo(200);
	}

	@AfterEach
	void cleanUp() {
		client.cleanUp();
	}

	@Test
	void assignmentsAreWrittenWithTheImportsIdAndSourceImport() throws Exception {
		String csv = """
				customerId,tagCode,value,assignedAt
				%1$s,T0101,,2024-05-01
				%1$s,T0115,D44,2024-05-01T08:30:00+08:00
				%2$s,T0103,,
				%2$s,T0116,,2024-05-01T08:30:00
				%3$s,T0102,,
				""".formatted(client.id(1), client.id(2), client.id(3));

		var reply = client.assignments(csv, false);

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(counts(reply.body())).containsExactly(5L, 0L, 0L);
		String importId = reply.body().path("run").path("importId").asString();
		assertThat(importId).startsWith("imp-");
		assertThat(client.count("""
				MATCH (c:Customer)-[a:HAS_TAG]->() WHERE c.id STARTS WITH $prefix
				  AND a.importId = $id AND a.source = 'IMPORT' AND a.assignedAt IS NOT NULL
				RETURN count(a)""", Map.of("prefix", client.prefix, "id", importId))).isEqualTo(5);
		var tags = client.http.query(
				"query($id: ID!) { customer(id: $id) { tags { tag { code } value assignedAt source importId } } }",
				Map.of("id", client.id(1)));
		assertThat(tags.data("customer.tags").toString()).contains("\"D44\"", "IMPORT", importId, "2024-05-01T08:30",
				"+08:00");
		var run = client.run(importId);
		assertThat(run.path("status").asString()).isEqualTo("COMPLETE");
		assertThat(run.path("incomplete").asBoolean()).isFalse();
		assertThat(run.path("rowsWritten").asLong()).isEqualTo(5);
		assertThat(run.path("checksums").path(0).asString()).isEqualTo(sha256(csv.getBytes(StandardCharsets.UTF_8)));

		// the same file again: every row is there already; nothing new carries the second
		// import's id
		var again = client.assignments(csv, false);
		assertThat(again.status()).isEqualTo(200);
		assertThat(counts(again.body())).containsExactly(0L, 0L, 5L);
		assertThat(client.count("MATCH ()-[a:HAS_TAG {importId: $id}]->() RETURN count(a)",
				Map.of("id", again.body().path("run").path("importId").asString())))
			.isZero();
	}

	@Test
	void aDryRunCountsAndWritesNothing() {
		Map<String, Object> before = GraphSnapshot.of(driver);

		var dry = client.assignments("customerId,tagCode\n%s,T0101\n%s,T0115\n".formatted(client.id(1), client.id(1)),
				true);

		assertThat(dry.status()).isEqualTo(200);
		assertThat(dry.body().path("committed").asBoolean()).isFalse();
		assertThat(counts(dry.body())).containsExactly(2L, 0L, 0L);
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(
				client.count("MATCH (:Customer {id: $id})-[a:HAS_TAG]->() RETURN count(a)", Map.of("id", client.id(1))))
			.isZero();
	}

	@Test
	void everyBadRowIsListedWithItsLineAndNothingIsWritten() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		String csv = """
				customerId,tagCode,value,assignedAt
				%1$s0001,T0101,,
				%1$s0001,T0101,,
				%1$s0404,T0101,,
				%1$s0002,T9999,,
				%1$s0002,,,
				,T0101,,
				%1$s0002,T0115,,yesterday
				%1$s0002,T0115

				%1$s0001,T0102,,
				%1$s0003,C01.01,,
				bad id,T0101,,
				%1$s0004,T0116,,2024-02-30
				%1$s0005,T0116,,
				""".formatted(client.prefix);

		var reply = client.assignments(csv, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(reply.body().path("committed").asBoolean()).isFalse();
		assertThat(reply.body().path("problemCount").asLong()).isEqualTo(11);
		assertThat(lines(reply.body())).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L, 12L, 13L, 14L);
		assertThat(message(reply.body(), 3)).contains("duplicate row", "T0101", "line 2");
		assertThat(message(reply.body(), 4)).contains("unknown customer", client.prefix + "0404");
		assertThat(message(reply.body(), 5)).contains("unknown tag 'T9999'");
		assertThat(message(reply.body(), 6)).contains("tagCode is empty");
		assertThat(message(reply.body(), 7)).contains("customerId is empty");
		assertThat(message(reply.body(), 8)).contains("'yesterday'", "ISO-8601");
		assertThat(message(reply.body(), 9)).contains("expected 4 columns");
		assertThat(message(reply.body(), 11)).contains("T0102", "T0101", "exclusive class C01.01", "line 2");
		assertThat(message(reply.body(), 12)).contains("unknown tag 'C01.01'");
		assertThat(message(reply.body(), 13)).contains("'bad id'");
		assertThat(message(reply.body(), 14)).contains("2024-02-30");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void exclusiveConflictsInsideTheFileAreRefusedNamingBothTags() {
		Map<String, Object> before = client.fingerprint();
		String csv = """
				customerId,tagCode
				%1$s,T0104
				%1$s,T0115
				%1$s,T0105
				%2$s,T0103
				%2$s,T0101
				""".formatted(client.id(1), client.id(2));

		var reply = client.assignments(csv, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(lines(reply.body())).containsExactly(4L, 6L);
		var first = reply.body().path("problems").path(0);
		assertThat(first.path("kind").asString()).isEqualTo("EXCLUSIVE_CONFLICT");
		assertThat(first.path("code").asString()).isEqualTo(client.id(1));
		assertThat(first.path("codes").toString()).contains("T0105", "T0104");
		assertThat(first.path("message").asString()).contains("C01.02", "T0104 on line 2");
		assertThat(message(reply.body(), 6)).contains("T0101", "T0103", "line 5");
		assertThat(client.fingerprint()).isEqualTo(before);
	}

	@Test
	void aConflictWithATagTheCustomerCarriesInTheDatabaseIsRefused() {
		assertThat(client
			.assignments("customerId,tagCode,value\n%s,T0101,\n%s,T0115,A\n".formatted(client.id(1), client.id(2)),
					false)
			.status()).isEqualTo(200);
		Map<String, Object> before = GraphSnapshot.of(driver);
		Map<String, Object> mine = client.fingerprint();

		var reply = client.assignments("""
				customerId,tagCode,value
				%1$s,T0116,
				%1$s,T0103,
				%2$s,T0115,B
				%2$s,T0101,
				""".formatted(client.id(1), client.id(2)), false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(lines(reply.body())).containsExactly(3L, 4L);
		assertThat(message(reply.body(), 3)).contains("carries T0101 in the database", "excludes T0103", "C01.01");
		assertThat(reply.body().path("problems").path(0).path("codes").toString()).contains("T0103", "T0101");
		assertThat(message(reply.body(), 4)).contains("already carries T0115 with value 'A'");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(client.fingerprint()).isEqualTo(mine);

		// a tag carried already, with no value or the same one, is simply unchanged
		var same = client.assignments(
				"customerId,tagCode,value\n%s,T0101,\n%s,T0115,A\n".formatted(client.id(1), client.id(2)), false);
		assertThat(counts(same.body())).containsExactly(0L, 0L, 2L);
	}

	@Test
	void sizesAndTypesAreRefusedBeforeReading() throws Exception {
		// assignments have their own, larger limit
		// (taggraph.import.assignments-max-bytes, 2GB by default)
		assertThat(client.statusForAnnouncedLength("/api/import/assignments", 3_000_000_000L)).isEqualTo(413);
		var threeMegabytes = new StringBuilder("customerId,tagCode\n");
		while (threeMegabytes.length() < 3 * 1024 * 1024) {
			threeMegabytes.append(client.id(1)).append(",T0115\n");
		}
		var accepted = client.assignments(threeMegabytes.toString(), true);
		assertThat(accepted.status()).isEqualTo(422); // read in full and validated: the
														// rows repeat
		assertThat(accepted.body().path("problems").path(0).path("message").asString()).contains("duplicate row");
		ImportAnswers.refused(client.http.post("/api/import/assignments", "x", "application/json", "application/json"),
				415, "UNSUPPORTED_MEDIA_TYPE");
		ImportAnswers.refused(client.http.post("/api/import/assignments", "x", null, "application/json"), 415,
				"UNSUPPORTED_MEDIA_TYPE");
	}

	private static String sha256(byte[] bytes) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
