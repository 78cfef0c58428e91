package com.taggraph.lineage;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.GraphSnapshot;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;
import com.taggraph.importing.ImportAnswers;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/import/lineage}: derivations of tags from source fields or from tags,
 * checked whole against the catalogue and the graph's derivations (cycles included),
 * all-or-nothing, idempotent. The test's own tags are TLI…, removed afterwards with their
 * derivations.
 */
@TagGraphTest
class LineageImportTest extends ApiTest {

	private static final Log log = LogFactory.getLog(LineageImportTest.class);

	private static final String CSV = "text/csv; charset=UTF-8";

	@BeforeEach
	void tags() {
		for (String code : List.of("TLI1", "TLI2", "TLI3", "TLI4")) {
			ok(client
				.query("mutation { createTag(input: {code: \"%s\", name: \"血缘导入%s\", classCode: \"C07.05\"}) { code } }"
					.formatted(code, code)));
		}
	}

	@AfterEach
	void cleanUp() {
		BoltCypher.write(driver, "MATCH (t:Tag) WHERE t.code STARTS WITH 'TLI' DETACH DELETE t", Map.of());
	}

	@Test
	void fieldDerivationsAreImportedAndAFieldNameInTwoTablesIsAddressedByItsTable() throws IOException {
		var reply = importCsv(resource("fields.csv"), false);

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().path("committed").asBoolean()).isTrue();
		assertThat(counts(reply.body())).containsExactly(4L, 4L, 0L, 0L);
		assertThat(codes(ok(client.query("{ tag(code: \"TLI1\") { derivedFromFields { code } } }"))
			.data("tag.derivedFromFields"))).containsExactly("S1.A_RCVBL_FLOW.OWE_AMT", "S1.A_RCVBL_FLOW.RCVBL_YM");
		// CONS_NO is a field of several tables: each row names its own
		assertThat(tagsOf("S1.C_STORAGE.CONS_NO")).contains("TLI2");
		assertThat(tagsOf("S5.EXT_APP_BINDING.CONS_NO")).contains("TLI2");
		assertThat(tagsOf("S1.C_CHARGE_FACILITY.CONS_NO")).doesNotContain("TLI2");
		assertThat(BoltCypher.read(driver, """
				MATCH (:Tag {code: 'TLI1'})-[d:DERIVED_FROM]->(f) RETURN f.code AS field, d.transform AS transform
				ORDER BY field""")).containsExactly(
				Map.of("field", "S1.A_RCVBL_FLOW.OWE_AMT", "transform", "sum(OWE_AMT), 近12个月"),
				Map.of("field", "S1.A_RCVBL_FLOW.RCVBL_YM", "transform", "按电费年月汇总"));

		// the same file again changes nothing
		Map<String, Object> before = GraphSnapshot.of(driver);
		var again = importCsv(resource("fields.csv"), false);
		assertThat(counts(again.body())).containsExactly(4L, 0L, 0L, 4L);
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);

		// columns in another order; a new transform replaces the old, an empty one keeps
		// it
		var changed = importCsv("""
				field,table,system,transform,tag
				RCVBL_YM,A_RCVBL_FLOW,S1,按电费年月汇总（含调整）,TLI1
				OWE_AMT,A_RCVBL_FLOW,S1,,TLI1
				""", false);
		assertThat(counts(changed.body())).containsExactly(2L, 0L, 1L, 1L);
		assertThat(BoltCypher.read(driver, """
				MATCH (:Tag {code: 'TLI1'})-[d:DERIVED_FROM]->(f) RETURN d.transform AS transform ORDER BY f.code"""))
			.containsExactly(Map.of("transform", "sum(OWE_AMT), 近12个月"), Map.of("transform", "按电费年月汇总（含调整）"));
	}

	@Test
	void aDryRunCountsWhatWouldBeWrittenAndWritesNothing() throws IOException {
		Map<String, Object> before = GraphSnapshot.of(driver);

		var dry = importCsv(resource("tags.csv"), true);

		assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
		assertThat(dry.body().path("dryRun").asBoolean()).isTrue();
		assertThat(dry.body().path("committed").asBoolean()).isFalse();
		assertThat(counts(dry.body())).containsExactly(4L, 4L, 0L, 0L);
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);

		var real = importCsv(resource("tags.csv"), false);
		assertThat(counts(real.body())).containsExactly(4L, 4L, 0L, 0L);
		assertThat(codes(
				ok(client.query("{ tag(code: \"TLI4\") { derivedFromTags { code } } }")).data("tag.derivedFromTags")))
			.containsExactly("T0315", "TLI3");
		var upstream = ok(
				client.query("{ lineage(tagCode: \"TLI4\", direction: UPSTREAM, maxDepth: 2) { nodes { code } } }"));
		assertThat(codes(upstream.data("lineage.nodes"))).contains("TLI1", "TLI2", "T0309");
	}

	@Test
	void everyBadFieldRowIsListedWithItsLineColumnAndKindAndNothingIsWritten() {
		importCsv("tag,system,table,field\nTLI1,S1,A_PAY_FLOW,PAY_MODE\n", false);
		Map<String, Object> before = GraphSnapshot.of(driver);
		String csv = """
				tag,system,table,field,transform
				TLI1,S1,A_RCVBL_FLOW,RCVBL_YM,
				T9999,S1,A_RCVBL_FLOW,RCVBL_YM,
				TLI1,S9,A_RCVBL_FLOW,RCVBL_YM,
				TLI1,S1,NOPE,RCVBL_YM,
				TLI1,S1,A_RCVBL_FLOW,NOPE,
				TLI1,S1,EXT_APP_BINDING,CONS_NO,
				TLI1,S1,A_RCVBL_FLOW,RCVBL_YM,又一次
				,S1,A_RCVBL_FLOW,DUE_DATE,
				TLI2,S1,,DUE_DATE,
				TLI2,S1,A_RCVBL_FLOW

				TLI2,S1.A_RCVBL_FLOW,DUE_DATE,X,
				TLI2,S1,A_RCVBL_FLOW,DUE_DATE,
				""";

		var reply = importCsv(csv, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(reply.body().path("committed").asBoolean()).isFalse();
		assertThat(counts(reply.body())).containsExactly(12L, 0L, 0L, 0L);
		assertThat(reply.body().path("problemCount").asLong()).isEqualTo(10);
		assertThat(ImportAnswers.problemLines(reply.body())).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 13L);
		assertProblem(reply.body(), 3, "T9999", "tag", "UNKNOWN_TAG", "tag T9999 not found");
		assertProblem(reply.body(), 4, "TLI1", "system", "UNKNOWN_SYSTEM", "system S9 not found");
		assertProblem(reply.body(), 5, "TLI1", "table", "UNKNOWN_TABLE", "table S1.NOPE not found");
		assertProblem(reply.body(), 6, "TLI1", "field", "UNKNOWN_FIELD", "field S1.A_RCVBL_FLOW.NOPE not found");
		assertProblem(reply.body(), 7, "TLI1", "table", "UNKNOWN_TABLE", "table S1.EXT_APP_BINDING not found");
		assertProblem(reply.body(), 8, "TLI1", "field", "DUPLICATE", "S1.A_RCVBL_FLOW.RCVBL_YM already on line 2");
		assertProblem(reply.body(), 9, null, "tag", "INVALID_VALUE", "tag is empty");
		assertProblem(reply.body(), 10, "TLI2", "table", "INVALID_VALUE", "table is empty");
		assertProblem(reply.body(), 11, "TLI2", null, "MALFORMED", "expected 5 columns, found 3");
		assertProblem(reply.body(), 13, "TLI2", "system", "INVALID_VALUE", "'S1.A_RCVBL_FLOW' may not contain '.'");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void badTagRowsAndACycleThroughTheDemoDerivationsAreRefusedNamingThePath() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		String csv = """
				tag,fromTag
				TLI1,TLI2
				TLI1,T9999
				TLI3,TLI3
				TLI1,TLI2
				T0309,T0315
				TLI2,TLI1
				""";

		var reply = importCsv(csv, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(ImportAnswers.problemLines(reply.body())).containsExactly(3L, 4L, 5L, 6L, 7L);
		assertProblem(reply.body(), 3, "TLI1", "fromTag", "UNKNOWN_TAG", "tag T9999 not found");
		assertProblem(reply.body(), 4, "TLI3", "fromTag", "CYCLE", "TLI3 cannot be derived from itself");
		assertProblem(reply.body(), 5, "TLI1", "fromTag", "DUPLICATE", "TLI1 is derived from TLI2 already on line 2");
		// T0315 (credit rating A) is derived from T0309 (often overdue) by the demo
		// library's credit rule
		assertProblem(reply.body(), 6, "T0309", "fromTag", "CYCLE",
				"T0309 ← T0315 ← T0309 (T0309 ← T0315 on line 6; T0315 ← T0309 in the graph)");
		assertThat(ImportAnswers.problemOn(reply.body(), 6).path("codes").toString())
			.isEqualTo("[\"T0309\",\"T0315\",\"T0309\"]");
		assertProblem(reply.body(), 7, "TLI2", "fromTag", "CYCLE", "TLI2 ← TLI1 ← TLI2", "TLI1 ← TLI2 on line 2");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void aCycleClosedByFileRowsThroughAnExistingDerivationNamesEveryLine() {
		ok(client.query("mutation { deriveTag(tagCode: \"TLI1\", fromTags: [\"TLI2\"]) { code } }"));
		Map<String, Object> before = GraphSnapshot.of(driver);

		var reply = importCsv("tag,fromTag\nTLI2,TLI3\nTLI4,TLI1\nTLI3,TLI1\n", false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(ImportAnswers.problemLines(reply.body())).containsExactly(4L);
		assertProblem(reply.body(), 4, "TLI3", "fromTag", "CYCLE", "TLI3 ← TLI1 ← TLI2 ← TLI3",
				"TLI1 ← TLI2 in the graph", "TLI2 ← TLI3 on line 2");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void badHeadersBodiesAndTypesAreRefusedAndABomIsFine() {
		Map<String, Object> before = GraphSnapshot.of(driver);

		var unknown = importCsv("tag,system,table,field,colour\nTLI1,S1,C_CONS,VOLT_CODE,red\n", false);
		ImportAnswers.refused(unknown, 422, "IMPORT_REFUSED");
		assertProblem(unknown.body(), 1, null, "colour", "MALFORMED", "unknown column 'colour'");
		var missing = importCsv("tag,system,field\nTLI1,S1,VOLT_CODE\n", false);
		assertProblem(missing.body(), 1, null, "table", "MALFORMED", "missing column 'table'");
		var both = importCsv("tag,fromTag,system,table,field\n", false);
		assertProblem(both.body(), 1, null, "fromTag", "MALFORMED", "not both");
		var noSource = importCsv("tag,transform\nTLI1,x\n", false);
		assertProblem(noSource.body(), 1, null, null, "MALFORMED", "system,table,field or fromTag");
		var empty = importCsv("", false);
		assertProblem(empty.body(), 1, null, null, "MALFORMED", "the file is empty");
		ImportAnswers.refusedSaying(importCsv("tag,fromTag\nTLI1,\"TLI2\n", false), 422, "IMPORT_REFUSED",
				"malformed CSV");
		byte[] latin1 = "tag,fromTag,transform\nTLI1,TLI2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		ImportAnswers.refusedSaying(client.post("/api/import/lineage", latin1, CSV, "application/json"), 422,
				"IMPORT_REFUSED", "UTF-8", "line 2");
		var json = client.post("/api/import/lineage", "{}", "application/json", "application/json");
		ImportAnswers.refused(json, 415, "UNSUPPORTED_MEDIA_TYPE");
		assertThat(json.body().path("problems").path(0).path("kind").asString()).isEqualTo("REFUSED");
		ImportAnswers.refusedSaying(
				client.post("/api/import/lineage", new byte[3 * 1024 * 1024], CSV, "application/json"), 413,
				"REQUEST_TOO_LARGE", "lineage-max-bytes");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);

		var bom = importCsv("\uFEFFtag,fromTag\nTLI1,TLI2\n", false);
		assertThat(bom.status()).as(bom.body().toString()).isEqualTo(200);
		assertThat(counts(bom.body())).containsExactly(1L, 1L, 0L, 0L);
	}

	@Test
	void tenThousandRowsAreCheckedWithAFewReadsAndALongChainClosedIntoACycleIsNamed() {
		int tags = 2000;
		BoltCypher.write(driver, """
				MATCH (c:TagClass {code: 'C07.05'})
				UNWIND range(0, $n - 1) AS i
				CREATE (t:Tag {code: 'TLIB' + right('000' + toString(i), 4), name: '批量' + i, status: 'DRAFT'})
				CREATE (t)-[:IN_CLASS]->(c)""", Map.of("n", tags));
		List<Map<String, Object>> fields = BoltCypher.read(driver, """
				MATCH (f:SourceField)-[:IN_TABLE]->(t:SourceTable)-[:IN_SYSTEM]->(s:SourceSystem)
				WHERE s.code IN ['S1', 'S2', 'S3', 'S4', 'S5']
				RETURN s.code AS system, t.tableName AS table, f.name AS field ORDER BY f.code""");
		StringBuilder fieldCsv = new StringBuilder("tag,system,table,field,transform\n");
		StringBuilder tagCsv = new StringBuilder("tag,fromTag\n");
		for (int i = 0; i < tags; i++) {
			for (int k = 0; k < 4; k++) {
				Map<String, Object> f = fields.get((i + k * 7) % fields.size());
				fieldCsv.append(
						"%s,%s,%s,%s,规则%d\n".formatted(bulkTag(i), f.get("system"), f.get("table"), f.get("field"), k));
			}
			if (i > 0) {
				tagCsv.append(bulkTag(i)).append(',').append(bulkTag(i - 1)).append('\n');
			}
		}

		StatementCounter.reset();
		long started = System.nanoTime();
		var dry = importCsv(fieldCsv.toString(), true);
		int dryStatements = StatementCounter.count();
		long dryMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(dry.status()).as(dry.body().path("problems").toString()).isEqualTo(200);
		assertThat(counts(dry.body())).containsExactly(4L * tags, 4L * tags, 0L, 0L);
		assertThat(dryStatements).isLessThanOrEqualTo(3);

		StatementCounter.reset();
		started = System.nanoTime();
		var written = importCsv(fieldCsv.toString(), false);
		long fieldMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(written.status()).isEqualTo(200);
		// the reads, the batched writes, and the import's one change event (audit trail)
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(7);
		started = System.nanoTime();
		var chain = importCsv(tagCsv.toString(), false);
		long chainMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(chain.status()).as(chain.body().path("problems").toString()).isEqualTo(200);
		assertThat(counts(chain.body())).containsExactly(tags - 1L, tags - 1L, 0L, 0L);
		log.info(
				"Lineage import: %d field rows validated in %d ms (%d statements), written in %d ms; %d tag rows in %d ms"
					.formatted(4 * tags, dryMillis, dryStatements, fieldMillis, tags - 1, chainMillis));

		// the oldest tag derived from the newest closes the whole chain
		var cycle = importCsv("tag,fromTag\n%s,%s\n".formatted(bulkTag(0), bulkTag(tags - 1)), false);
		ImportAnswers.refused(cycle, 422, "IMPORT_REFUSED");
		assertProblem(cycle.body(), 2, bulkTag(0), "fromTag", "CYCLE",
				bulkTag(0) + " ← " + bulkTag(tags - 1) + " ← " + bulkTag(tags - 2), "← … ←",
				bulkTag(1) + " ← " + bulkTag(0), "1990 more steps");
		assertThat(ImportAnswers.problemOn(cycle.body(), 2).path("codes")).hasSize(tags + 1);
	}

	// ---- helpers
	// ----------------------------------------------------------------------------------

	private ApiClient.Reply importCsv(String csv, boolean dryRun) {
		return client.post("/api/import/lineage" + (dryRun ? "?dryRun=true" : ""), csv, CSV, "application/json");
	}

	private static String bulkTag(int i) {
		return "TLIB%04d".formatted(i);
	}

	private String resource(String name) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/lineage/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private List<String> tagsOf(String fieldCode) {
		return codes(
				ok(client.query("query($c: ID!) { sourceField(code: $c) { tags { code } } }", Map.of("c", fieldCode)))
					.data("sourceField.tags"));
	}

	/** rows, created, updated, unchanged */
	private static List<Long> counts(JsonNode body) {
		JsonNode counts = body.path("counts");
		return List.of(counts.path("rows").asLong(), counts.path("created").asLong(), counts.path("updated").asLong(),
				counts.path("unchanged").asLong());
	}

	private static void assertProblem(JsonNode body, long line, String code, String field, String kind,
			String... message) {
		JsonNode p = ImportAnswers.problemOn(body, line);
		assertThat(p.path("code").asString(null)).as(p.toString()).isEqualTo(code);
		assertThat(p.path("field").asString(null)).as(p.toString()).isEqualTo(field);
		assertThat(p.path("kind").asString()).as(p.toString()).isEqualTo(kind);
		assertThat(p.path("message").asString()).contains(message);
	}

}
