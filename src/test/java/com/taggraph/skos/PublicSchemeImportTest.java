package com.taggraph.skos;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.importing.ImportAnswers;

/**
 * A public classification of several thousand concepts through the SKOS import: ISO
 * 3166-1 countries and their ISO 3166-2 subdivisions (5,376 concepts, three levels,
 * labels in many scripts), as Debian's iso-codes package ships them (LGPL-2.1+,
 * /usr/share/iso-codes/json; .ci/run installs it). No SKOS thesaurus can be had here
 * offline (only Maven Central, npm and Debian are reachable), so Jena writes the scheme
 * as SKOS Turtle first. Its own empty store.
 */
@ActiveProfiles("testusers")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "taggraph.neo4j.embedded.data-dir=target/test-neo4j/${random.uuid}",
				"taggraph.neo4j.embedded.bolt-port=0", "taggraph.neo4j.embedded.http-port=0",
				"taggraph.neo4j.embedded.http-enabled=false", "taggraph.demo.enabled=false",
				"taggraph.import.max-bytes=32MB" })
class PublicSchemeImportTest extends ApiTest {

	static final Path ISO_CODES = Iso3166Scheme.DEBIAN;

	@Test
	void iso3166ImportsWithItsChainsAndABrokenCopyWritesNothing() throws IOException {
		assumeTrue(Iso3166Scheme.available(ISO_CODES),
				"Debian's iso-codes package is not installed (apt-get install iso-codes)");
		Model scheme = Iso3166Scheme.model(ISO_CODES);
		int concepts = scheme.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList().size();
		assertThat(concepts).isGreaterThan(5000);

		// a dry run reports, writes nothing
		var empty = GraphSnapshot.of(driver);
		var dry = client.post("/api/import/skos?dryRun=true", turtle(scheme), "text/turtle", "application/json");
		assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
		assertThat(GraphSnapshot.of(driver)).isEqualTo(empty);

		String file = turtle(scheme);
		long started = System.nanoTime();
		var reply = client.post("/api/import/skos", file, "text/turtle", "application/json");
		org.apache.commons.logging.LogFactory.getLog(PublicSchemeImportTest.class)
			.info("Imported ISO 3166 as SKOS: %d concepts, %,d bytes of Turtle, in %d ms".formatted(concepts,
					file.getBytes(StandardCharsets.UTF_8).length, (System.nanoTime() - started) / 1_000_000));
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().path("contents").path("classes").asInt()).isEqualTo(concepts);

		// three levels: country, region, department; codes are the notations
		var ain = client.query("{ tagClass(code: \"FR-01\") { name level classChain { code name } } }");
		assertThat(ain.data("tagClass.name").asString()).isEqualTo("Ain");
		assertThat(ain.data("tagClass.level").asInt()).isEqualTo(3);
		assertThat(codes(ain.data("tagClass.classChain"))).containsExactly("FR", "FR-ARA", "FR-01");
		var kent = client.query("{ tagClass(code: \"GB-KEN\") { classChain { code } } }");
		assertThat(codes(kent.data("tagClass.classChain"))).containsExactly("GB", "GB-ENG", "GB-KEN");
		var roots = client.query("{ rootClasses { code } }");
		assertThat(roots.data("rootClasses")).hasSize(249);
		// countries carry no scopeNote: divided ones get the criterion derived from the
		// scheme, subdivisions keep theirs
		var france = client
			.query("{ a: tagClass(code: \"FR\") { criterion } b: tagClass(code: \"FR-ARA\") { criterion } }");
		assertThat(france.data("a.criterion").asString()).isEqualTo(
				"narrower concepts of SKOS scheme 'ISO 3166 countries and subdivisions' (no scopeNote in the file)");
		assertThat(france.data("b.criterion").asString()).isNotBlank().doesNotContain("SKOS scheme");
		var structural = client.query("{ ruleReport(categories: [STRUCTURAL]) { counts { kind violations } } }");
		for (var count : structural.data("ruleReport.counts")) {
			assertThat(count.path("violations").asInt()).as(count.toString()).isZero();
		}
		// every subdivision hangs below its country or its parent subdivision, as the
		// source says
		try (var session = driver.session()) {
			long misplaced = session.run("""
					MATCH (c:TagClass) WHERE c.code CONTAINS '-'
					MATCH (c)-[:BROADER]->+(root:TagClass) WHERE NOT EXISTS { (root)-[:BROADER]->() }
					WITH c, root WHERE NOT c.code STARTS WITH root.code + '-'
					RETURN count(c)""").single().get(0).asLong();
			assertThat(misplaced).isZero();
		}

		// a broken copy (Kent also below Scotland) is refused whole
		var before = GraphSnapshot.of(driver);
		scheme.getResource(Iso3166Scheme.BASE + "GB-KEN")
			.addProperty(SKOS.broader, scheme.getResource(Iso3166Scheme.BASE + "GB-SCT"));
		scheme.getResource(Iso3166Scheme.BASE + "FR-01").addProperty(SKOS.prefLabel, "Ain (modifié)", "fr");
		var refused = client.post("/api/import/skos", turtle(scheme), "text/turtle", "application/json");
		ImportAnswers.refused(refused, 422, "IMPORT_REFUSED");
		assertThat(refused.body().path("problems").toString()).contains("GB-KEN", "2 broader concepts");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	static String turtle(Model model) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RDFDataMgr.write(out, model, RDFFormat.TURTLE_BLOCKS);
		return out.toString(StandardCharsets.UTF_8);
	}

}
