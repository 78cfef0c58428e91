package com.taggraph.skos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;
import com.taggraph.graph.CypherRows;
import com.taggraph.graph.GraphModel;

/**
 * The Cypher of SKOS interchange: the whole vocabulary in five reads, and the upsert of
 * facets, values and synonyms in a handful of UNWIND statements per kind, however many
 * concepts the file has. Classes and tags are written by the taxonomy module's
 * {@code TaxonomyWriter}.
 */
@Repository
class SkosRepository {

	private static final int BATCH = 5000;

	private final Neo4jClient neo4j;

	SkosRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	// ---- reads
	// --------------------------------------------------------------------------------

	SkosLibrary read(List<String> hidden) {
		SkosLibrary.Scheme scheme = neo4j.query("""
				MATCH (s:Scheme) RETURN s.code AS code, s.name AS name, s.version AS version, s.note AS note
				ORDER BY code LIMIT 1""")
			.fetchAs(SkosLibrary.Scheme.class)
			.mappedBy((types, r) -> new SkosLibrary.Scheme(r.get("code").asString(null), r.get("name").asString(null),
					r.get("version").asString(null), r.get("note").asString(null)))
			.one()
			.orElse(new SkosLibrary.Scheme(null, null, null, null));
		List<SkosLibrary.ClassEntry> classes = List.copyOf(neo4j
			.query("""
					MATCH (c:TagClass)
					RETURN c.code AS code, c.name AS name, c.criterion AS criterion, coalesce(c.exclusive, false) AS exclusive,
					       coalesce(c.exhaustive, false) AS exhaustive, c.scope AS scope,
					       [(c)-[:BROADER]->(p:TagClass) | p.code][0] AS parent, c.overlapReason AS overlapReason
					ORDER BY code""")
			.fetchAs(SkosLibrary.ClassEntry.class)
			.mappedBy((types, r) -> new SkosLibrary.ClassEntry(r.get("code").asString(), r.get("name").asString(null),
					r.get("criterion").asString(null), r.get("exclusive").asBoolean(), r.get("exhaustive").asBoolean(),
					r.get("scope").asString(null), r.get("parent").asString(null),
					r.get("overlapReason").asString(null)))
			.all());
		List<SkosLibrary.TagEntry> tags = List.copyOf(neo4j.query("""
				MATCH (t:Tag)
				RETURN t.code AS code, t.name AS name, t.rule AS rule, t.status AS status,
				       [(t)-[:IN_CLASS]->(c:TagClass) | c.code][0] AS classCode,
				       COLLECT { MATCH (t)-[:HAS_FACET_VALUE]->(v:FacetValue) RETURN v.code ORDER BY v.code } AS values,
				       COLLECT { MATCH (f:FreeTag)-[:SYNONYM_OF|PROMOTED_TO]->(t)
				                 UNWIND [f.text] + coalesce(f.spellings, []) AS text
				                 WITH DISTINCT text WHERE text <> t.name
				                 RETURN text ORDER BY text } AS synonyms
				ORDER BY code""")
			.fetchAs(SkosLibrary.TagEntry.class)
			.mappedBy((types, r) -> new SkosLibrary.TagEntry(r.get("code").asString(), r.get("name").asString(null),
					r.get("rule").asString(null), r.get("status").asString(null), r.get("classCode").asString(null),
					r.get("values").asList(Value::asString), r.get("synonyms").asList(Value::asString)))
			.all()
			.stream()
			// hidden tags are dropped here, not in the Cypher: Neo4j 5.26's planner fails
			// this statement ("t.code should not appear non-cached") with that filter
			.filter(tag -> !hidden.contains(tag.code()))
			.toList());
		List<SkosLibrary.FacetEntry> facets = List.copyOf(neo4j.query("""
				MATCH (f:Facet)
				RETURN f.code AS code, f.name AS name, f.criterion AS criterion,
				       [(f)-[:SUB_FACET_OF]->(p:Facet) | p.code][0] AS parent
				ORDER BY code""")
			.fetchAs(SkosLibrary.FacetEntry.class)
			.mappedBy((types, r) -> new SkosLibrary.FacetEntry(r.get("code").asString(), r.get("name").asString(null),
					r.get("criterion").asString(null), r.get("parent").asString(null)))
			.all());
		List<SkosLibrary.ValueEntry> values = List.copyOf(neo4j.query("""
				MATCH (v:FacetValue)
				RETURN v.code AS code, v.name AS name, [(v)-[:OF_FACET]->(f:Facet) | f.code][0] AS facet
				ORDER BY code""")
			.fetchAs(SkosLibrary.ValueEntry.class)
			.mappedBy((types, r) -> new SkosLibrary.ValueEntry(r.get("code").asString(), r.get("name").asString(null),
					r.get("facet").asString(null)))
			.all());
		return new SkosLibrary(scheme, classes, tags, facets, values);
	}

	/** Free tags (by normalised text) already taken into a tag, with that tag's code. */
	Map<String, String> synonymTargets(Collection<String> normalized) {
		return CypherRows.pairs(neo4j.query("""
				UNWIND $normalized AS n
				MATCH (:FreeTag {normalized: n})-[:SYNONYM_OF|PROMOTED_TO]->(t:Tag)
				RETURN n AS key, t.code AS value""").bind(List.copyOf(normalized)).to("normalized"));
	}

	// ---- writes
	// -------------------------------------------------------------------------------

	/**
	 * Serialises this import with hierarchy and facet edits, as those take the same
	 * locks.
	 */
	void lock() {
		neo4j.query(
				"UNWIND ['taxonomy', 'facets'] AS name MERGE (l:TaxonomyLock {name: name}) SET l.lockedAt = datetime()")
			.run();
	}

	/** The scheme is taken from the file only into a library that has none. */
	void createSchemeIfNone(SkosLibrary.Scheme scheme) {
		neo4j.query("""
				OPTIONAL MATCH (existing:Scheme)
				WITH count(existing) AS schemes WHERE schemes = 0
				CREATE (:Scheme {code: $scheme.code, name: $scheme.name, version: $scheme.version, note: $scheme.note,
				                 loadedAt: datetime()})""").bind(schemeMap(scheme)).to("scheme").run();
	}

	/** A free tag's text to merge into a tag, with its normalised form. */
	record Synonym(String tag, String text, String normalized) {
	}

	void upsertFacets(List<SkosLibrary.FacetEntry> facetEntries, List<SkosLibrary.ValueEntry> valueEntries,
			String status) {
		List<Map<String, Object>> facets = rows(facetEntries, f -> CypherParameters.of("code", f.code(), "name",
				f.name(), "criterion", f.criterion(), "parent", f.parent(), "status", status));
		List<Map<String, Object>> values = rows(valueEntries,
				v -> CypherParameters.of("code", v.code(), "name", v.name(), "facet", v.facet()));
		inBatches(facets, """
				UNWIND $rows AS row
				MERGE (f:Facet {code: row.code})
				SET f.status = coalesce(row.status, %s), f.name = row.name, f.criterion = row.criterion"""
			.formatted(GraphModel.status("f")));
		relinkParents(facets, "Facet", "SUB_FACET_OF");
		inBatches(values, """
				UNWIND $rows AS row
				MATCH (f:Facet {code: row.facet})
				MERGE (v:FacetValue {code: row.code})
				SET v.name = row.name
				WITH v, f
				OPTIONAL MATCH (v)-[old:OF_FACET]->(:Facet)
				DELETE old
				WITH DISTINCT v, f
				CREATE (v)-[:OF_FACET]->(f)""");
	}

	/** Each tag's values become those of the file. */
	void replaceTagValues(List<SkosLibrary.TagEntry> tags) {
		inBatches(rows(tags, t -> CypherParameters.of("code", t.code(), "values", t.values())), """
				UNWIND $rows AS row
				MATCH (t:Tag {code: row.code})
				OPTIONAL MATCH (t)-[old:HAS_FACET_VALUE]->(:FacetValue)
				DELETE old
				WITH DISTINCT t, row
				UNWIND row.values AS code
				MATCH (v:FacetValue {code: code})
				CREATE (t)-[:HAS_FACET_VALUE]->(v)""");
	}

	/**
	 * Each synonym a free tag (found by its normalised text, or created) merged into its
	 * tag.
	 */
	void mergeSynonyms(List<Synonym> synonyms) {
		inBatches(rows(synonyms, f -> CypherParameters
			.of("tag", f.tag(), "text", f.text(), "normalized", f.normalized())), """
					UNWIND $rows AS row
					MATCH (t:Tag {code: row.tag})
					MERGE (f:FreeTag {normalized: row.normalized})
					  ON CREATE SET f.text = row.text, f.createdAt = datetime()
					// every spelling is kept, as a promotion keeps them (ＶＩＰ and vip are two altLabels, one free tag)
					SET f.spellings = CASE WHEN row.text IN [f.text] + coalesce(f.spellings, []) THEN f.spellings
					                       ELSE coalesce(f.spellings, []) + row.text END
					MERGE (f)-[:SYNONYM_OF]->(t)""");
	}

	/**
	 * Each row's node hangs below {@code row.parent} (none when null) and nowhere else;
	 * label and type are constants.
	 */
	private void relinkParents(List<Map<String, Object>> rows, String label, String type) {
		inBatches(rows, """
				UNWIND $rows AS row
				MATCH (n:%1$s {code: row.code})
				OPTIONAL MATCH (n)-[old:%2$s]->(:%1$s)
				DELETE old
				WITH DISTINCT n, row WHERE row.parent IS NOT NULL
				MATCH (p:%1$s {code: row.parent})
				CREATE (n)-[:%2$s]->(p)""".formatted(label, type));
	}

	private void inBatches(List<Map<String, Object>> rows, String cypher) {
		for (int i = 0; i < rows.size(); i += BATCH) {
			neo4j.query(cypher).bind(rows.subList(i, Math.min(rows.size(), i + BATCH))).to("rows").run();
		}
	}

	private static Map<String, Object> schemeMap(SkosLibrary.Scheme s) {
		Map<String, Object> map = CypherParameters.of("code", s.code(), "name", s.name(), "version", s.version(),
				"note", s.note());
		return map;
	}

	private static <T> List<Map<String, Object>> rows(List<T> entries,
			java.util.function.Function<T, Map<String, Object>> row) {
		List<Map<String, Object>> rows = new ArrayList<>(entries.size());
		entries.forEach(e -> rows.add(row.apply(e)));
		return rows;
	}

}
