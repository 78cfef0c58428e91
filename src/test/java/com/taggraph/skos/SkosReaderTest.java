package com.taggraph.skos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;

import com.taggraph.error.InputRules;
import com.taggraph.importing.ImportProblem;

/**
 * How a SKOS graph reads as a library, without a database: codes, facets, and what is
 * refused.
 */
class SkosReaderTest {

	@Test
	void codesComeFromTheIrisLastSegmentAndStayValid() {
		assertThat(SkosCodes.codeFromIri("http://vocabularies.unesco.org/thesaurus/concept10")).isEqualTo("concept10");
		assertThat(SkosCodes.codeFromIri("http://zbw.eu/stw/descriptor/10001-6")).isEqualTo("10001-6");
		assertThat(SkosCodes.codeFromIri("http://example.org/voc#Solar%20power")).isEqualTo("Solar-power");
		assertThat(SkosCodes.codeFromIri("urn:example:电力/")).isEqualTo("电力");
		assertThat(SkosCodes.codeFromIri("http://example.org/x/_hidden")).isEqualTo("hidden");
		String empty = SkosCodes.codeFromIri("http://example.org/x/%%%");
		assertThat(empty).startsWith("c-").hasSize(10);
		assertThat(InputRules.codeProblem(empty)).isNull();
		String longest = SkosCodes.codeFromIri("http://example.org/" + "a".repeat(200));
		assertThat(longest).hasSize(InputRules.MAX_CODE - 9);
	}

	@Test
	void conceptsThatWouldShareACodeBothGetTheirIrisHashAndTheSameFileGivesTheSameCodes() {
		String ttl = """
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				<http://a.example/energy> a skos:Concept ; skos:prefLabel "Energy A"@en .
				<http://b.example/energy> a skos:Concept ; skos:prefLabel "Energy B"@en ; skos:broader <http://a.example/energy> .
				<http://c.example/power> a skos:Concept ; skos:notation "energy" ; skos:prefLabel "Power"@en .
				""";

		var first = read(ttl);
		var second = read(ttl);

		assertThat(first.problems()).isEmpty();
		List<String> codes = first.library().classes().stream().map(SkosLibrary.ClassEntry::code).toList();
		assertThat(codes).containsExactlyInAnyOrder("energy", "energy-" + SkosCodes.hash("http://a.example/energy"),
				"energy-" + SkosCodes.hash("http://b.example/energy"));
		assertThat(second.library()).isEqualTo(first.library());
	}

	@Test
	void collectionsOfCollectionsAreFacetsAndTheirTagMembersCarryTheValues() {
		String ttl = Turtle.withPrefixes("http://example.org/", """
				ex:c a skos:Concept ; skos:notation "C" ; skos:prefLabel "类"@zh .
				ex:t1 a tg:Tag ; skos:notation "T1" ; skos:prefLabel "一"@zh ; skos:broader ex:c .
				ex:t2 a tg:Tag ; skos:notation "T2" ; skos:prefLabel "二"@zh ; skos:broader ex:c .
				ex:freq a skos:Collection ; skos:prefLabel "频度"@zh ; skos:scopeNote "按更新频度"@zh ;
				    skos:member ex:daily, ex:monthly, ex:sub .
				ex:daily a skos:Collection ; skos:prefLabel "日"@zh ; skos:member ex:t1, ex:c .
				ex:monthly a skos:Collection ; skos:prefLabel "月"@zh ; skos:member ex:t2 .
				ex:sub a skos:Collection ; skos:prefLabel "亚面"@zh ; skos:scopeNote "按更细的频度"@zh ; skos:member ex:hourly .
				ex:hourly a skos:Collection ; skos:prefLabel "时"@zh ; skos:member ex:t1 .
				""");

		var read = read(ttl);

		assertThat(read.problems()).hasSize(1);
		assertThat(read.problems().get(0).message()).contains("2 values of facet freq", "daily", "hourly");
		assertThat(read.library().facets()).containsExactly(new SkosLibrary.FacetEntry("freq", "频度", "按更新频度", null),
				new SkosLibrary.FacetEntry("sub", "亚面", "按更细的频度", "freq"));
		assertThat(read.library().values()).containsExactly(new SkosLibrary.ValueEntry("daily", "日", "freq"),
				new SkosLibrary.ValueEntry("hourly", "时", "sub"), new SkosLibrary.ValueEntry("monthly", "月", "freq"));
		assertThat(read.library().tags().get(1).values()).containsExactly("monthly");
	}

	@Test
	void aForeignThesaurussCollectionsOfClassesAreNoFacetsAndAFacetNeedsACriterion() {
		var foreign = read("""
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				@prefix ex: <http://example.org/> .
				ex:energy a skos:Concept ; skos:prefLabel "Energy"@en .
				ex:solar a skos:Concept ; skos:prefLabel "Solar"@en ; skos:broader ex:energy .
				ex:domain a skos:Collection ; skos:prefLabel "Domain"@en ; skos:member ex:micro .
				ex:micro a skos:Collection ; skos:prefLabel "Microthesaurus"@en ; skos:member ex:energy, ex:solar .
				""");
		assertThat(foreign.problems()).isEmpty();
		assertThat(foreign.library().classes()).hasSize(2);
		assertThat(foreign.library().facets()).isEmpty();
		assertThat(foreign.library().values()).isEmpty();

		var noCriterion = read(Turtle.withPrefixes("http://example.org/", """
				ex:c a skos:Concept ; skos:notation "C" ; skos:prefLabel "类"@zh .
				ex:t a tg:Tag ; skos:notation "T" ; skos:prefLabel "标签"@zh ; skos:broader ex:c .
				ex:f a skos:Collection ; skos:notation "F" ; skos:prefLabel "面"@zh ; skos:member ex:v .
				ex:v a skos:Collection ; skos:notation "F.V" ; skos:prefLabel "值"@zh ; skos:member ex:t .
				"""));
		assertThat(noCriterion.problems()).extracting(ImportProblem::message)
			.containsExactly("facet has no criterion: give it a skos:scopeNote");
		assertThat(noCriterion.problems()).extracting(ImportProblem::code).containsExactly("F");
	}

	private static SkosReader.Read read(String ttl) {
		return SkosReader.read(SkosImportTest.parse(ttl, Lang.TURTLE));
	}

}
