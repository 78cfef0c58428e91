package com.taggraph.taxonomy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;
import com.taggraph.graph.GraphModel;
import com.taggraph.graph.Nodes;

/**
 * The tag constraints in the graph: {@code (:TagConstraint)-[:IF_TAG]->(:Tag)} and
 * {@code -[:THEN_TAG]->(:Tag)}. A read of any number of constraints is one statement,
 * their tags included.
 */
@Repository
class TagConstraintRepository {

	/**
	 * A constraint {@code k} with its tags, as one row; the code is read from
	 * {@code $code} when given (Neo4j 5.26's planner fails on the looked-up property:
	 * "should not appear non-cached").
	 */
	private static final String COLUMNS = """
			RETURN coalesce($code, k.code) AS code, k.kind AS kind, k.name AS name, k.reason AS reason,
			       a {.code, .name, .rule, status: %s, classCode: [(a)-[:IN_CLASS]->(x:TagClass) | x.code][0]} AS ifTag,
			       COLLECT { MATCH (k)-[:THEN_TAG]->(b:Tag)
			                 RETURN b {.code, .name, .rule, status: %s, classCode: [(b)-[:IN_CLASS]->(x:TagClass) | x.code][0]}
			                 ORDER BY b.code } AS thenTags
			ORDER BY code"""
		.formatted(GraphModel.status("a"), GraphModel.status("b"));

	private final Neo4jClient neo4j;

	TagConstraintRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	List<TagConstraint> all() {
		return List.copyOf(neo4j.query("MATCH (k:TagConstraint)-[:IF_TAG]->(a:Tag)\n" + COLUMNS)
			.bindAll(java.util.Collections.singletonMap("code", null))
			.fetchAs(TagConstraint.class)
			.mappedBy((types, r) -> toConstraint(r))
			.all());
	}

	Optional<TagConstraint> find(String code) {
		return neo4j.query("MATCH (k:TagConstraint {code: $code})-[:IF_TAG]->(a:Tag)\n" + COLUMNS)
			.bind(code)
			.to("code")
			.fetchAs(TagConstraint.class)
			.mappedBy((types, r) -> toConstraint(r))
			.one();
	}

	boolean exists(String code) {
		return Nodes.exist(neo4j, GraphModel.TAG_CONSTRAINT, "code", code);
	}

	/**
	 * What has each of the codes among constraints, classes and tags ("constraint",
	 * "class", "tag"); a free code is left out. Codes are what users type, so one code
	 * names one thing.
	 */
	Map<String, String> codesTakenBy(Collection<String> codes) {
		Map<String, String> taken = new java.util.HashMap<>();
		neo4j.query("""
				UNWIND $codes AS code
				WITH code, CASE WHEN EXISTS { (:TagConstraint {code: code}) } THEN 'constraint'
				                WHEN EXISTS { (:TagClass {code: code}) } THEN 'class'
				                WHEN EXISTS { (:Tag {code: code}) } THEN 'tag' END AS kind
				WHERE kind IS NOT NULL
				RETURN code, kind""")
			.bind(List.copyOf(codes))
			.to("codes")
			.fetchAs(Map.Entry.class)
			.mappedBy((types, r) -> Map.entry(r.get("code").asString(), r.get("kind").asString()))
			.all()
			.forEach(e -> taken.put((String) e.getKey(), (String) e.getValue()));
		return taken;
	}

	/** The class of each existing tag among the codes, by tag code. */
	Map<String, String> classesOfTags(Collection<String> codes) {
		Map<String, String> classes = new java.util.HashMap<>();
		neo4j.query("""
				UNWIND $codes AS code
				MATCH (t:Tag {code: code})
				RETURN t.code AS tag, [(t)-[:IN_CLASS]->(c:TagClass) | c.code][0] AS tagClass""")
			.bind(List.copyOf(codes))
			.to("codes")
			.fetchAs(Map.Entry.class)
			.mappedBy((types, r) -> Map.entry(r.get("tag").asString(), r.get("tagClass").asString("")))
			.all()
			.forEach(e -> classes.put((String) e.getKey(), (String) e.getValue()));
		return classes;
	}

	/** Creates the constraints, each linked to its tags (which exist). */
	void create(List<TagConstraintInput> constraints) {
		List<Map<String, Object>> rows = constraints.stream()
			.map(c -> CypherParameters.of("code", c.code(), "kind", c.kind().name(), "name", c.name(), "reason",
					c.reason(), "ifTag", c.ifTag(), "thenTags", c.thenTags()))
			.toList();
		neo4j.query("""
				UNWIND $rows AS row
				MATCH (a:Tag {code: row.ifTag})
				CREATE (k:TagConstraint {code: row.code, kind: row.kind, name: row.name, reason: row.reason,
				                         createdAt: datetime()})-[:IF_TAG]->(a)
				WITH k, row
				UNWIND row.thenTags AS thenTag
				MATCH (b:Tag {code: thenTag})
				CREATE (k)-[:THEN_TAG]->(b)""").bind(rows).to("rows").run();
	}

	void delete(String code) {
		Nodes.delete(neo4j, GraphModel.TAG_CONSTRAINT, code);
	}

	private static TagConstraint toConstraint(org.neo4j.driver.Record r) {
		return new TagConstraint(r.get("code").asString(), TagConstraint.Kind.valueOf(r.get("kind").asString()),
				r.get("name").asString(null), r.get("reason").asString(null), toTag(r.get("ifTag")),
				r.get("thenTags").asList(TagConstraintRepository::toTag));
	}

	private static Tag toTag(Value t) {
		return new Tag(t.get("code").asString(), t.get("name").asString(null), t.get("rule").asString(null),
				t.get("status").asString(), t.get("classCode").asString(null));
	}

}
