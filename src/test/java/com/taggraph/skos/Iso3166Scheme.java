package com.taggraph.skos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ISO 3166-1 countries and ISO 3166-2 subdivisions, from Debian's iso-codes JSON, as a
 * SKOS concept scheme: countries are top concepts, each subdivision is below its parent
 * subdivision or its country, notation = the ISO code, prefLabel@en = the name, the
 * subdivision type as scopeNote.
 */
public final class Iso3166Scheme {

	public static final Path DEBIAN = Path.of("/usr/share/iso-codes/json");

	public static final String BASE = "https://iso.example/3166/";

	private Iso3166Scheme() {
	}

	public static boolean available(Path directory) {
		return Files.isReadable(directory.resolve("iso_3166-1.json"))
				&& Files.isReadable(directory.resolve("iso_3166-2.json"));
	}

	public static Model model(Path directory) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Model model = ModelFactory.createDefaultModel();
		model.setNsPrefix("skos", SKOS.uri);
		Resource scheme = model.createResource(BASE)
			.addProperty(RDF.type, SKOS.ConceptScheme)
			.addProperty(SKOS.prefLabel, "ISO 3166 countries and subdivisions", "en");
		for (JsonNode country : json.readTree(directory.resolve("iso_3166-1.json").toFile()).path("3166-1")) {
			concept(model, country.path("alpha_2").asString(), country.path("name").asString(), scheme)
				.addProperty(SKOS.topConceptOf, scheme);
		}
		Map<String, String> parents = new HashMap<>();
		for (JsonNode subdivision : json.readTree(directory.resolve("iso_3166-2.json").toFile()).path("3166-2")) {
			String code = subdivision.path("code").asString();
			String country = code.substring(0, code.indexOf('-'));
			String parent = subdivision.path("parent").asString(null);
			parents.put(code, parent == null ? country : parent.contains("-") ? parent : country + "-" + parent);
			concept(model, code, subdivision.path("name").asString(), scheme).addProperty(SKOS.scopeNote,
					subdivision.path("type").asString(), "en");
		}
		parents.forEach((code, parent) -> model.getResource(BASE + code)
			.addProperty(SKOS.broader, model.getResource(BASE + parent)));
		return model;
	}

	private static Resource concept(Model model, String code, String name, Resource scheme) {
		return model.createResource(BASE + code)
			.addProperty(RDF.type, SKOS.Concept)
			.addProperty(SKOS.notation, code)
			.addProperty(SKOS.prefLabel, name, "en")
			.addProperty(SKOS.inScheme, scheme);
	}

}
