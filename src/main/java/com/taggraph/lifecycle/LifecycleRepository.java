package com.taggraph.lifecycle;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;
import com.taggraph.graph.CypherRows;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * All Cypher of the lifecycle: statuses on {@code :TagClass}, {@code :Tag} and
 * {@code :Facet} nodes, and {@code (:PendingChange)-[:CHANGES]->(item)} nodes. Labels
 * come from {@link ItemKind}, never from requests.
 */
@Repository
class LifecycleRepository {

	private static final String CHANGE_COLUMNS = "p {.*, at: toString(p.at), reviewedAt: toString(p.reviewedAt)} AS p";

	/**
	 * A change the caller may see: neither its item nor anything it proposes (a
	 * replacement, a target, a value in its diff) is a hidden tag. The stored texts are
	 * JSON, so a code stands quoted in them.
	 */
	private static final String VISIBLE = """
			NOT any(h IN $hidden WHERE p.code = h OR coalesce(p.arguments, '') CONTAINS '"' + h + '"'
			    OR coalesce(p.proposed, '') CONTAINS '"' + h + '"' OR coalesce(p.diff, '') CONTAINS '"' + h + '"')""";

	/**
	 * The pending changes {@code pendingChanges} selects, by status, proposer and kind.
	 */
	private static final String PAGE_FILTER = """
			MATCH (p:PendingChange)
			WHERE ($status IS NULL OR p.status = $status)
			  AND ($by IS NULL OR p.by = $by)
			  AND ($kind IS NULL OR p.kind = $kind)
			  AND %s
			""".formatted(VISIBLE);

	private final Neo4jClient neo4j;

	private final JsonMapper json = JsonMapper.builder().build();

	LifecycleRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * Serialises lifecycle steps, so two proposals cannot both find no pending change and
	 * both be held.
	 */
	void lock() {
		neo4j.query("MERGE (l:LifecycleLock {name: 'lifecycle'}) SET l.lockedAt = datetime()").run();
	}

	/**
	 * The status of each existing item among the codes; items without one read as DRAFT.
	 */
	Map<String, LifecycleStatus> statuses(ItemKind kind, Collection<String> codes) {
		Map<String, LifecycleStatus> found = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $codes AS key
				MATCH (n:%s {code: key})
				RETURN key, n.status AS status""".formatted(kind.label()))
			.bind(List.copyOf(codes))
			.to("codes")
			.fetch()
			.all()
			.forEach(row -> found.put((String) row.get("key"), LifecycleStatus.of((String) row.get("status"))));
		return found;
	}

	/** The {@code replacedBy} code of each item among the codes that names one. */
	Map<String, String> replacements(ItemKind kind, Collection<String> codes) {
		return CypherRows.pairs(neo4j.query("""
				UNWIND $codes AS key
				MATCH (n:%s {code: key}) WHERE n.replacedBy IS NOT NULL
				RETURN key, n.replacedBy AS value""".formatted(kind.label())).bind(List.copyOf(codes)).to("codes"));
	}

	/** A deprecated tag and the code of its replacement, if one is named. */
	record DeprecatedTag(String code, String name, String replacedBy) {
	}

	/** The deprecated tags among the codes, in code order. */
	List<DeprecatedTag> deprecatedTags(Collection<String> codes) {
		return List.copyOf(neo4j.query("""
				UNWIND $codes AS key
				MATCH (t:Tag {code: key, status: 'DEPRECATED'})
				RETURN DISTINCT t.code AS code, t.name AS name, t.replacedBy AS replacedBy
				ORDER BY code""")
			.bind(List.copyOf(codes))
			.to("codes")
			.fetchAs(DeprecatedTag.class)
			.mappedBy((types, r) -> new DeprecatedTag(r.get("code").asString(), r.get("name").asString(null),
					r.get("replacedBy").asString(null)))
			.all());
	}

	void setStatus(ItemKind kind, String code, LifecycleStatus status, String replacedBy) {
		neo4j
			.query("""
					MATCH (n:%s {code: $code})
					SET n.status = $status, n.replacedBy = $replacedBy, n.statusChangedAt = datetime()"""
				.formatted(kind.label()))
			.bindAll(CypherParameters.of("code", code, "status", status.name(), "replacedBy", replacedBy))
			.run();
	}

	// ---- pending changes
	// ----------------------------------------------------------------------

	void create(PendingChange change) {
		Map<String, Object> params = CypherParameters.of("id", change.id(), "kind", change.kind().label(), "code",
				change.code(), "operation", change.operation(), "by", change.by(), "comment", change.comment(),
				"proposed", change.proposed(), "arguments", change.arguments(), "diff",
				json.writeValueAsString(change.diff()));
		neo4j.query("""
				MATCH (n:%s {code: $code})
				CREATE (p:PendingChange {id: $id, kind: $kind, code: $code, operation: $operation, status: 'PENDING',
				                         by: $by, at: datetime(), comment: $comment, proposed: $proposed,
				                         arguments: $arguments, diff: $diff})
				CREATE (p)-[:CHANGES]->(n)""".formatted(change.kind().label())).bindAll(params).run();
	}

	Optional<PendingChange> find(String id) {
		return find(id, List.of());
	}

	/**
	 * A change the caller may see: one on a hidden tag is not found, as for an unknown
	 * id.
	 */
	Optional<PendingChange> find(String id, List<String> hidden) {
		return changes("MATCH (p:PendingChange {id: $id}) WHERE " + VISIBLE + " RETURN " + CHANGE_COLUMNS,
				Map.of("id", id, "hidden", hidden))
			.stream()
			.findFirst();
	}

	/** The open (PENDING) change of each item among the codes. */
	Map<String, PendingChange> openChanges(ItemKind kind, Collection<String> codes) {
		return openChanges(kind, codes, List.of());
	}

	/** The open change of each item among the codes, when the caller may see it. */
	Map<String, PendingChange> openChanges(ItemKind kind, Collection<String> codes, List<String> hidden) {
		Map<String, PendingChange> found = new LinkedHashMap<>();
		changes("""
				UNWIND $codes AS key
				MATCH (p:PendingChange {kind: $kind, code: key, status: 'PENDING'})
				WHERE %s
				RETURN %s""".formatted(VISIBLE, CHANGE_COLUMNS),
				Map.of("kind", kind.label(), "codes", List.copyOf(codes), "hidden", hidden))
			.forEach(c -> found.put(c.code(), c));
		return found;
	}

	void decide(String id, String status, String reviewer, String comment) {
		neo4j
			.query("""
					MATCH (p:PendingChange {id: $id})
					SET p.status = $status, p.reviewedBy = $reviewer, p.reviewedAt = datetime(), p.reviewComment = $comment""")
			.bindAll(CypherParameters.of("id", id, "status", status, "reviewer", reviewer, "comment", comment))
			.run();
	}

	/** Newest first, after the change with id {@code afterId} when given. */
	List<PendingChange> page(String status, String by, ItemKind kind, String afterId, int limit, List<String> hidden) {
		Map<String, Object> params = filter(status, by, kind, hidden);
		params.put("after", afterId);
		params.put("limit", limit);
		return changes(PAGE_FILTER + """
				  AND ($after IS NULL OR p.id < $after)
				RETURN %s ORDER BY p.id DESC LIMIT $limit""".formatted(CHANGE_COLUMNS), params);
	}

	int count(String status, String by, ItemKind kind, List<String> hidden) {
		return neo4j.query(PAGE_FILTER + "RETURN count(p) AS n")
			.bindAll(filter(status, by, kind, hidden))
			.fetchAs(Integer.class)
			.mappedBy((types, row) -> row.get("n").asInt())
			.one()
			.orElse(0);
	}

	private static Map<String, Object> filter(String status, String by, ItemKind kind, List<String> hidden) {
		return CypherParameters.of("hidden", hidden, "status", status, "by", by, "kind",
				kind == null ? null : kind.label());
	}

	private List<PendingChange> changes(String cypher, Map<String, Object> params) {
		return List.copyOf(neo4j.query(cypher)
			.bindAll(params)
			.fetchAs(PendingChange.class)
			.mappedBy((types, record) -> toChange(record.get("p")))
			.all());
	}

	private PendingChange toChange(Value p) {
		List<FieldDiff> diff = p.get("diff").isNull() ? List.of()
				: json.readValue(p.get("diff").asString(), new TypeReference<List<FieldDiff>>() {
				});
		return new PendingChange(p.get("id").asString(), ItemKind.ofLabel(p.get("kind").asString()),
				p.get("code").asString(), p.get("operation").asString(), p.get("status").asString(),
				p.get("by").asString(null), p.get("at").asString(null), p.get("comment").asString(null),
				p.get("proposed").asString(null), p.get("arguments").asString(null), diff,
				p.get("reviewedBy").asString(null), p.get("reviewedAt").asString(null),
				p.get("reviewComment").asString(null));
	}

}
