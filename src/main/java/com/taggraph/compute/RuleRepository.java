package com.taggraph.compute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;
import com.taggraph.graph.GraphModel;

/**
 * The Cypher of rules: where a rule is kept (on its tag, or on its exclusive class), and
 * the lineage it gives its tags. Labels come from {@link GraphModel}, never from input.
 */
@Repository
class RuleRepository {

	/** The relationship keeping a tag's declared lineage once a rule replaces it. */
	static final String DECLARED_FROM = GraphModel.DECLARED_FROM;

	/** A rule on its owners (a label: tags or classes) and the lineage it gives. */
	private static final String WRITE = """
			UNWIND $rules AS rule
			MATCH (owner:%s {code: rule.code})
			SET owner.ruleSql = rule.sql, owner.ruleVersion = coalesce(owner.ruleVersion, 0) + 1,
			    owner.ruleColumns = rule.columns
			WITH rule, owner, owner.ruleVersion AS version
			CALL (rule, owner, version) {
			  UNWIND rule.tags AS tagCode
			  MATCH (t:Tag {code: tagCode})
			  CALL (t) {
			    MATCH (t)-[d:DERIVED_FROM]->(x) WHERE d.origin IS NULL
			    MERGE (t)-[:%s]->(x)
			    DELETE d
			  }
			  CALL (t) {
			    MATCH (t)-[d:DERIVED_FROM {origin: 'RULE'}]->() DELETE d
			  }
			  CALL (rule, t, version) {
			    UNWIND rule.fields AS fieldCode
			    MATCH (f:SourceField {code: fieldCode})
			    CREATE (t)-[:DERIVED_FROM {origin: 'RULE', rule: rule.code, ruleVersion: version, transform: rule.sql}]->(f)
			  }
			  CALL (rule, t, version) {
			    UNWIND rule.inputs AS inputCode
			    MATCH (u:Tag {code: inputCode})
			    CREATE (t)-[:DERIVED_FROM {origin: 'RULE', rule: rule.code, ruleVersion: version, transform: rule.sql}]->(u)
			  }
			}
			RETURN rule.code AS code, version""";

	private final Neo4jClient neo4j;

	RuleRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * A tag or class that may hold a rule: its status and the tags the rule computes (a
	 * class rule computes the tags of the class that have no rule of their own).
	 */
	record RuleOwner(String code, boolean isClass, String status, boolean exclusive, List<String> tags) {
	}

	/**
	 * The owners among the codes, tags or classes, in one query (the first start looks up
	 * the demo library's 82 at once). Unknown codes are left out.
	 */
	List<RuleOwner> owners(List<String> codes, boolean classes) {
		String query = classes ? """
				UNWIND $codes AS code
				MATCH (c:TagClass {code: code})
				RETURN code, c.status AS status, coalesce(c.exclusive, false) AS exclusive,
				       COLLECT { MATCH (t:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) WHERE t.ruleSql IS NULL
				                RETURN t.code ORDER BY t.code } AS tags""" : """
				UNWIND $codes AS code
				MATCH (t:Tag {code: code})
				RETURN code, t.status AS status, false AS exclusive, [code] AS tags""";
		return List.copyOf(neo4j.query(query)
			.bind(codes)
			.to("codes")
			.fetchAs(RuleOwner.class)
			.mappedBy((types, r) -> new RuleOwner(r.get("code").asString(), classes, r.get("status").asString(null),
					r.get("exclusive").asBoolean(), r.get("tags").asList(v -> v.asString())))
			.all());
	}

	Optional<RuleOwner> tagOwner(String code) {
		return owners(List.of(code), false).stream().findFirst();
	}

	Optional<RuleOwner> classOwner(String code) {
		return owners(List.of(code), true).stream().findFirst();
	}

	/** Every tag at or below a class; empty for an unknown class. */
	Optional<List<String>> tagsAtOrBelow(String classCode) {
		return neo4j
			.query("""
					MATCH (c:TagClass {code: $code})
					RETURN COLLECT { MATCH (t:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) RETURN t.code ORDER BY t.code } AS tags""")
			.bind(classCode)
			.to("code")
			.fetchAs(List.class)
			.mappedBy((types, r) -> r.get("tags").asList(v -> v.asString()))
			.one()
			.map(tags -> (List<String>) tags);
	}

	/**
	 * A path of derivations from an input tag back to one of the targets: writing the
	 * rule would close it into a cycle.
	 */
	Optional<List<String>> pathBack(List<String> inputs, List<String> targets) {
		return neo4j.query("""
				MATCH p = SHORTEST 1 (i:Tag)-[:DERIVED_FROM]->+(x:Tag)
				WHERE i.code IN $inputs AND x.code IN $targets
				RETURN [n IN nodes(p) | n.code] AS path LIMIT 1""")
			.bindAll(Map.of("inputs", inputs, "targets", targets))
			.fetchAs(List.class)
			.mappedBy((types, r) -> r.get("path").asList(v -> v.asString()))
			.one()
			.map(path -> (List<String>) path);
	}

	/**
	 * Stores the rule on its owner and makes what it reads the lineage of every tag it
	 * computes: the declared edges are kept aside once (for drift), the previous rule's
	 * edges go, and each field and tag read gets an edge marked with the rule's owner,
	 * version and SQL as its transform.
	 */
	long write(RuleOwner owner, BoundRule rule) {
		return writeAll(List.of(owner), List.of(rule)).get(0);
	}

	/**
	 * {@link #write} for many owners in one statement per kind of owner (tags, classes):
	 * the first start adopts the demo library's rules at once. Returns each new version,
	 * in the owners' order.
	 */
	List<Long> writeAll(List<RuleOwner> owners, List<BoundRule> bound) {
		Map<String, Long> versions = new HashMap<>();
		for (boolean classes : List.of(false, true)) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (int i = 0; i < owners.size(); i++) {
				RuleOwner owner = owners.get(i);
				BoundRule rule = bound.get(i);
				if (owner.isClass() == classes) {
					rows.add(CypherParameters.of("code", owner.code(), "sql", rule.sql(), "columns", rule.columns(),
							"tags", owner.tags(), "fields", rule.fields(), "inputs", rule.tags()));
				}
			}
			if (!rows.isEmpty()) {
				neo4j.query(WRITE.formatted(classes ? GraphModel.TAG_CLASS : GraphModel.TAG, DECLARED_FROM))
					.bind(rows)
					.to("rules")
					.fetch()
					.all()
					.forEach(row -> versions.put((String) row.get("code"), ((Number) row.get("version")).longValue()));
			}
		}
		return owners.stream().map(owner -> versions.get(owner.code())).toList();
	}

	/** A rule as stored: the SQL, its version and its output columns. */
	record StoredRule(String owner, boolean isClass, String sql, long version, List<String> columns, String status,
			List<String> tags, List<String> inputs, List<String> fields) {

		boolean valued() {
			return columns.contains("value");
		}

		/** The engine tables the rule scans: its source tables and input tag results. */
		List<String> tables() {
			java.util.Set<String> tables = new java.util.TreeSet<>();
			for (String field : fields) {
				tables.add(SourceEngine.tableName(field.substring(0, field.lastIndexOf('.'))));
			}
			inputs.forEach(input -> tables.add(SourceEngine.tagTable(input)));
			return List.copyOf(tables);
		}

	}

	/** Every stored rule, tag rules and class rules, with the tags each computes. */
	List<StoredRule> rules() {
		return List.copyOf(neo4j
			.query("""
					MATCH (t:Tag) WHERE t.ruleSql IS NOT NULL
					RETURN t.code AS owner, false AS isClass, t.ruleSql AS sql, t.ruleVersion AS version,
					       t.ruleColumns AS columns, t.status AS status, [t.code] AS tags,
					      COLLECT { MATCH (t)-[:DERIVED_FROM {origin: 'RULE'}]->(u:Tag) RETURN DISTINCT u.code } AS inputs,
					      COLLECT { MATCH (t)-[:DERIVED_FROM {origin: 'RULE'}]->(f:SourceField) RETURN DISTINCT f.code } AS fields
					UNION ALL
					MATCH (c:TagClass) WHERE c.ruleSql IS NOT NULL
					RETURN c.code AS owner, true AS isClass, c.ruleSql AS sql, c.ruleVersion AS version,
					       c.ruleColumns AS columns, c.status AS status,
					       COLLECT { MATCH (t:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) WHERE t.ruleSql IS NULL
					                 RETURN t.code ORDER BY t.code } AS tags,
					      COLLECT { MATCH (t:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) WHERE t.ruleSql IS NULL
					                MATCH (t)-[:DERIVED_FROM {origin: 'RULE'}]->(u:Tag) RETURN DISTINCT u.code } AS inputs,
					      COLLECT { MATCH (t:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) WHERE t.ruleSql IS NULL
					                MATCH (t)-[:DERIVED_FROM {origin: 'RULE'}]->(f:SourceField) RETURN DISTINCT f.code } AS fields""")
			.fetchAs(StoredRule.class)
			.mappedBy((types, r) -> new StoredRule(r.get("owner").asString(), r.get("isClass").asBoolean(),
					r.get("sql").asString(), r.get("version").asLong(), r.get("columns").asList(v -> v.asString()),
					r.get("status").asString(null), r.get("tags").asList(v -> v.asString()),
					r.get("inputs").asList(v -> v.asString()), r.get("fields").asList(v -> v.asString())))
			.all());
	}

}
