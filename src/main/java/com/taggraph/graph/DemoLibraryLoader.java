package com.taggraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.Resource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the bundled demo tag library (classes, tags, facets, source systems and lineage) into an
 * empty database, in one transaction; the classes and tags through the taxonomy module, their one writer. It never runs over existing data: a library that already has
 * classes or tags, or a previous demo load, is left alone.
 */
final class DemoLibraryLoader {

	private static final Log log = LogFactory.getLog(DemoLibraryLoader.class);

	private final Neo4jClient neo4j;
	private final TransactionTemplate tx;
	private final JsonMapper json;
	private final DemoLibraryTaxonomy taxonomy;

	DemoLibraryLoader(Neo4jClient neo4j, TransactionTemplate tx, JsonMapper json, DemoLibraryTaxonomy taxonomy) {
		this.neo4j = neo4j;
		this.tx = tx;
		this.json = json;
		this.taxonomy = taxonomy;
	}

	/** @return whether the library was loaded */
	boolean loadIfEmpty(Resource library) {
		Map<String, Object> data = read(library);
		@SuppressWarnings("unchecked")
		Map<String, Object> scheme = (Map<String, Object>) data.get("scheme");
		Boolean loaded = tx.execute(status -> {
			boolean hasData = neo4j.query("""
					RETURN EXISTS { (:Scheme {code: $scheme}) }
					    OR EXISTS { (:TagClass) } OR EXISTS { (:Tag) } AS hasData
					""")
				.bind(scheme.get("code")).to("scheme")
				.fetchAs(Boolean.class).one().orElse(false);
			if (hasData) {
				return false;
			}
			write(data);
			return true;
		});
		if (Boolean.TRUE.equals(loaded)) {
			log.info("Loaded demo tag library %s (%s) from %s".formatted(scheme.get("code"), scheme.get("name"),
					library.getDescription()));
		}
		else {
			log.info("Database already holds a tag library; demo library not loaded");
		}
		return Boolean.TRUE.equals(loaded);
	}

	private void write(Map<String, Object> data) {
		run("""
				CREATE (s:Scheme {code: $scheme.code, name: $scheme.name, version: $scheme.version,
				                  note: $scheme.note, loadedAt: datetime()})
				""", "scheme", data.get("scheme"));
		taxonomy.writeClasses(rows(data, "classes").stream()
			.map(c -> new DemoLibraryTaxonomy.DemoClass(text(c, "code"), text(c, "parent"), text(c, "name"),
					text(c, "criterion"), Boolean.TRUE.equals(c.get("exclusive")), Boolean.TRUE.equals(c.get("exhaustive")),
					text(c, "scope")))
			.toList());
		run("""
				UNWIND $facets AS f
				CREATE (facet:Facet {code: f.code, name: f.name, criterion: f.criterion, status: 'APPROVED'})
				WITH facet, f
				UNWIND f.values AS v
				CREATE (value:FacetValue {code: v.code, name: v.name, customersWithAnyOf: v.customersWithAnyOf})
				CREATE (value)-[:OF_FACET]->(facet)
				""", "facets", data.get("facets"));
		run("""
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
				""", "systems", data.get("sourceSystems"));
		taxonomy.writeTags(rows(data, "tags").stream()
			.map(t -> new DemoLibraryTaxonomy.DemoTag(text(t, "code"), text(t, "class"), text(t, "name"), text(t, "rule")))
			.toList());
		run("""
				UNWIND $tags AS row
				MATCH (t:Tag {code: row.code})
				UNWIND row.facetValues AS valueCode
				MATCH (v:FacetValue {code: valueCode})
				CREATE (t)-[:HAS_FACET_VALUE]->(v)
				""", "tags", data.get("tags"));
		run("""
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
				""", "tags", data.get("tags"));
		verify(data);
	}

	/** A silently skipped MATCH would load half a library; counting every edge catches that. */
	@SuppressWarnings("unchecked")
	private void verify(Map<String, Object> data) {
		var tags = (List<Map<String, Object>>) data.get("tags");
		long expectedDerivations = tags.stream().mapToLong(t -> ((List<?>) t.get("derivedFrom")).size()).sum();
		long expectedFacetValues = tags.stream().mapToLong(t -> ((List<?>) t.get("facetValues")).size()).sum();
		Map<String, Object> counts = neo4j.query("""
				RETURN COUNT { (:Tag)-[:IN_CLASS]->(:TagClass) } AS inClass,
				       COUNT { (:Tag)-[:HAS_FACET_VALUE]->(:FacetValue) } AS facetValues,
				       COUNT { (:Tag)-[:DERIVED_FROM]->() } AS derivations
				""").fetch().one().orElseThrow();
		if (((Number) counts.get("inClass")).longValue() != tags.size()
				|| ((Number) counts.get("facetValues")).longValue() != expectedFacetValues
				|| ((Number) counts.get("derivations")).longValue() != expectedDerivations) {
			throw new IllegalStateException("Demo library references codes it does not define; loaded " + counts
					+ ", expected inClass=" + tags.size() + " facetValues=" + expectedFacetValues + " derivations="
					+ expectedDerivations);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> data, String key) {
		return (List<Map<String, Object>>) data.get(key);
	}

	private static String text(Map<String, Object> row, String key) {
		Object value = row.get(key);
		return value == null ? null : value.toString();
	}

	private void run(String cypher, String name, Object value) {
		neo4j.query(cypher).bind(value).to(name).run();
	}

	private Map<String, Object> read(Resource library) {
		try (InputStream in = library.getInputStream()) {
			return json.readValue(in, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read demo library " + library, ex);
		}
	}
}
