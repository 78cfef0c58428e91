package com.taggraph.governance;

import java.util.List;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.GraphModel;

/**
 * The Cypher of the structural and lineage checks: one statement per check, whatever the
 * size of the library. Each answers rows of the codes involved (the offending one first)
 * and a short detail. The same statements, for Neo4j Browser, are in
 * {@code cypher/queries/rule-checks.cypher}.
 */
@Repository
class RuleCheckRepository {

	/** One violation as found: the codes involved and what to say about them. */
	record Found(List<String> codes, String detail) {
	}

	private final Neo4jClient neo4j;

	RuleCheckRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/** Each BROADER cycle once, starting at its smallest code. */
	List<Found> classCycles() {
		return found("""
				MATCH cycle = (c:TagClass)-[:BROADER]->+(c)
				WHERE all(n IN nodes(cycle) WHERE c.code <= n.code)
				WITH [n IN nodes(cycle)[..-1] | n.code] AS codes
				RETURN codes, reduce(s = codes[0], x IN tail(codes) + codes[0] | s + ' → ' + x) AS detail
				ORDER BY codes""");
	}

	/**
	 * Classes not on a cycle whose chain never reaches a first-level class: they hang
	 * below a cycle.
	 */
	List<Found> orphanClasses() {
		return found("""
				MATCH (c:TagClass)
				WHERE NOT EXISTS { (c)-[:BROADER]->*(root:TagClass) WHERE NOT (root)-[:BROADER]->(:TagClass) }
				  AND NOT EXISTS { (c)-[:BROADER]->+(c) }
				RETURN [c.code] + COLLECT { MATCH (c)-[:BROADER]->(u:TagClass) RETURN u.code } AS codes,
				       coalesce(c.name, '') AS detail
				ORDER BY c.code""");
	}

	List<Found> orphanTags() {
		return found("""
				MATCH (t:Tag) WHERE NOT (t)-[:IN_CLASS]->(:TagClass)
				RETURN [t.code] AS codes, coalesce(t.name, '') AS detail
				ORDER BY t.code""");
	}

	/**
	 * Classes dividing into lower classes with no (or a blank) criterion; the lower
	 * classes follow the class.
	 */
	List<Found> divisionsWithoutCriterion() {
		return found("""
				MATCH (c:TagClass)
				WHERE trim(coalesce(c.criterion, '')) = '' AND EXISTS { (:TagClass)-[:BROADER]->(c) }
				RETURN [c.code] + COLLECT { MATCH (c)<-[:BROADER]-(l:TagClass) RETURN l.code ORDER BY l.code } AS codes,
				       coalesce(c.name, '') AS detail
				ORDER BY c.code""");
	}

	List<Found> emptyExhaustiveClasses() {
		return found("""
				MATCH (c:TagClass {exhaustive: true})
				WHERE NOT EXISTS { (:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) }
				RETURN [c.code] AS codes, coalesce(c.name, '') AS detail
				ORDER BY c.code""");
	}

	/**
	 * Tags (deprecated ones aside: they are retired) with no derivation path to a source
	 * system.
	 */
	List<Found> tagsWithoutLineage() {
		return found(
				"""
						MATCH (t:Tag) WHERE %s <> 'DEPRECATED'
						  AND NOT EXISTS { (t)-[:DERIVED_FROM]->*(:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem) }
						RETURN [t.code] AS codes, coalesce(t.name, '') AS detail
						ORDER BY t.code"""
					.formatted(GraphModel.status("t")));
	}

	/**
	 * A live tag derived directly from a deprecated one: the derivation should move to
	 * its replacement.
	 */
	List<Found> derivationsFromDeprecated() {
		return found("""
				MATCH (t:Tag)-[:DERIVED_FROM]->(u:Tag {status: 'DEPRECATED'})
				WHERE %s <> 'DEPRECATED'
				RETURN [t.code, u.code] AS codes, coalesce(u.replacedBy, '') AS detail
				ORDER BY t.code, u.code""".formatted(GraphModel.status("t")));
	}

	/**
	 * One broken constraint: its customers, and the smallest of their ids.
	 *
	 * @param codes the constraint, its if-tag, then its then-tags
	 */
	record BrokenConstraint(List<String> codes, String kind, String name, int customers, List<String> sample) {
	}

	/**
	 * Every constraint between tags some customer breaks, in one statement: from each
	 * if-tag to its carriers, each checked against the then-tags it is bound to. A
	 * constraint naming a hidden tag is not counted at all.
	 */
	List<BrokenConstraint> brokenConstraints(List<String> hidden, int sample) {
		return List.copyOf(neo4j.query("""
				MATCH (k:TagConstraint)-[:IF_TAG]->(a:Tag)
				WITH k, a, COLLECT { MATCH (k)-[:THEN_TAG]->(b:Tag) RETURN b ORDER BY b.code } AS thens
				WITH k, a, thens, [a.code] + [b IN thens | b.code] AS codes
				WHERE none(code IN codes WHERE code IN $hidden)
				CALL (k, a, thens) {
				  MATCH (c:Customer)-[:HAS_TAG]->(a)
				  WHERE (k.kind = 'EXCLUDES') = any(b IN thens WHERE EXISTS { (c)-[:HAS_TAG]->(b) })
				  WITH c.id AS id ORDER BY id
				  RETURN count(id) AS customers, collect(id)[..$sample] AS sample
				}
				WITH k, codes, customers, sample WHERE customers > 0
				RETURN [k.code] + codes AS codes, k.kind AS kind, coalesce(k.name, '') AS name, customers, sample
				ORDER BY k.code""")
			.bindAll(java.util.Map.of("hidden", hidden, "sample", sample))
			.fetchAs(BrokenConstraint.class)
			.mappedBy((types, r) -> new BrokenConstraint(r.get("codes").asList(Value::asString),
					r.get("kind").asString(), r.get("name").asString(), r.get("customers").asInt(),
					r.get("sample").asList(Value::asString)))
			.all());
	}

	/** A computed tag's carrier counts after its last two runs. */
	record CountDrift(String tag, String name, long before, long after, String beforeRun, String afterRun) {
	}

	/**
	 * Tags whose count after their last completed run differs from the one before by more
	 * than the share of the earlier count (of 1 when it was 0). Hidden tags are left out.
	 */
	List<CountDrift> countDrift(double share, List<String> hidden) {
		return List.copyOf(neo4j
			.query("""
					MATCH (r:ComputeRun)-[k:COUNTED]->(t:Tag)
					WHERE NOT t.code IN $hidden
					WITH t, r, k ORDER BY r.finishedAt DESC, r.id DESC
					WITH t, collect({run: r.id, carriers: k.carriers})[..2] AS last
					WHERE size(last) = 2
					  AND abs(last[0].carriers - last[1].carriers) > $share * CASE WHEN last[1].carriers > 0 THEN last[1].carriers ELSE 1 END
					RETURN t.code AS tag, coalesce(t.name, '') AS name, last[1].carriers AS before, last[0].carriers AS after,
					       last[1].run AS beforeRun, last[0].run AS afterRun
					ORDER BY tag""")
			.bindAll(java.util.Map.of("share", share, "hidden", hidden))
			.fetchAs(CountDrift.class)
			.mappedBy((types, r) -> new CountDrift(r.get("tag").asString(), r.get("name").asString(),
					r.get("before").asLong(), r.get("after").asLong(), r.get("beforeRun").asString(),
					r.get("afterRun").asString()))
			.all());
	}

	private List<Found> found(String cypher) {
		return List.copyOf(neo4j.query(cypher)
			.fetchAs(Found.class)
			.mappedBy((types, r) -> new Found(r.get("codes").asList(Value::asString), r.get("detail").asString()))
			.all());
	}

}
