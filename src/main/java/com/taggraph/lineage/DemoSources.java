package com.taggraph.lineage;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import com.taggraph.graph.DemoLibraryPart;

/**
 * The demo library's source systems, tables and fields, and what its tags derive from.
 */
@Component
@Order(3)
class DemoSources implements DemoLibraryPart {

	/** The data dictionary: a description for each field, keyed by its code. */
	static final String DICTIONARY = "demo/source-dictionary.json";

	@Override
	public void write(Map<String, Object> library, Neo4jClient neo4j) {
		neo4j.query("""
				UNWIND $systems AS s
				CREATE (system:SourceSystem {code: s.code, name: s.name, kind: s.kind, description: s.description})
				WITH system, s
				UNWIND s.tables AS t
				CREATE (table:SourceTable {code: s.code + '.' + t.code, name: t.name, tableName: t.code})
				CREATE (table)-[:IN_SYSTEM]->(system)
				WITH table, s, t
				UNWIND t.fields AS f
				CREATE (field:SourceField {code: s.code + '.' + t.code + '.' + f, name: f})
				CREATE (field)-[:IN_TABLE]->(table)
				""").bind(library.get("sourceSystems")).to("systems").run();
		neo4j.query("""
				UNWIND $tags AS row
				UNWIND row.derivedFrom AS source
				MATCH (t:Tag {code: row.code})
				CALL (t, source) {
				  WITH source WHERE source.field IS NOT NULL
				  MATCH (f:SourceField {code: source.system + '.' + source.table + '.' + source.field})
				  CREATE (t)-[:DERIVED_FROM]->(f)
				  UNION
				  WITH source WHERE source.tag IS NOT NULL
				  MATCH (upstream:Tag {code: source.tag})
				  CREATE (t)-[:DERIVED_FROM]->(upstream)
				}
				""").bind(library.get("tags")).to("tags").run();
		describeFields(neo4j);
		DemoLibraryPart.requireAllLinked(neo4j, library, "derivedFrom", "(:Tag)-[:DERIVED_FROM]->()", "sources or tags",
				"derivations");
	}

	/** Every demo field's description, from the demo's data dictionary. */
	private static void describeFields(Neo4jClient neo4j) {
		Map<String, Object> dictionary;
		try (var in = new org.springframework.core.io.ClassPathResource(DICTIONARY).getInputStream()) {
			dictionary = tools.jackson.databind.json.JsonMapper.builder()
				.build()
				.readValue(in, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
				});
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("cannot read " + DICTIONARY, ex);
		}
		neo4j.query("""
				UNWIND keys($dictionary) AS code
				MATCH (f:SourceField {code: code})
				SET f.description = $dictionary[code]""").bind(dictionary).to("dictionary").run();
	}

}
