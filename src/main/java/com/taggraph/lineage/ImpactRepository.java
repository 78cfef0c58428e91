package com.taggraph.lineage;

import java.util.List;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * The Cypher of downstream impact: a source (system, table or field), the fields in it,
 * and every tag derived from those fields, transitively, in one statement. Tags are read
 * as a set (no paths), so diamonds in the derivation graph cost nothing; the degrees are
 * worked out from the edges returned.
 */
@Repository
class ImpactRepository {

	/**
	 * Derivation hops read past the fields; one more than the deepest maxDepth, to tell a
	 * cut.
	 */
	static final int HOPS_READ = SourceRepository.DEPTH_CAP + 1;

	private final Neo4jClient neo4j;

	ImpactRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * What a source's impact is shaped from: the source, the codes of its fields, the
	 * fields some visible tag derives from, and every tag reached.
	 */
	record ImpactRead(Lineage.Node source, List<String> fieldCodes, List<FieldRead> fields, List<TagRead> tags) {
	}

	/** A field with its table and system, codes and names. */
	record FieldRead(String code, String name, String table, String tableName, String system, String systemName) {
	}

	/**
	 * A tag reached, with its class and every derivation it has (the caller keeps those
	 * inside the impact).
	 */
	record TagRead(String code, String name, String classCode, String className,
			List<SourceRepository.Derivation> from) {
	}

	/**
	 * The impact of the source, read in one statement; empty for an unknown source. The
	 * hidden tags are walked as if they did not exist: neither reached nor walked
	 * through.
	 */
	Optional<ImpactRead> read(String sourceCode, List<String> hidden) {
		// The tags are one breadth-first walk from the source itself, each node visited
		// once (DISTINCT lets
		// the planner prune). Enumerating the paths from every field instead visits a tag
		// once per path: with
		// diamonds, 236,343 paths for 7,016 tags under one hot field of the 100x library
		// (BENCHMARKS.md).
		// Walked backwards, IN_SYSTEM and IN_TABLE reach only the source's own tables and
		// fields. The bounds
		// are literals (Cypher takes no parameter there): HOPS_READ derivation hops past
		// the fields, plus
		// one hop per IN_TABLE and IN_SYSTEM.
		return neo4j
			.query("""
					CALL () {
					  MATCH (s:SourceSystem {code: $code}) RETURN s AS src, 'SOURCE_SYSTEM' AS kind
					  UNION
					  MATCH (s:SourceTable {code: $code}) RETURN s AS src, 'SOURCE_TABLE' AS kind
					  UNION
					  MATCH (s:SourceField {code: $code}) RETURN s AS src, 'SOURCE_FIELD' AS kind
					}
					WITH src, kind LIMIT 1
					CALL (src) {
					  WITH src WHERE src:SourceField RETURN src AS f
					  UNION
					  MATCH (f:SourceField)-[:IN_TABLE]->(src) RETURN f
					  UNION
					  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(src) RETURN f
					}
					WITH src, kind, collect(f) AS fields
					CALL (src) {
					  CALL (src) {
					    WITH src WHERE src:SourceField
					    MATCH p = (src)<-[:DERIVED_FROM*1..21]-(t:Tag) WHERE all(x IN nodes(p) WHERE NOT x.code IN $hidden)
					    RETURN DISTINCT t
					    UNION
					    WITH src WHERE src:SourceTable
					    MATCH p = (src)<-[:IN_TABLE|DERIVED_FROM*1..22]-(t:Tag) WHERE all(x IN nodes(p) WHERE NOT x.code IN $hidden)
					    RETURN DISTINCT t
					    UNION
					    WITH src WHERE src:SourceSystem
					    MATCH p = (src)<-[:IN_SYSTEM|IN_TABLE|DERIVED_FROM*1..23]-(t:Tag)
					    WHERE all(x IN nodes(p) WHERE NOT x.code IN $hidden)
					    RETURN DISTINCT t
					  }
					  RETURN collect(t) AS tags
					}
					RETURN {code: src.code, kind: kind, name: coalesce(src.name, src.tableName)} AS source,
					       [f IN fields | f.code] AS fieldCodes,
					       [f IN fields WHERE EXISTS { (f)<-[:DERIVED_FROM]-(t:Tag) WHERE NOT t.code IN $hidden } |
					          f {.code, .name, table: [(f)-[:IN_TABLE]->(tb) | tb.code][0],
					             tableName: [(f)-[:IN_TABLE]->(tb) | coalesce(tb.name, tb.tableName)][0],
					             system: [(f)-[:IN_TABLE]->()-[:IN_SYSTEM]->(s) | s.code][0],
					             systemName: [(f)-[:IN_TABLE]->()-[:IN_SYSTEM]->(s) | s.name][0]}] AS fields,
					       [t IN tags |
					          t {.code, .name, classCode: [(t)-[:IN_CLASS]->(c) | c.code][0],
					             className: [(t)-[:IN_CLASS]->(c) | c.name][0],
					             from: [(t)-[d:DERIVED_FROM]->(x) WHERE NOT x.code IN $hidden
						 | [x.code, CASE WHEN any(h IN $hidden WHERE d.transform CONTAINS h) THEN null ELSE d.transform END]]}] AS tags""")
			.bind(sourceCode)
			.to("code")
			.bind(hidden)
			.to("hidden")
			.fetchAs(ImpactRead.class)
			.mappedBy((types, r) -> new ImpactRead(source(r.get("source")), r.get("fieldCodes").asList(Value::asString),
					r.get("fields").asList(ImpactRepository::field), r.get("tags").asList(ImpactRepository::tag)))
			.one();
	}

	private static Lineage.Node source(Value source) {
		return new Lineage.Node(source.get("code").asString(), source.get("kind").asString(),
				source.get("name").asString(null), 0);
	}

	private static FieldRead field(Value f) {
		return new FieldRead(f.get("code").asString(), f.get("name").asString(null), f.get("table").asString(null),
				f.get("tableName").asString(null), f.get("system").asString(null), f.get("systemName").asString(null));
	}

	private static TagRead tag(Value t) {
		return new TagRead(t.get("code").asString(), t.get("name").asString(null), t.get("classCode").asString(null),
				t.get("className").asString(null), t.get("from")
					.asList(d -> new SourceRepository.Derivation(d.get(0).asString(), d.get(1).asString(null))));
	}

}
