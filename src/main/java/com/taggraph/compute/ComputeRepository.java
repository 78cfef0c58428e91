package com.taggraph.compute;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;

/**
 * The Cypher of computation: the catalogue's bindings (tables to files, systems to a
 * connection's name), rules and their lineage.
 */
@Repository
class ComputeRepository {

	private final Neo4jClient neo4j;

	ComputeRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	List<CatalogueTable> catalogue() {
		return List.copyOf(neo4j.query("""
				MATCH (t:SourceTable)
				RETURN t.code AS code, t.binding AS binding,
				       COLLECT { MATCH (f:SourceField)-[:IN_TABLE]->(t) RETURN f.name ORDER BY f.name } AS fields
				ORDER BY code""")
			.fetchAs(CatalogueTable.class)
			.mappedBy((types, r) -> new CatalogueTable(r.get("code").asString(), r.get("binding").asString(null),
					r.get("fields").asList(v -> v.asString())))
			.all());
	}

	boolean tableExists(String code) {
		return neo4j.query("RETURN EXISTS { (:SourceTable {code: $code}) } AS found")
			.bind(code)
			.to("code")
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	void bind(String tableCode, String binding) {
		neo4j.query("MATCH (t:SourceTable {code: $code}) SET t.binding = $binding")
			.bindAll(CypherParameters.of("code", tableCode, "binding", binding))
			.run();
	}

	boolean systemExists(String code) {
		return neo4j.query("RETURN EXISTS { (:SourceSystem {code: $code}) } AS found")
			.bind(code)
			.to("code")
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	/**
	 * Binds a system to a connection by its name, with what the database said it is;
	 * false when the system is gone.
	 */
	boolean bindSystem(String code, String connection, String product, String version) {
		return neo4j.query("""
				MATCH (s:SourceSystem {code: $code})
				SET s.jdbcConnection = $connection, s.jdbcProduct = $product, s.jdbcVersion = $version,
				    s.jdbcCheckedAt = datetime()
				RETURN count(s) AS bound""")
			.bindAll(
					CypherParameters.of("code", code, "connection", connection, "product", product, "version", version))
			.fetchAs(Long.class)
			.one()
			.orElse(0L) > 0;
	}

	void unbindSystem(String code) {
		neo4j.query("""
				MATCH (s:SourceSystem {code: $code})
				REMOVE s.jdbcConnection, s.jdbcProduct, s.jdbcVersion, s.jdbcCheckedAt""").bind(code).to("code").run();
	}

	/** The stored binding of each bound system among the codes, by code. */
	Map<String, SystemBinding> systemBindings(Collection<String> codes) {
		Map<String, SystemBinding> bindings = new LinkedHashMap<>();
		neo4j.query("""
				MATCH (s:SourceSystem)
				WHERE s.code IN $codes AND s.jdbcConnection IS NOT NULL
				RETURN s.code AS code, s.jdbcConnection AS connection, s.jdbcProduct AS product,
				       s.jdbcVersion AS version, toString(s.jdbcCheckedAt) AS checkedAt""")
			.bind(List.copyOf(codes))
			.to("codes")
			.fetch()
			.all()
			.forEach(r -> bindings.put((String) r.get("code"), new SystemBinding((String) r.get("connection"), null,
					(String) r.get("product"), (String) r.get("version"), (String) r.get("checkedAt"))));
		return bindings;
	}

	/** Registers fields found in the data; existing ones only get their type. */
	void registerFields(String tableCode, List<Map<String, Object>> fields) {
		neo4j.query("""
				MATCH (t:SourceTable {code: $code})
				UNWIND $fields AS field
				MERGE (f:SourceField {code: $code + '.' + field.name})
				  ON CREATE SET f.name = field.name
				SET f.type = field.type
				MERGE (f)-[:IN_TABLE]->(t)""").bindAll(Map.of("code", tableCode, "fields", fields)).run();
	}

	/** Every tag code, for the mirror of tag result tables a rule may read. */
	List<String> tagCodes() {
		return List
			.copyOf(neo4j.query("MATCH (t:Tag) RETURN t.code AS code ORDER BY code").fetchAs(String.class).all());
	}

}
