package com.taggraph.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;
import com.taggraph.graph.GraphModel;
import com.taggraph.graph.Nodes;

/**
 * The Cypher of the source catalogue and of derivations:
 * {@code (:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem)},
 * {@code (:Tag)-[:DERIVED_FROM {transform}]->(:SourceField | :Tag)}. Every read answers
 * for many codes.
 */
@Repository
class SourceRepository {

	private final Neo4jClient neo4j;

	SourceRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	// ---- catalogue reads
	// ------------------------------------------------------------------------

	List<SourceSystem> systems(Collection<String> codes) {
		return List.copyOf(neo4j
			.query("""
					MATCH (s:SourceSystem)
					WHERE $codes IS NULL OR s.code IN $codes
					RETURN s.code AS code, s.name AS name, coalesce(s.kind, 'INTERNAL') AS kind, s.description AS description
					ORDER BY code""")
			.bindAll(CypherParameters.of("codes", codes))
			.fetchAs(SourceSystem.class)
			.mappedBy((types, r) -> new SourceSystem(r.get("code").asString(), r.get("name").asString(),
					r.get("kind").asString(), r.get("description").asString(null)))
			.all());
	}

	/** The tables with the given codes, or in the given systems. */
	List<SourceTable> tables(Collection<String> codes, Collection<String> systemCodes) {
		return List.copyOf(neo4j.query("""
				MATCH (t:SourceTable)-[:IN_SYSTEM]->(s:SourceSystem)
				WHERE t.code IN $codes OR s.code IN $systems
				RETURN t.code AS code, t.tableName AS tableName, t.name AS name, s.code AS systemCode
				ORDER BY code""")
			.bindAll(Map.of("codes", List.copyOf(codes), "systems", List.copyOf(systemCodes)))
			.fetchAs(SourceTable.class)
			.mappedBy((types, r) -> new SourceTable(r.get("code").asString(), r.get("tableName").asString(),
					r.get("name").asString(null), r.get("systemCode").asString()))
			.all());
	}

	/** The fields with the given codes, or in the given tables. */
	List<SourceField> fields(Collection<String> codes, Collection<String> tableCodes) {
		return List.copyOf(neo4j.query("""
				MATCH (f:SourceField)-[:IN_TABLE]->(t:SourceTable)
				WHERE f.code IN $codes OR t.code IN $tables
				RETURN f.code AS code, f.name AS name, f.description AS description, t.code AS tableCode
				ORDER BY code""")
			.bindAll(Map.of("codes", List.copyOf(codes), "tables", List.copyOf(tableCodes)))
			.fetchAs(SourceField.class)
			.mappedBy((types, r) -> new SourceField(r.get("code").asString(), r.get("name").asString(),
					r.get("description").asString(null), r.get("tableCode").asString()))
			.all());
	}

	/**
	 * Codes of the tags derived directly from each source (a system, table or field: from
	 * a field of it), by the source's code.
	 */
	Map<String, List<String>> tagsDerivedFrom(Collection<String> sourceCodes) {
		Map<String, List<String>> tags = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $codes AS code
				CALL (code) {
				  MATCH (f:SourceField {code: code}) RETURN f
				  UNION
				  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable {code: code}) RETURN f
				  UNION
				  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem {code: code}) RETURN f
				}
				MATCH (t:Tag)-[:DERIVED_FROM]->(f)
				WITH code, t.code AS tag ORDER BY tag
				RETURN code, collect(DISTINCT tag) AS tags""")
			.bind(List.copyOf(sourceCodes))
			.to("codes")
			.fetch()
			.all()
			.forEach(row -> tags.put((String) row.get("code"), strings(row.get("tags"))));
		return tags;
	}

	/** For each tag, the codes of the fields and tags it is derived from directly. */
	Map<String, Derivations> derivations(Collection<String> tagCodes) {
		Map<String, Derivations> result = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $codes AS code
				MATCH (t:Tag {code: code})
				RETURN code,
				       COLLECT { MATCH (t)-[:DERIVED_FROM]->(f:SourceField) RETURN f.code ORDER BY f.code } AS fields,
				       COLLECT { MATCH (t)-[:DERIVED_FROM]->(u:Tag) RETURN u.code ORDER BY u.code } AS tags""")
			.bind(List.copyOf(tagCodes))
			.to("codes")
			.fetch()
			.all()
			.forEach(row -> result.put((String) row.get("code"),
					new Derivations(strings(row.get("fields")), strings(row.get("tags")))));
		return result;
	}

	record Derivations(List<String> fields, List<String> tags) {
	}

	// ---- catalogue writes
	// -----------------------------------------------------------------------

	/**
	 * Serialises catalogue and derivation writes, so two derivations cannot together
	 * close a cycle.
	 */
	void lock() {
		neo4j.query("MERGE (l:TaxonomyLock {name: 'lineage'}) SET l.lockedAt = datetime()").run();
	}

	boolean exists(String label, String code) {
		// the label is a constant of the service, never request text
		return Nodes.exist(neo4j, label, "code", code);
	}

	void createSystem(String code, String name, String kind, String description) {
		neo4j.query("""
				CREATE (:SourceSystem {code: $code, name: $name, kind: $kind, description: $description,
				                       createdAt: datetime()})""")
			.bindAll(CypherParameters.of("code", code, "name", name, "kind", kind, "description", description))
			.run();
	}

	void updateSystem(String code, String name, String kind, String description) {
		neo4j.query("""
				MATCH (s:SourceSystem {code: $code})
				SET s.name = coalesce($name, s.name), s.kind = coalesce($kind, s.kind),
				    s.description = coalesce($description, s.description), s.updatedAt = datetime()""")
			.bindAll(CypherParameters.of("code", code, "name", name, "kind", kind, "description", description))
			.run();
	}

	void createTable(String systemCode, String code, String tableName, String name) {
		neo4j.query("""
				MATCH (s:SourceSystem {code: $system})
				CREATE (:SourceTable {code: $code, tableName: $tableName, name: $name, createdAt: datetime()})
				       -[:IN_SYSTEM]->(s)""")
			.bindAll(CypherParameters.of("system", systemCode, "code", code, "tableName", tableName, "name", name))
			.run();
	}

	void renameTable(String code, String name) {
		neo4j.query("MATCH (t:SourceTable {code: $code}) SET t.name = $name, t.updatedAt = datetime()")
			.bindAll(Map.of("code", code, "name", name))
			.run();
	}

	void createField(String tableCode, String code, String fieldName, String description) {
		neo4j.query("""
				MATCH (t:SourceTable {code: $table})
				CREATE (:SourceField {code: $code, name: $fieldName, description: $description, createdAt: datetime()})
				       -[:IN_TABLE]->(t)""")
			.bindAll(CypherParameters.of("table", tableCode, "code", code, "fieldName", fieldName, "description",
					description))
			.run();
	}

	void describeField(String code, String description) {
		neo4j.query("MATCH (f:SourceField {code: $code}) SET f.description = $description, f.updatedAt = datetime()")
			.bindAll(Map.of("code", code, "description", description))
			.run();
	}

	// ---- derivations
	// -------------------------------------------------------------------------------

	/** Which of the codes exist with the label (a constant of the service). */
	List<String> existing(String label, Collection<String> codes) {
		return Nodes.existing(neo4j, label, codes);
	}

	/**
	 * A path of derivations from one of the upstream tags back to the tag, if there is
	 * one: deriving the tag from that upstream tag would close it into a cycle. Includes
	 * the tag itself.
	 */
	List<String> cycleThrough(String tagCode, Collection<String> upstream) {
		return neo4j.query("""
				MATCH p = (u:Tag)-[:DERIVED_FROM]->*(t:Tag {code: $tag})
				WHERE u.code IN $upstream
				RETURN [n IN nodes(p) | n.code] AS path
				ORDER BY length(p)
				LIMIT 1""")
			.bindAll(Map.of("tag", tagCode, "upstream", List.copyOf(upstream)))
			.fetchAs(List.class)
			.mappedBy((types, r) -> strings(r.get("path").asList()))
			.first()
			.map(SourceRepository::strings)
			.orElse(List.of());
	}

	void derive(String tagCode, Collection<String> fields, Collection<String> tags, String transform) {
		neo4j.query("""
				MATCH (t:Tag {code: $tag})
				CALL (t) {
				  UNWIND $fields AS code
				  MATCH (f:SourceField {code: code})
				  MERGE (t)-[d:DERIVED_FROM]->(f)
				  SET d.transform = coalesce($transform, d.transform), d.declaredAt = datetime()
				  RETURN count(*) AS fields
				}
				CALL (t) {
				  UNWIND $tags AS code
				  MATCH (u:Tag {code: code})
				  MERGE (t)-[d:DERIVED_FROM]->(u)
				  SET d.transform = coalesce($transform, d.transform), d.declaredAt = datetime()
				  RETURN count(*) AS tags
				}
				RETURN fields + tags AS written""")
			.bindAll(CypherParameters.of("tag", tagCode, "fields", List.copyOf(fields), "tags", List.copyOf(tags),
					"transform", transform))
			.run();
	}

	/** Every derivation of the tags, to a field or a tag, with its transform. */
	List<DeclaredDerivation> declaredDerivations(Collection<String> tagCodes) {
		return List.copyOf(neo4j.query("""
				UNWIND $codes AS code
				MATCH (t:Tag {code: code})-[d:DERIVED_FROM]->(source)
				RETURN code AS tag, source:SourceField AS fromField, source.code AS source, d.transform AS transform""")
			.bind(List.copyOf(tagCodes))
			.to("codes")
			.fetchAs(DeclaredDerivation.class)
			.mappedBy((types, r) -> new DeclaredDerivation(r.get("tag").asString(), r.get("fromField").asBoolean(),
					r.get("source").asString(), r.get("transform").asString(null)))
			.all());
	}

	/**
	 * Every tag-to-tag derivation in the graph: what a cycle check over a whole file
	 * needs.
	 */
	List<DeclaredDerivation> tagToTagDerivations() {
		return List.copyOf(neo4j.query("""
				MATCH (t:Tag)-[:DERIVED_FROM]->(u:Tag)
				RETURN t.code AS tag, u.code AS source""")
			.fetchAs(DeclaredDerivation.class)
			.mappedBy((types, r) -> new DeclaredDerivation(r.get("tag").asString(), false, r.get("source").asString(),
					null))
			.all());
	}

	/**
	 * Declares a batch of derivations ({@code {tag, source, transform}} each) from
	 * sources with the label ({@link GraphModel#SOURCE_FIELD} or {@link GraphModel#TAG},
	 * a constant of the service); a null transform keeps the one declared.
	 */
	void deriveFrom(String label, List<Map<String, Object>> rows) {
		neo4j.query("""
				UNWIND $rows AS row
				MATCH (t:Tag {code: row.tag})
				MATCH (s:%s {code: row.source})
				MERGE (t)-[d:DERIVED_FROM]->(s)
				SET d.transform = coalesce(row.transform, d.transform), d.declaredAt = datetime()""".formatted(label))
			.bind(rows)
			.to("rows")
			.run();
	}

	/**
	 * @return whether there was such a derivation
	 */
	boolean removeDerivation(String tagCode, String fromCode) {
		return neo4j.query("""
				MATCH (:Tag {code: $tag})-[d:DERIVED_FROM]->(source)
				WHERE source.code = $from
				DELETE d
				RETURN count(d) > 0 AS removed""")
			.bindAll(Map.of("tag", tagCode, "from", fromCode))
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	// ---- lineage
	// ----------------------------------------------------------------------------------

	/**
	 * Longest derivation chain followed; maxDepth is checked against it, since Cypher
	 * wants literal bounds.
	 */
	static final int DEPTH_CAP = 20;

	/**
	 * Lineage of several tags in one statement, a row per known tag. {@code nodes}: every
	 * node within the literal 21 hops, each once (a pruning walk: DISTINCT right after
	 * the expand), a tag with its derivations {@code from: [[code, transform]]}, a field
	 * with its table and system. {@code paths}: up to {@code maxPaths + 1} derivation
	 * paths, upstream to a field, downstream to a derived tag, of at most
	 * {@code maxDepth + 1} hops (one more, to tell whether the depth cut anything).
	 */
	List<WalkedLineage> lineages(Collection<String> tagCodes, boolean upstream, int maxDepth, int maxPaths,
			List<String> hidden) {
		// the two directions differ only in the arrows and the last label; both texts are
		// constants here
		String cypher = upstream ? UPSTREAM : DOWNSTREAM;
		return List.copyOf(neo4j.query(cypher)
			.bindAll(
					Map.of("tags", List.copyOf(tagCodes), "maxDepth", maxDepth, "maxPaths", maxPaths, "hidden", hidden))
			.fetchAs(WalkedLineage.class)
			.mappedBy((types, r) -> new WalkedLineage(r.get("tag").asString(),
					r.get("nodes").asList(SourceRepository::walkedNode),
					r.get("paths").asList(path -> path.asList(Value::asString))))
			.all());
	}

	/** A tag's lineage as walked in one statement, before the service shapes it. */
	record WalkedLineage(String tag, List<WalkedNode> nodes, List<List<String>> paths) {
	}

	/**
	 * A node walked: a tag with what it is derived from, or a field with its table and
	 * system (null when it has none).
	 */
	record WalkedNode(String code, String kind, String name, List<Derivation> from, Named table, Named system) {

		boolean isTag() {
			return "TAG".equals(kind);
		}

	}

	/** What a tag is derived from (a tag or field code), and how. */
	record Derivation(String source, String transform) {
	}

	/** A field's table or system: its code and display name. */
	record Named(String code, String name) {
	}

	private static WalkedNode walkedNode(Value node) {
		Value from = node.get("from");
		return new WalkedNode(node.get("code").asString(), node.get("kind").asString(), node.get("name").asString(null),
				from.isNull() ? List.of()
						: from.asList(d -> new Derivation(d.get(0).asString(), d.get(1).asString(null))),
				named(node.get("table")), named(node.get("system")));
	}

	private static Named named(Value value) {
		return value.isNull() ? null : new Named(value.get("code").asString(), value.get("name").asString(null));
	}

	private static final String NODE_PROJECTION = """
			CASE WHEN n:Tag
			  THEN {code: n.code, kind: 'TAG', name: n.name,
			        from: [(n)-[d:DERIVED_FROM]->(x) WHERE NOT x.code IN $hidden
						 | [x.code, CASE WHEN any(h IN $hidden WHERE d.transform CONTAINS h) THEN null ELSE d.transform END]]}
			  ELSE {code: n.code, kind: 'SOURCE_FIELD', name: n.name,
			        table: [(n)-[:IN_TABLE]->(tb) | {code: tb.code, name: coalesce(tb.name, tb.tableName)}][0],
			        system: [(n)-[:IN_TABLE]->()-[:IN_SYSTEM]->(s) | {code: s.code, name: s.name}][0]}
			END""";

	// a hidden tag is walked as if it did not exist: neither reached nor walked through
	private static final String UPSTREAM = """
			UNWIND $tags AS tag
			MATCH (root:Tag {code: tag}) WHERE NOT root.code IN $hidden
			CALL (root) {
			  MATCH p = (root)-[:DERIVED_FROM*0..21]->(n) WHERE none(x IN nodes(p) WHERE x.code IN $hidden)
			  RETURN DISTINCT n
			}
			WITH tag, root, collect(%s) AS nodes
			CALL (root) {
			  MATCH p = (root)-[:DERIVED_FROM*1..21]->(:SourceField)
			  WHERE length(p) <= $maxDepth + 1 AND none(x IN nodes(p) WHERE x.code IN $hidden)
			  WITH p LIMIT $maxPaths + 1
			  RETURN collect([x IN nodes(p) | x.code]) AS paths
			}
			RETURN tag, nodes, paths""".formatted(NODE_PROJECTION);

	private static final String DOWNSTREAM = """
			UNWIND $tags AS tag
			MATCH (root:Tag {code: tag}) WHERE NOT root.code IN $hidden
			CALL (root) {
			  MATCH p = (root)<-[:DERIVED_FROM*0..21]-(n:Tag) WHERE none(x IN nodes(p) WHERE x.code IN $hidden)
			  RETURN DISTINCT n
			}
			WITH tag, root, collect(%s) AS nodes
			CALL (root) {
			  MATCH p = (root)<-[:DERIVED_FROM*1..21]-(:Tag)
			  WHERE length(p) <= $maxDepth + 1 AND none(x IN nodes(p) WHERE x.code IN $hidden)
			  WITH p LIMIT $maxPaths + 1
			  RETURN collect([x IN nodes(p) | x.code]) AS paths
			}
			RETURN tag, nodes, paths""".formatted(NODE_PROJECTION);

	// ---- helpers
	// ---------------------------------------------------------------------------------

	private static List<String> strings(Object list) {
		List<String> result = new ArrayList<>();
		for (Object item : (List<?>) list) {
			result.add(String.valueOf(item));
		}
		return result;
	}

}
