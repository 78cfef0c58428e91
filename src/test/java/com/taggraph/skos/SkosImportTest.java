package com.taggraph.skos;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;
import com.taggraph.importing.ImportAnswers;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/export/skos} and {@code POST /api/import/skos} on the shared demo
 * library.
 */
@TagGraphTest
class SkosImportTest extends ApiTest {

	private static final String TURTLE = "text/turtle";

	private static final String BASE = "https://taggraph.example/concept/";

	String prefix;

	@BeforeEach
	void client() {
		prefix = "SK" + Long.toString(System.nanoTime(), 36).toUpperCase();
	}

	@AfterEach
	void cleanUp() {
		try (var session = driver.session()) {
			session.run("""
					MATCH (n) WHERE (n:TagClass OR n:Tag) AND n.code STARTS WITH $prefix
					OPTIONAL MATCH (f:FreeTag)-[:SYNONYM_OF]->(n)
					DETACH DELETE n, f""", Map.of("prefix", prefix)).consume();
		}
	}

	@Test
	void exportIsTurtleByDefaultAndTheSameGraphInEverySyntax() {
		HttpResponse<String> turtle = export(null);
		assertThat(turtle.statusCode()).isEqualTo(200);
		assertThat(turtle.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
		Model model = parse(turtle.body(), Lang.TURTLE);

		var tag = model.getResource(BASE + "T0101");
		assertThat(tag.hasProperty(RDF.type, SKOS.Concept)).isTrue();
		assertThat(tag.getProperty(SKOS.notation).getString()).isEqualTo("T0101");
		assertThat(tag.getProperty(SKOS.prefLabel).getLanguage()).isEqualTo("zh");
		assertThat(tag.getProperty(SKOS.prefLabel).getString()).isEqualTo("高压用户");
		assertThat(tag.getProperty(SKOS.definition).getString()).isEqualTo("CONS_SORT_CODE=01");
		assertThat(tag.getPropertyResourceValue(SKOS.broader).getURI()).isEqualTo(BASE + "C01.01");
		var root = model.getResource(BASE + "C01");
		assertThat(root.hasProperty(SKOS.topConceptOf)).isTrue();
		assertThat(root.getProperty(SKOS.scopeNote).getString()).isEqualTo("客户档案中的静态属性");
		assertThat(model.getResource(BASE + "C07.02.01").getPropertyResourceValue(SKOS.broader).getURI())
			.isEqualTo(BASE + "C07.02");
		var value = model.getResource("https://taggraph.example/facet/F1.S1");
		assertThat(value.hasProperty(SKOS.member, tag)).isTrue();
		assertThat(model.getResource("https://taggraph.example/facet/F1").hasProperty(SKOS.member, value)).isTrue();
		assertThat(model.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList())
			.hasSizeGreaterThanOrEqualTo(66 + 127);

		for (Lang lang : new Lang[] { Lang.RDFXML, Lang.JSONLD, Lang.NTRIPLES }) {
			HttpResponse<String> other = export(lang.getHeaderString());
			assertThat(other.statusCode()).isEqualTo(200);
			assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith(lang.getHeaderString());
			assertThat(parse(other.body(), lang).isIsomorphicWith(model)).as(lang.getLabel()).isTrue();
		}
		HttpResponse<String> png = export("image/png");
		assertThat(png.statusCode()).isEqualTo(406);
		assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(png.body()).contains("\"code\":\"NOT_ACCEPTABLE\"", "text/turtle");
	}

	@Test
	void aForeignThesaurusBecomesClassChainsWithCodesFromNotationsOrIris() {
		String ttl = """
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				@prefix ex: <http://example.org/%1$s/> .
				ex:scheme a skos:ConceptScheme ; skos:hasTopConcept ex:energy .
				ex:energy a skos:Concept ; skos:notation "%1$s-E" ; skos:prefLabel "Energy"@en, "能源"@zh ;
				    skos:topConceptOf ex:scheme ; skos:narrower ex:power .
				ex:power a skos:Concept ; skos:prefLabel "Electric power"@en ; skos:scopeNote "by source"@en .
				ex:solar%%20power a skos:Concept ; skos:prefLabel "Solar"@en ; skos:broader ex:power .
				""".formatted(prefix);
		Map<String, Object> before = GraphSnapshot.of(driver);

		var dry = importSkos(ttl, TURTLE, true);
		assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
		assertThat(dry.body().path("counts").path("created").asInt()).isEqualTo(3);
		assertThat(dry.body().path("committed").asBoolean()).isFalse();
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);

		var reply = importSkos(ttl, TURTLE, false);
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().path("contents").path("classes").asInt()).isEqualTo(3);
		var solar = client.query("query($c: ID!) { tagClass(code: $c) { name classChain { code name } } }",
				Map.of("c", "solar-power"));
		assertThat(codes(solar.data("tagClass.classChain"))).containsExactly(prefix + "-E", "power", "solar-power");
		assertThat(solar.data("tagClass.classChain").path(0).path("name").asString()).isEqualTo("能源");
		var power = client.query("query($c: ID!) { tagClass(code: $c) { criterion } }", Map.of("c", "power"));
		assertThat(power.data("tagClass.criterion").asString()).isEqualTo("by source");
		// divided, but the thesaurus says not by what: the import gives it a criterion
		// saying where it came from
		var energy = client.query("query($c: ID!) { tagClass(code: $c) { criterion } }", Map.of("c", prefix + "-E"));
		assertThat(energy.data("tagClass.criterion").asString())
			.isEqualTo("narrower concepts of SKOS scheme 'scheme' (no scopeNote in the file)");
		var solarClass = client.query("query($c: ID!) { tagClass(code: $c) { criterion } }",
				Map.of("c", "solar-power"));
		assertThat(solarClass.data("tagClass.criterion").isNull()).as("a leaf is divided by nothing").isTrue();

		var again = importSkos(ttl, TURTLE, false);
		assertThat(again.body().path("counts").path("unchanged").asInt()).isEqualTo(3);
		deleteCodes("power", "solar-power");
	}

	@Test
	void tagsCarryTheirSynonymsAndTheSameFileCanComeAsRdfXml() {
		String ttl = """
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				@prefix tg: <https://taggraph.example/ns#> .
				<urn:example:%1$sC> a skos:Concept, tg:TagClass ; skos:notation "%1$sC" ; skos:prefLabel "电动汽车"@zh .
				<urn:example:%1$sT> a skos:Concept, tg:Tag ; skos:notation "%1$sT" ; skos:prefLabel "电动汽车车主"@zh ;
				    skos:altLabel "EV车主 %1$s"@zh, "电动车 %1$s"@zh ; skos:definition "有充电桩档案"@zh ;
				    skos:broader <urn:example:%1$sC> .
				""".formatted(prefix);
		Model model = parse(ttl, Lang.TURTLE);
		var out = new java.io.ByteArrayOutputStream();
		org.apache.jena.riot.RDFDataMgr.write(out, model, Lang.RDFXML);

		var reply = client.post("/api/import/skos", out.toByteArray(), "application/rdf+xml", "application/json");

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().path("contents").path("tags").asInt()).isEqualTo(1);
		assertThat(reply.body().path("contents").path("synonyms").asInt()).isEqualTo(2);
		try (var session = driver.session()) {
			var synonyms = session
				.run("""
						MATCH (f:FreeTag)-[:SYNONYM_OF]->(:Tag {code: $code}) RETURN f.text AS text, f.normalized AS n ORDER BY text""",
						Map.of("code", prefix + "T"))
				.list(r -> r.get("text").asString() + "|" + r.get("n").asString());
			assertThat(synonyms).containsExactly("EV车主 %s|ev车主 %s".formatted(prefix, prefix.toLowerCase()),
					"电动车 %s|电动车 %s".formatted(prefix, prefix.toLowerCase()));
		}
		var tag = client.query("query($c: ID!) { tag(code: $c) { rule tagClass { code } } }",
				Map.of("c", prefix + "T"));
		assertThat(tag.data("tag.rule").asString()).isEqualTo("有充电桩档案");
	}

	@Test
	void aVocabularyThatIsNotATreeIsRefusedWithEveryConceptNamedAndNothingWritten() {
		String ttl = Turtle.withPrefixes("http://example.org/%1$s/", """
				ex:a skos:notation "%1$sA" ; skos:prefLabel "甲"@zh ; skos:broader ex:b .
				ex:b skos:notation "%1$sB" ; skos:prefLabel "乙"@zh ; skos:broader ex:a .
				ex:c skos:notation "%1$sC" ; skos:prefLabel "丙"@zh ; skos:broader ex:d, ex:e .
				ex:d skos:notation "%1$sD" ; skos:prefLabel "丁"@zh .
				ex:e skos:notation "%1$sD" ; skos:prefLabel "戊"@zh .
				ex:t a tg:Tag ; skos:notation "%1$sT" ; skos:prefLabel "标签"@zh .
				ex:u a skos:Concept ; skos:notation "bad code!" ; skos:prefLabel "坏"@zh .
				""").formatted(prefix);
		Map<String, Object> before = GraphSnapshot.of(driver);

		var reply = importSkos(ttl, TURTLE, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(reply.body().path("committed").asBoolean()).isFalse();
		String errors = reply.body().path("problems").toString();
		assertThat(errors).contains("cycle", prefix + "A", prefix + "B", "http://example.org/" + prefix + "/a");
		assertThat(errors).contains("2 broader concepts", "http://example.org/" + prefix + "/c", "tree");
		assertThat(errors).contains("duplicate notation '" + prefix + "D'", "http://example.org/" + prefix + "/e");
		assertThat(errors).contains("tag concept needs one broader concept", prefix + "T");
		assertThat(errors).contains("bad code!");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void aTagGraphClassDividedWithoutCriterionOrExhaustiveWithoutTagsIsRefusedByIri() {
		String ttl = Turtle
			.withPrefixes("http://example.org/%1$s/",
					"""
							ex:top a skos:Concept, tg:TagClass ; skos:notation "%1$sTOP" ; skos:prefLabel "上位"@zh .
							ex:low a skos:Concept, tg:TagClass ; skos:notation "%1$sLOW" ; skos:prefLabel "下位"@zh ; skos:broader ex:top .
							ex:ex a skos:Concept, tg:TagClass ; skos:notation "%1$sEX" ; skos:prefLabel "穷尽"@zh ;
							    skos:scopeNote "按用途"@zh ; tg:exhaustive true .
							ex:ok a skos:Concept, tg:TagClass ; skos:notation "%1$sOK" ; skos:prefLabel "有标签的穷尽类"@zh ;
							    tg:exhaustive true .
							ex:tag a skos:Concept, tg:Tag ; skos:notation "%1$sT" ; skos:prefLabel "标签"@zh ; skos:broader ex:ok .
							""")
			.formatted(prefix);
		Map<String, Object> before = GraphSnapshot.of(driver);

		var reply = importSkos(ttl, TURTLE, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(reply.body().path("committed").asBoolean()).isFalse();
		JsonNode errors = reply.body().path("problems");
		assertThat(errors).hasSize(2);
		JsonNode division = errors.path(0);
		assertThat(division.path("iri").asString()).isEqualTo("http://example.org/" + prefix + "/top");
		assertThat(division.path("code").asString()).isEqualTo(prefix + "TOP");
		assertThat(division.path("kind").asString()).isEqualTo("STRUCTURAL_RULE");
		assertThat(division.path("rule").asString()).isEqualTo("DIVISION_WITHOUT_CRITERION");
		assertThat(division.path("message").asString()).contains(prefix + "LOW", "criterion");
		JsonNode empty = errors.path(1);
		assertThat(empty.path("iri").asString()).isEqualTo("http://example.org/" + prefix + "/ex");
		assertThat(empty.path("rule").asString()).isEqualTo("EXHAUSTIVE_CLASS_EMPTY");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(importSkos(ttl, TURTLE, true).body().path("problems")).hasSize(2);

		// with its criterion and without the empty exhaustive class, the same file
		// imports
		String fixed = ttl
			.replace("skos:prefLabel \"上位\"@zh .", "skos:prefLabel \"上位\"@zh ; skos:scopeNote \"按层\"@zh .")
			.replace("@zh ; tg:exhaustive true .\nex:ok", "@zh .\nex:ok");
		var imported = importSkos(fixed, TURTLE, false);
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
	}

	@Test
	void badSyntaxIsRefusedWithItsLineAndColumn() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		String ttl = """
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				<urn:example:%1$sA> a skos:Concept ; skos:prefLabel "甲"@zh .
				<urn:example:%1$sB> a skos:Concept ; nope:prefLabel "乙"@zh .
				""".formatted(prefix);

		var reply = importSkos(ttl, TURTLE, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		JsonNode error = reply.body().path("problems").path(0);
		assertThat(error.path("line").asInt()).isEqualTo(3);
		assertThat(error.path("column").asInt()).isPositive();
		assertThat(error.path("message").asString()).contains("line 3", "nope");

		var json = importSkos("{\"@id\": ", "application/ld+json", false);
		ImportAnswers.refused(json, 422, "IMPORT_REFUSED");
		ImportAnswers.refused(importSkos("x", "text/csv", false), 415, "UNSUPPORTED_MEDIA_TYPE");
		var big = client.post("/api/import/skos", new byte[3 * 1024 * 1024], TURTLE, "application/json");
		ImportAnswers.refused(big, 413, "REQUEST_TOO_LARGE");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void aCodeTheLibraryHoldsAsATagCannotBecomeAClass() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		String ttl = """
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				<urn:example:t> a skos:Concept ; skos:notation "T0101" ; skos:prefLabel "冒名"@zh .
				""";

		var reply = importSkos(ttl, TURTLE, false);

		ImportAnswers.refused(reply, 422, "IMPORT_REFUSED");
		assertThat(reply.body().path("problems").path(0).path("message").asString()).contains("T0101", "is a tag");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	private void deleteCodes(String... codes) {
		try (var session = driver.session()) {
			session
				.run("MATCH (c:TagClass) WHERE c.code IN $codes DETACH DELETE c",
						Map.of("codes", java.util.List.of(codes)))
				.consume();
		}
	}

	private ApiClient.Reply importSkos(String body, String contentType, boolean dryRun) {
		return client.post("/api/import/skos" + (dryRun ? "?dryRun=true" : ""), body, contentType, "application/json");
	}

	private HttpResponse<String> export(String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder().GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		return client.raw(request, "/api/export/skos");
	}

	static Model parse(String text, Lang lang) {
		Model model = ModelFactory.createDefaultModel();
		RDFParser.create()
			.source(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
			.lang(lang)
			.parse(model);
		return model;
	}

}
