package com.taggraph.skos;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.importing.ImportAnswers;

/**
 * Export, then import into an empty database, gives the same library; and thousands of
 * concepts import with their chains. Its own context and store, since it empties the
 * database: the demo library, plus a sub-facet and synonyms the demo lacks.
 */
@ActiveProfiles("testusers")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "taggraph.neo4j.embedded.data-dir=target/test-neo4j/${random.uuid}",
				"taggraph.neo4j.embedded.bolt-port=0", "taggraph.neo4j.embedded.http-port=0",
				"taggraph.neo4j.embedded.http-enabled=false", "taggraph.demo.customers=0",
				"taggraph.import.max-bytes=32MB", "taggraph.skos.base-iri=https://taggraph.example/" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkosRoundTripTest extends ApiTest {

	private static final Log log = LogFactory.getLog(SkosRoundTripTest.class);

	@Test
	@Order(1)
	void theDemoLibraryRoundTripsInEverySyntax() {
		run("""
				MATCH (t1:Tag {code: 'T0101'}), (t2:Tag {code: 'T0102'})
				CREATE (:FreeTag {text: '高压客户', normalized: '高压客户'})-[:SYNONYM_OF]->(t1)
				CREATE (:FreeTag {text: 'ＶＩＰ大户', normalized: 'vip大户', spellings: ['vip大户', 'VIP大户']})-[:PROMOTED_TO]->(t2)
				CREATE (top:Facet {code: 'F9', name: '测试面', criterion: '按时效'})
				CREATE (sub:Facet {code: 'F9.1', name: '测试亚面', criterion: '按更细的时效'})-[:SUB_FACET_OF]->(top)
				CREATE (a:FacetValue {code: 'F9.1.A', name: '甲'})-[:OF_FACET]->(sub)
				CREATE (:FacetValue {code: 'F9.1.B', name: '乙'})-[:OF_FACET]->(sub)
				CREATE (t1)-[:HAS_FACET_VALUE]->(a)""");
		Map<String, Object> library = library();

		long started = System.nanoTime();
		HttpResponse<String> turtle = export(client, "text/turtle");
		log.info("Exported the demo library as Turtle: %d characters in %d ms".formatted(turtle.body().length(),
				(System.nanoTime() - started) / 1_000_000));
		var original = SkosImportTest.parse(turtle.body(), Lang.TURTLE);

		for (Lang lang : new Lang[] { Lang.TURTLE, Lang.RDFXML, Lang.JSONLD }) {
			String body = lang == Lang.TURTLE ? turtle.body() : export(client, lang.getHeaderString()).body();
			run("MATCH (n) DETACH DELETE n");

			// an admin restores the library as it was, statuses included; a steward's
			// import would land as drafts
			var reply = client.post("/api/import/skos?status=APPROVED", body, lang.getHeaderString(),
					"application/json");

			assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
			assertThat(reply.body().path("counts").path("created").asInt()).isEqualTo(66 + 127 + 12 + 39);
			assertThat(library()).as(lang.getLabel()).isEqualTo(library);
			var again = SkosImportTest.parse(export(client, "text/turtle").body(), Lang.TURTLE);
			assertThat(again.isIsomorphicWith(original)).as(lang.getLabel()).isTrue();
		}
		var chain = client.query("{ tagClass(code: \"C07.02.01\") { classChain { code } } }");
		assertThat(codes(chain.data("tagClass.classChain"))).containsExactly("C07", "C07.02", "C07.02.01");
	}

	/**
	 * A generated thesaurus (not a published one): 5 levels, fan-out 5, 3,905 concepts
	 * without notations, so every code is made from the IRI; a file with one second
	 * broader is refused whole.
	 */
	@Test
	@Order(2)
	void thousandsOfConceptsImportWithTheirChainsAndABrokenFileWritesNothing() {
		StringBuilder ttl = new StringBuilder("""
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				@prefix t: <http://example.org/thesaurus/> .
				t:scheme a skos:ConceptScheme .
				""");
		int concepts = 0;
		List<String> level = List.of("");
		for (int depth = 1; depth <= 5; depth++) {
			List<String> next = new ArrayList<>();
			for (String parent : level) {
				for (int i = 1; i <= 5; i++) {
					String id = parent + (parent.isEmpty() ? "" : "_") + i;
					ttl.append("t:n%s a skos:Concept ; skos:prefLabel \"概念 %s\"@zh, \"concept %s\"@en ; %s .\n"
						.formatted(id, id, id,
								parent.isEmpty() ? "skos:topConceptOf t:scheme" : "skos:broader t:n" + parent));
					next.add(id);
					concepts++;
				}
			}
			level = next;
		}
		String valid = ttl.toString();

		long started = System.nanoTime();
		var reply = client.post("/api/import/skos", valid, "text/turtle", "application/json");
		log.info("Imported a generated thesaurus of %d concepts (%d characters) in %d ms".formatted(concepts,
				valid.length(), (System.nanoTime() - started) / 1_000_000));

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().path("contents").path("classes").asInt()).isEqualTo(concepts).isEqualTo(3905);
		var deepest = client.query("{ tagClass(code: \"n5_4_3_2_1\") { name level classChain { code } } }");
		assertThat(deepest.data("tagClass.name").asString()).isEqualTo("概念 5_4_3_2_1");
		assertThat(deepest.data("tagClass.level").asInt()).isEqualTo(5);
		assertThat(codes(deepest.data("tagClass.classChain"))).containsExactly("n5", "n5_4", "n5_4_3", "n5_4_3_2",
				"n5_4_3_2_1");

		Map<String, Object> before = GraphSnapshot.of(driver);
		String broken = valid.replace("t:n5_4_3_2_1 a skos:Concept ;",
				"t:n5_4_3_2_1 a skos:Concept ; skos:broader t:n1 ;")
				+ "t:new a skos:Concept ; skos:prefLabel \"新概念\"@zh .\n";
		var refused = client.post("/api/import/skos", broken, "text/turtle", "application/json");
		ImportAnswers.refused(refused, 422, "IMPORT_REFUSED");
		assertThat(refused.body().path("problems").toString()).contains("n5_4_3_2_1", "2 broader concepts");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	private Map<String, Object> library() {
		try (var session = driver.session()) {
			return session
				.run("""
						CALL () { MATCH (c:TagClass) WITH c ORDER BY c.code
						  RETURN collect([c.code, c.name, c.criterion, c.exclusive, c.exhaustive, c.scope, c.overlapReason,
						                  [(c)-[:BROADER]->(p) | p.code]]) AS classes }
						CALL () { MATCH (t:Tag) WITH t ORDER BY t.code
						  CALL (t) { MATCH (f:FreeTag)-[:SYNONYM_OF|PROMOTED_TO]->(t)
						             UNWIND [f.text] + coalesce(f.spellings, []) AS spelling
						             WITH f, spelling ORDER BY f.normalized, spelling
						             WITH f, collect(spelling) AS spellings
						             RETURN collect(f.normalized + '=' + reduce(s = '', x IN spellings | s + '|' + x)) AS synonyms }
						  RETURN collect([t.code, t.name, t.rule, t.status, [(t)-[:IN_CLASS]->(c) | c.code],
						                  COLLECT { MATCH (t)-[:HAS_FACET_VALUE]->(v) RETURN v.code ORDER BY v.code },
						                  synonyms]) AS tags }
						CALL () { MATCH (f:Facet) WITH f ORDER BY f.code
						  RETURN collect([f.code, f.name, f.criterion, [(f)-[:SUB_FACET_OF]->(p) | p.code]]) AS facets }
						CALL () { MATCH (v:FacetValue) WITH v ORDER BY v.code
						  RETURN collect([v.code, v.name, [(v)-[:OF_FACET]->(f) | f.code]]) AS values }
						CALL () { MATCH (s:Scheme) RETURN collect([s.code, s.name, s.version, s.note]) AS schemes }
						RETURN classes, tags, facets, values, schemes""")
				.single()
				.asMap();
		}
	}

	private void run(String cypher) {
		try (var session = driver.session()) {
			session.run(cypher).consume();
		}
	}

	private static HttpResponse<String> export(ApiClient client, String accept) {
		return client.raw(HttpRequest.newBuilder().GET().header("Accept", accept), "/api/export/skos");
	}

}
