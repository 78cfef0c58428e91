package com.taggraph.taxonomy;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;
import com.taggraph.importing.ImportAnswers;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/import/tag-classes}: all-or-nothing, line-numbered errors, idempotent,
 * UTF-8.
 */
@TagGraphTest
class ClassSchemeImportTest extends ApiTest {

	private static final Log log = LogFactory.getLog(ClassSchemeImportTest.class);

	private static final String CSV = "text/csv";

	String prefix;

	@BeforeEach
	void client() {
		prefix = "IM" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-";
	}

	@Test
	void aFourLevelSchemeImportsOnceThenIsUnchanged() {
		String csv = IndustryScheme.csv(prefix);
		int classes = IndustryScheme.lines(prefix).size() - 1;

		var dry = importCsv(csv, true);
		assertThat(dry.status()).isEqualTo(200);
		assertThat(dry.body().path("counts").path("created").asInt()).isEqualTo(classes);
		assertThat(dry.body().path("committed").asBoolean()).isFalse();
		assertThat(classCount(prefix)).isZero();

		long started = System.nanoTime();
		var first = importCsv(csv, false);
		log.info("Imported %d classes in %d ms".formatted(classes, (System.nanoTime() - started) / 1_000_000));
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().path("counts").path("created").asInt()).isEqualTo(classes);
		assertThat(classCount(prefix)).isEqualTo(classes);

		var again = importCsv(csv, false);
		assertThat(again.body().path("counts").path("created").asInt()).isZero();
		assertThat(again.body().path("counts").path("updated").asInt()).isZero();
		assertThat(again.body().path("counts").path("unchanged").asInt()).isEqualTo(classes);

		var section = client.query(
				"query($c: ID!) { tagClass(code: $c) { name criterion exclusive level narrower { code } } }",
				Map.of("c", prefix + "D"));
		assertThat(section.data("tagClass.name").asString()).isEqualTo("电力、热力、燃气及水生产和供应业");
		assertThat(section.data("tagClass.criterion").asString()).isEqualTo("行业大类");
		assertThat(section.data("tagClass.narrower")).hasSize(5);
		var group = client.query("query($c: ID!) { tagClass(code: $c) { name } }", Map.of("c", prefix + "A011"));
		assertThat(group.data("tagClass.name").asString()).isEqualTo("中类" + prefix + "A011 \"细分\"");
	}

	@Test
	void rowsMayComeInAnyOrderAndHangBelowExistingClasses() {
		String csv = """
				code,parent,name,criterion
				%1$s3,%1$s2,第三层,
				%1$s2,%1$s1,第二层,按第三层划分
				%1$s1,C08.01,挂在行政区划下,按第二层划分
				""".formatted(prefix);

		var reply = importCsv(csv, false);

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		var chain = client.query("query($c: ID!) { tagClass(code: $c) { classChain { code } } }",
				Map.of("c", prefix + "3"));
		assertThat(codes(chain.data("tagClass.classChain"))).containsExactly("C08", "C08.01", prefix + "1",
				prefix + "2", prefix + "3");
	}

	@Test
	void reimportWithChangesUpdatesAndMovesClasses() {
		importCsv("code,parent,name,criterion\n%1$sR,,根,按甲乙\n%1$sX,%1$sR,甲,\n%1$sY,%1$sR,乙,按甲\n".formatted(prefix),
				false);

		var reply = importCsv(
				"code,parent,name,exclusive\n%1$sR,,根,\n%1$sX,%1$sY,甲改,true\n%1$sY,%1$sR,乙,\n".formatted(prefix),
				false);

		assertThat(reply.body().path("counts").path("updated").asInt()).isEqualTo(1);
		assertThat(reply.body().path("counts").path("unchanged").asInt()).isEqualTo(2);
		var x = client.query("query($c: ID!) { tagClass(code: $c) { name exclusive broader { code } } }",
				Map.of("c", prefix + "X"));
		assertThat(x.data("tagClass.name").asString()).isEqualTo("甲改");
		assertThat(x.data("tagClass.exclusive").asBoolean()).isTrue();
		assertThat(x.data("tagClass.broader.code").asString()).isEqualTo(prefix + "Y");
	}

	@Test
	void everyBadRowIsListedWithItsLineAndNothingIsWritten() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		String csv = """
				code,parent,name,exclusive,criterion
				%1$sOK,,正常,,按正常
				%1$sDUP,,第一次,,
				%1$sDUP,,第二次,,
				,%1$sOK,没有代码,,
				%1$sNONAME,%1$sOK,,,
				%1$sORPHAN,%1$sMISSING,无上位类,,
				%1$sBOOL,,布尔,maybe,
				%1$sSHORT,只有两列

				%1$sC1,%1$sC2,环一,,按环二
				%1$sC2,%1$sC1,环二,,按环一
				T0101,,与标签同码,,
				%1$sSELF,%1$sSELF,自环,,
				""".formatted(prefix);

		var reply = importCsv(csv, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(reply.body().path("committed").asBoolean()).isFalse();
		assertThat(reply.body().path("counts").path("created").asInt()).isZero();
		assertThat(ImportAnswers.problemLines(reply.body())).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 11L, 13L, 14L);
		assertThat(message(reply.body(), 4)).contains("duplicate code", "line 3");
		assertThat(message(reply.body(), 5)).contains("code is empty");
		assertThat(message(reply.body(), 6)).contains("name is empty");
		assertThat(message(reply.body(), 7)).contains("unknown parent", prefix + "MISSING");
		assertThat(message(reply.body(), 8)).contains("maybe");
		assertThat(message(reply.body(), 9)).contains("expected 5 columns");
		assertThat(message(reply.body(), 11)).contains("cycle", prefix + "C1", prefix + "C2");
		assertThat(message(reply.body(), 13)).contains("T0101", "tag");
		assertThat(message(reply.body(), 14)).contains("own parent");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void aCycleThroughExistingClassesIsRefused() {
		importCsv("code,parent,name,criterion\n%1$sP,,上,按下\n%1$sQ,%1$sP,下,按上\n".formatted(prefix), false);
		Map<String, Object> before = GraphSnapshot.of(driver);

		var reply = importCsv("code,parent,name\n%1$sP,%1$sQ,上\n".formatted(prefix), false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(message(reply.body(), 2)).contains("cycle", prefix + "P", prefix + "Q");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void aDivisionWithoutCriterionIsRefusedAsGraphQlWritesRefuseIt() {
		importCsv("code,parent,name,criterion\n%1$sE,,已有,\n%1$sF,,有划分标准,按用途\n".formatted(prefix), false);
		Map<String, Object> before = GraphSnapshot.of(driver);
		String csv = """
				code,parent,name,criterion
				%1$sP,,上位类没有划分标准,
				%1$sP1,%1$sP,下位一,
				%1$sP2,%1$sP,下位二,
				%1$sU,%1$sE,挂在没有划分标准的已有类下,
				%1$sF,,有划分标准,按用途
				%1$sF1,%1$sF,下位,
				""".formatted(prefix);

		var reply = importCsv(csv, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(reply.body().path("committed").asBoolean()).isFalse();
		assertThat(ImportAnswers.problemLines(reply.body())).containsExactly(2L, 5L);
		JsonNode divided = reply.body().path("problems").path(0);
		assertThat(divided.path("code").asString()).isEqualTo(prefix + "P");
		assertThat(divided.path("field").asString()).isEqualTo("criterion");
		assertThat(divided.path("kind").asString()).isEqualTo("STRUCTURAL_RULE");
		assertThat(divided.path("rule").asString()).isEqualTo("DIVISION_WITHOUT_CRITERION");
		assertThat(divided.path("message").asString()).contains(prefix + "P1", prefix + "P2", "criterion");
		JsonNode under = reply.body().path("problems").path(1);
		assertThat(under.path("code").asString()).isEqualTo(prefix + "U");
		assertThat(under.path("field").asString()).isEqualTo("parent");
		assertThat(under.path("message").asString()).contains("'" + prefix + "E' has no criterion");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		// the same refusal on a dry run
		assertThat(ImportAnswers.problemLines(importCsv(csv, true).body())).containsExactly(2L, 5L);

		// a row that leaves the criterion empty keeps the class's own, so dividing F is
		// fine
		var kept = importCsv("code,parent,name\n%1$sF,,有划分标准\n%1$sF1,%1$sF,下位\n".formatted(prefix), false);
		assertThat(kept.status()).as(kept.body().toString()).isEqualTo(200);
	}

	@Test
	void anExhaustiveClassWithoutTagsIsRefusedAndOneHoldingTagsIsAccepted() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		String csv = """
				code,parent,name,criterion,exclusive,exhaustive
				%1$sX,,空的穷尽类,,,true
				%1$sY,,有下位类但没有标签,按层,,true
				%1$sY1,%1$sY,下位,,,
				""".formatted(prefix);

		var reply = importCsv(csv, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(ImportAnswers.problemLines(reply.body())).containsExactly(2L, 3L);
		for (JsonNode error : reply.body().path("problems")) {
			assertThat(error.path("rule").asString()).isEqualTo("EXHAUSTIVE_CLASS_EMPTY");
			assertThat(error.path("kind").asString()).isEqualTo("STRUCTURAL_RULE");
			assertThat(error.path("field").asString()).isEqualTo("exhaustive");
			assertThat(error.path("message").asString()).contains("no tag");
		}
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);

		// C01.01 holds demo tags: marking it exhaustive again (it is already) is no
		// violation
		var holding = importCsv("code,parent,name,exhaustive\nC01.01,C01,%s,true\n".formatted(name("C01.01")), true);
		assertThat(holding.status()).as(holding.body().toString()).isEqualTo(200);
	}

	@Test
	void malformedFilesAreRefusedWithWhereTheyBroke() {
		Map<String, Object> before = GraphSnapshot.of(driver);

		ImportAnswers.refusedSaying(importCsv("code,parent,name\n%1$sA,,好\n%1$sB,,\"未闭合\n".formatted(prefix), false),
				422, "IMPORT_REFUSED", "malformed CSV");

		var header = importCsv("code,name,colour\nX,Y,Z\n", false);
		ImportAnswers.refused(header, 422, "IMPORT_REFUSED");
		assertThat(header.body().path("problems").toString()).contains("colour", "missing column 'parent'");

		ImportAnswers.refusedSaying(importCsv("", false), 422, "IMPORT_REFUSED", "empty");

		byte[] latin1 = "code,parent,name\nX1,,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		ImportAnswers.refusedSaying(client.post("/api/import/tag-classes", latin1, CSV, "application/json"), 422,
				"IMPORT_REFUSED", "UTF-8", "line 2");

		var json = client.post("/api/import/tag-classes", "{\"code\":\"X\"}", "application/json", "application/json");
		ImportAnswers.refused(json, 415, "UNSUPPORTED_MEDIA_TYPE");

		ImportAnswers.refusedSaying(
				client.post("/api/import/tag-classes", new byte[3 * 1024 * 1024], CSV, "application/json"), 413,
				"REQUEST_TOO_LARGE", "limit");

		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void chineseNamesAndAByteOrderMarkRoundTrip() {
		String name = "电动汽车充换电设施（含\"换电站\"），𠀀";
		String csv = "\uFEFFcode,parent,name,criterion\n%sZH,,\"%s\",按“设施类型”划分\n".formatted(prefix,
				name.replace("\"", "\"\""));

		var reply = importCsv(csv, false);

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		var read = client.query("query($c: ID!) { tagClass(code: $c) { name criterion } }", Map.of("c", prefix + "ZH"));
		assertThat(read.data("tagClass.name").asString()).isEqualTo(name);
		assertThat(read.data("tagClass.criterion").asString()).isEqualTo("按“设施类型”划分");
	}

	private String name(String code) {
		return client.query("query($c: ID!) { tagClass(code: $c) { name } }", Map.of("c", code))
			.data("tagClass.name")
			.asString();
	}

	private ApiClient.Reply importCsv(String csv, boolean dryRun) {
		return client.post("/api/import/tag-classes" + (dryRun ? "?dryRun=true" : ""), csv, CSV, "application/json");
	}

	private long classCount(String codePrefix) {
		try (var session = driver.session()) {
			return session
				.run("MATCH (c:TagClass) WHERE c.code STARTS WITH $p RETURN count(c)", Map.of("p", codePrefix))
				.single()
				.get(0)
				.asLong();
		}
	}

	private static String message(JsonNode body, int line) {
		return ImportAnswers.problemOn(body, line).path("message").asString();
	}

}
