package com.taggraph.skos;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/**
 * The library as a SKOS graph: one ConceptScheme; classes and tags as Concepts (notation
 * = code, prefLabel@zh = name) linked broader/narrower, roots as top concepts; a class's
 * criterion as its scopeNote and a tag's rule as its definition; synonyms as altLabels;
 * each facet a Collection of its sub-facets and values, each value a Collection of the
 * tags that carry it.
 */
final class SkosExport {

	private SkosExport() {
	}

	static Model toModel(SkosLibrary library, SkosTerms terms) {
		Model model = ModelFactory.createDefaultModel();
		model.setNsPrefix("skos", SKOS.uri);
		model.setNsPrefix("dct", DCTerms.NS);
		model.setNsPrefix("owl", OWL.NS);
		model.setNsPrefix("xsd", XSD.NS);
		model.setNsPrefix("tg", SkosTerms.NS);
		model.setNsPrefix("concept", terms.concept(""));
		model.setNsPrefix("facet", terms.facet(""));

		SkosLibrary.Scheme s = library.scheme();
		Resource scheme = model.createResource(terms.scheme(s.code()), SKOS.ConceptScheme);
		literal(scheme, SKOS.notation, s.code());
		text(scheme, DCTerms.title, s.name() == null ? "TagGraph" : s.name());
		literal(scheme, OWL.versionInfo, s.version());
		literal(scheme, DCTerms.description, s.note());

		Map<String, Resource> concepts = new HashMap<>();
		library.classes().forEach(c -> {
			Resource r = concept(model, terms, scheme, c.code(), c.name(), SkosTerms.TAG_CLASS);
			text(r, SKOS.scopeNote, c.criterion());
			r.addLiteral(SkosTerms.EXCLUSIVE, c.exclusive());
			r.addLiteral(SkosTerms.EXHAUSTIVE, c.exhaustive());
			literal(r, SkosTerms.SCOPE, c.scope());
			text(r, SkosTerms.OVERLAP_REASON, c.overlapReason());
			concepts.put(c.code(), r);
		});
		library.tags().forEach(t -> {
			Resource r = concept(model, terms, scheme, t.code(), t.name(), SkosTerms.TAG);
			text(r, SKOS.definition, t.rule());
			literal(r, SkosTerms.STATUS, t.status());
			t.synonyms().forEach(synonym -> text(r, SKOS.altLabel, synonym));
			concepts.put(t.code(), r);
		});
		library.classes().forEach(c -> place(concepts.get(c.code()), concepts.get(c.parent()), scheme));
		library.tags().forEach(t -> place(concepts.get(t.code()), concepts.get(t.classCode()), scheme));

		Map<String, Resource> collections = new HashMap<>();
		library.facets().forEach(f -> {
			Resource r = collection(model, terms, f.code(), f.name(), SkosTerms.FACET);
			text(r, SKOS.scopeNote, f.criterion());
			collections.put(f.code(), r);
		});
		library.values()
			.forEach(v -> collections.put(v.code(),
					collection(model, terms, v.code(), v.name(), SkosTerms.FACET_VALUE)));
		library.facets()
			.stream()
			.filter(f -> f.parent() != null)
			.forEach(f -> collections.get(f.parent()).addProperty(SKOS.member, collections.get(f.code())));
		library.values()
			.stream()
			.filter(v -> v.facet() != null)
			.forEach(v -> collections.get(v.facet()).addProperty(SKOS.member, collections.get(v.code())));
		library.tags()
			.forEach(t -> t.values()
				.forEach(value -> collections.get(value).addProperty(SKOS.member, concepts.get(t.code()))));
		return model;
	}

	private static Resource concept(Model model, SkosTerms terms, Resource scheme, String code, String name,
			Resource kind) {
		Resource r = model.createResource(terms.concept(code), SKOS.Concept);
		r.addProperty(RDF.type, kind);
		r.addProperty(SKOS.inScheme, scheme);
		r.addProperty(SKOS.notation, code);
		text(r, SKOS.prefLabel, name);
		return r;
	}

	private static Resource collection(Model model, SkosTerms terms, String code, String name, Resource kind) {
		Resource r = model.createResource(terms.facet(code), SKOS.Collection);
		r.addProperty(RDF.type, kind);
		r.addProperty(SKOS.notation, code);
		text(r, SKOS.prefLabel, name);
		return r;
	}

	/** Below its broader concept, or a top concept of the scheme. */
	private static void place(Resource concept, Resource broader, Resource scheme) {
		if (broader == null) {
			concept.addProperty(SKOS.topConceptOf, scheme);
			scheme.addProperty(SKOS.hasTopConcept, concept);
		}
		else {
			concept.addProperty(SKOS.broader, broader);
			broader.addProperty(SKOS.narrower, concept);
		}
	}

	private static void text(Resource r, Property p, String value) {
		if (value != null && !value.isEmpty()) {
			r.addProperty(p, value, SkosTerms.LANGUAGE);
		}
	}

	private static void literal(Resource r, Property p, String value) {
		if (value != null && !value.isEmpty()) {
			r.addProperty(p, value);
		}
	}

}
