package com.taggraph.lineage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
	 * One row: {@code source} {code, kind, name}; {@code fields}, each {code, name,
	 * table, tableName, system, systemName}; {@code tags}, each {code, name, classCode,
	 * className, from: [[code, transform]]} with from every derivation the tag has (the
	 * caller keeps those inside the impact). Empty for an unknown source. The hidden tags
	 * are walked as if they did not exist: neither reached nor walked through.
	 */
	Optional<Map<String, Object>> read(String sourceCode, List<String> hidden) {
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
					             from: [(t)-[d:DERIVED_FROM]->(x) WHERE NOT x.code IN $hidden | [x.code, d.transform]]}] AS tags""")
			.bind(sourceCode)
			.to("code")
			.bind(hidden)
			.to("hidden")
			.fetch()
			.one();
	}

}
