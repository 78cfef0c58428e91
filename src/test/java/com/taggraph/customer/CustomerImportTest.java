package com.taggraph.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;
import com.taggraph.importing.ImportAnswers;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/import/customers}: creates, updates, is idempotent, and refuses a bad
 * file whole.
 */
@TagGraphTest
class CustomerImportTest extends ApiTest {

	BulkImportClient client;

	@BeforeEach
	void client() {
		client = new BulkImportClient(port, driver, "CU" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-");
	}

	@AfterEach
	void cleanUp() {
		client.cleanUp();
	}

	@Test
	void customersAreCreatedThenUpdatedThenUnchanged() {
		String csv = """
				id,name,orgNo,consSort
				%s,王**,33401,03
				%s,"华能有限公司, 一厂",33402,01
				%s,李**,33401,03
				""".formatted(client.id(1), client.id(2), client.id(3));

		var first = client.customers(csv, false);

		assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
		assertThat(counts(first.body())).containsExactly(3L, 0L, 0L);
		assertThat(first.body().path("committed").asBoolean()).isTrue();
		String importId = first.body().path("run").path("importId").asString();
		var customer = client.http.query("query($id: ID!) { customer(id: $id) { name attributes { key value } } }",
				Map.of("id", client.id(2)));
		assertThat(customer.data("customer.name").asString()).isEqualTo("华能有限公司, 一厂");
		assertThat(customer.data("customer.attributes").toString()).contains("orgNo", "33402", "consSort", "01");
		assertThat(client.count("MATCH (c:Customer {importId: $id}) RETURN count(c)", Map.of("id", importId)))
			.isEqualTo(3);

		var again = client.customers(csv, false);
		assertThat(counts(again.body())).containsExactly(0L, 0L, 3L);

		String changed = """
				id,name,orgNo
				%s,王**,33409
				%s,,
				%s,新户,33401
				""".formatted(client.id(1), client.id(3), client.id(4));
		var update = client.customers(changed, false);

		assertThat(update.status()).as(update.body().toString()).isEqualTo(200);
		assertThat(counts(update.body())).containsExactly(1L, 1L, 1L);
		var updated = client.http.query("query($id: ID!) { customer(id: $id) { name attributes { key value } } }",
				Map.of("id", client.id(1)));
		assertThat(updated.data("customer.attributes").toString()).contains("33409").contains("consSort");
		// an updated customer keeps the import that created it, so a rollback of the
		// update does not delete it
		assertThat(client.count("MATCH (c:Customer {id: $id}) WHERE c.importId = $first RETURN count(c)",
				Map.of("id", client.id(1), "first", importId)))
			.isEqualTo(1);
	}

	@Test
	void aDryRunCountsAndWritesNothing() {
		Map<String, Object> before = GraphSnapshot.of(driver);

		var dry = client.customers("id,name\n%s,甲\n%s,乙\n".formatted(client.id(1), client.id(2)), true);

		assertThat(dry.status()).isEqualTo(200);
		assertThat(dry.body().path("dryRun").asBoolean()).isTrue();
		assertThat(dry.body().path("committed").asBoolean()).isFalse();
		assertThat(counts(dry.body())).containsExactly(2L, 0L, 0L);
		assertThat(dry.body().path("run").path("importId").asString(null)).isNull();
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void everyBadRowIsListedWithItsLineAndNothingIsWritten() {
		client.customers("id,name\n%s,已有\n".formatted(client.id(9)), false);
		Map<String, Object> before = GraphSnapshot.of(driver);
		String csv = """
				id,name,orgNo
				%1$s0001,好,1
				%1$s0001,重复,1
				,没有户号,1
				bad id!,空格,1
				%1$s0002,,1
				%1$s0003,只有两列

				%1$s0004,"%2$s",1
				%1$s0009,,
				""".formatted(client.prefix, "长".repeat(201));

		var reply = client.customers(csv, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(reply.body().path("committed").asBoolean()).isFalse();
		assertThat(counts(reply.body())).containsExactly(0L, 0L, 0L);
		assertThat(lines(reply.body())).containsExactly(3L, 4L, 5L, 6L, 7L, 9L);
		assertThat(message(reply.body(), 3)).contains("duplicate id", "line 2");
		assertThat(message(reply.body(), 4)).contains("id is empty");
		assertThat(message(reply.body(), 5)).contains("'bad id!'", "account number");
		assertThat(message(reply.body(), 6)).contains("new customer needs a name");
		assertThat(message(reply.body(), 7)).contains("expected 3 columns");
		assertThat(message(reply.body(), 9)).contains("longer than 200");
		assertThat(reply.body().path("problems").path(0).path("code").asString()).isEqualTo(client.prefix + "0001");
		assertThat(reply.body().path("problems").path(0).path("kind").asString()).isEqualTo("DUPLICATE");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void badHeadersEncodingsTypesAndSizesAreRefused() {
		Map<String, Object> before = GraphSnapshot.of(driver);

		var header = client.customers("id,colour,importId\nX1,红,y\n", false);
		ImportAnswers.refused(header, 422, "IMPORT_REFUSED");
		assertThat(header.body().path("problems").toString()).contains("missing column 'name'", "importId");

		ImportAnswers.refusedSaying(client.customers("", false), 422, "IMPORT_REFUSED", "empty");

		ImportAnswers.refusedSaying(client.customers("id,name\n%s,\"未闭合\n".formatted(client.id(1)), false), 422,
				"IMPORT_REFUSED", "malformed CSV");

		byte[] latin1 = "id,name\n%s,caf\u00e9\n".formatted(client.id(1)).getBytes(StandardCharsets.ISO_8859_1);
		ImportAnswers.refusedSaying(
				client.http.post("/api/import/customers", latin1, BulkImportClient.CSV, "application/json"), 422,
				"IMPORT_REFUSED", "UTF-8", "line 2");

		var json = client.http.post("/api/import/customers", "{}", "application/json", "application/json");
		ImportAnswers.refused(json, 415, "UNSUPPORTED_MEDIA_TYPE");
		var gbk = client.http.post("/api/import/customers", "id,name\n", "text/csv; charset=GBK", "application/json");
		ImportAnswers.refused(gbk, 415, "UNSUPPORTED_MEDIA_TYPE");

		// the test context sets taggraph.import.max-bytes to 2MB, which the customers
		// endpoint follows
		ImportAnswers.refusedSaying(client.http.post("/api/import/customers", new byte[3 * 1024 * 1024],
				BulkImportClient.CSV, "application/json"), 413, "REQUEST_TOO_LARGE", "limit");

		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void aByteOrderMarkAndQuotedNewlinesKeepLineNumbersRight() {
		String csv = "\uFEFFid,name\n%s,\"两行\n名字\"\n\n%s,\n".formatted(client.id(1), client.id(2));

		var reply = client.customers(csv, false);

		assertThat(reply.status()).isEqualTo(422);
		assertThat(lines(reply.body())).containsExactly(5L);
	}

	static List<Long> counts(JsonNode body) {
		JsonNode counts = body.path("counts");
		return List.of(counts.path("created").asLong(), counts.path("updated").asLong(),
				counts.path("unchanged").asLong());
	}

	static List<Long> lines(JsonNode body) {
		return ImportAnswers.problemLines(body);
	}

	static String message(JsonNode body, long line) {
		return ImportAnswers.problemOn(body, line).path("message").asString();
	}

}
