package com.taggraph.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.GraphModel;
import com.taggraph.graph.Nodes;
import com.taggraph.taxonomy.ClassChains;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TagClass;

/**
 * The Cypher of customers and their tag assignments; every read answers for many
 * customers at once.
 */
@Repository
@SuppressWarnings("unchecked")
class CustomerRepository {

	/**
	 * The rest of a query that has matched {@code (cu)-[a:HAS_TAG]->(t)}: one row per
	 * assignment, portrait order.
	 */
	private static final String ENTRY_RETURN = """
			OPTIONAL MATCH (t)-[:IN_CLASS]->(c:TagClass)
			OPTIONAL MATCH path = (c)-[:BROADER]->*(root:TagClass)
			WHERE NOT (root)-[:BROADER]->(:TagClass)
			RETURN cu.id AS customerId, t.code AS code, t.name AS name, t.rule AS rule,
			       %s AS status, c.code AS classCode, a.value AS value,
			       toString(a.assignedAt) AS assignedAt, coalesce(a.source, 'IMPORT') AS source, a.importId AS importId,
			       a.by AS by, a.runId AS runId,
			       CASE WHEN path IS NULL THEN [] ELSE [n IN reverse(nodes(path)) | %s] END AS chain
			ORDER BY customerId, root.code, classCode, code""".formatted(GraphModel.status("t"),
			ClassChains.NODE_PROJECTION);

	private final Neo4jClient neo4j;

	CustomerRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	Optional<Customer> find(String id) {
		return findAll(List.of(id)).stream().findFirst();
	}

	List<Customer> findAll(Collection<String> ids) {
		return List.copyOf(neo4j.query("""
				UNWIND $ids AS id
				MATCH (cu:Customer {id: id})
				RETURN cu.id AS id, cu.name AS name, properties(cu) AS attributes""")
			.bind(ids)
			.to("ids")
			.fetchAs(Customer.class)
			.mappedBy((types, r) -> toCustomer(r))
			.all());
	}

	/**
	 * Every assignment of each customer with the class chain of its tag (empty if the
	 * tag's class does not reach a root): serves both {@code tags} and {@code portrait}
	 * in one query.
	 */
	Map<String, List<Portrait.Entry>> entries(Collection<String> ids, List<String> hidden) {
		Map<String, List<Portrait.Entry>> byCustomer = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $ids AS id
				MATCH (cu:Customer {id: id})-[a:HAS_TAG]->(t:Tag) WHERE NOT t.code IN $hidden
				%s""".formatted(ENTRY_RETURN))
			.bind(ids)
			.to("ids")
			.bind(hidden)
			.to("hidden")
			.fetchAs(Portrait.Entry.class)
			.mappedBy((types, r) -> toEntry(r))
			.all()
			.forEach(e -> byCustomer.computeIfAbsent(e.assignment().customerId(), k -> new ArrayList<>()).add(e));
		return byCustomer;
	}

	/**
	 * A customer and all its entries in one query and one row: what {@code customer(id) {
	 * tags portrait }} needs. Chains are computed once per distinct class rather than
	 * once per assignment.
	 */
	Optional<CustomerEntries> findWithEntries(String id, List<String> hidden) {
		return neo4j.query(PortraitQuery.CYPHER)
			.bind(id)
			.to("id")
			.bind(hidden)
			.to("hidden")
			.fetchAs(CustomerEntries.class)
			.mappedBy((types, r) -> {
				Map<String, List<TagClass>> chains = new HashMap<>();
				for (Value chain : r.get("chains").values()) {
					var classes = ClassChains.of(chain);
					chains.put(classes.get(classes.size() - 1).code(), classes);
				}
				List<Portrait.Entry> entries = new ArrayList<>();
				for (Value entry : r.get("entries").values()) {
					TagAssignment assignment = toAssignment(entry);
					entries.add(new Portrait.Entry(assignment,
							chains.getOrDefault(assignment.tag().classCode(), List.of())));
				}
				entries.sort(PORTRAIT_ORDER);
				return new CustomerEntries(toCustomer(r), entries);
			})
			.one();
	}

	/** Root class, class, tag: the order {@link Portrait#of} groups by. */
	private static final Comparator<Portrait.Entry> PORTRAIT_ORDER = Comparator
		.comparing((Portrait.Entry e) -> e.classChain().isEmpty() ? "" : e.classChain().get(0).code())
		.thenComparing(e -> String.valueOf(e.assignment().tag().classCode()))
		.thenComparing(e -> e.assignment().tag().code());

	record CustomerEntries(Customer customer, List<Portrait.Entry> entries) {
	}

	/**
	 * For each (customer, tag) pair, the customer's own assignments of the tags that tag
	 * is derived from, at any depth: why a derived tag is there. Keyed by
	 * {@code customerId + '|' + tagCode}.
	 */
	Map<String, List<TagAssignment>> carriedUpstream(List<Map<String, String>> pairs, List<String> hidden) {
		Map<String, List<TagAssignment>> result = new HashMap<>();
		neo4j.query("""
				UNWIND $pairs AS pair
				MATCH (d:Tag {code: pair.tag}) WHERE NOT d.code IN $hidden
				CALL (d) {
				  MATCH p = (d)-[:DERIVED_FROM*1..20]->(u:Tag) WHERE none(x IN nodes(p) WHERE x.code IN $hidden)
				  RETURN DISTINCT u
				}
				MATCH (cu:Customer {id: pair.customer})-[a:HAS_TAG]->(u)
				OPTIONAL MATCH (u)-[:IN_CLASS]->(c:TagClass)
				RETURN pair.tag AS derived, cu.id AS customerId, u.code AS code, u.name AS name, u.rule AS rule,
				       %s AS status, c.code AS classCode, a.value AS value,
				       toString(a.assignedAt) AS assignedAt, coalesce(a.source, 'IMPORT') AS source,
				       a.importId AS importId, a.by AS by, a.runId AS runId
				ORDER BY derived, customerId, code""".formatted(GraphModel.status("u")))
			.bind(pairs)
			.to("pairs")
			.bind(hidden)
			.to("hidden")
			.fetchAs(Map.Entry.class)
			.mappedBy((types, r) -> Map.entry(r.get("customerId").asString() + "|" + r.get("derived").asString(),
					toAssignment(r)))
			.all()
			.forEach(e -> result.computeIfAbsent((String) e.getKey(), k -> new ArrayList<>())
				.add((TagAssignment) e.getValue()));
		return result;
	}

	/** Which of the codes name tags. */
	List<String> existingTags(Collection<String> codes) {
		return Nodes.existing(neo4j, GraphModel.TAG, codes);
	}

	/**
	 * For the given tags and for the tags the customer already carries: every exclusive
	 * class at or above the tag's class, and the branch of that class the tag falls in
	 * (the lower class on the way down, or the tag itself when it sits directly in the
	 * exclusive class).
	 */
	List<ExclusiveBranch> exclusiveBranches(String customerId, Collection<String> codes) {
		return List.copyOf(neo4j.query("""
				CALL () {
				  UNWIND $codes AS code
				  MATCH (t:Tag {code: code})
				  RETURN t, false AS carried
				  UNION
				  MATCH (:Customer {id: $customerId})-[:HAS_TAG]->(t:Tag)
				  RETURN t, true AS carried
				}
				MATCH (t)-[:IN_CLASS]->(c:TagClass)
				MATCH p = (c)-[:BROADER]->*(x:TagClass)
				WHERE x.exclusive = true
				RETURN t.code AS tag, carried, x.code AS exclusiveClass,
				       CASE WHEN length(p) = 0 THEN t.code ELSE nodes(p)[-2].code END AS branch""")
			.bindAll(Map.of("customerId", customerId, "codes", codes))
			.fetchAs(ExclusiveBranch.class)
			.mappedBy((types, r) -> new ExclusiveBranch(r.get("tag").asString(), r.get("carried").asBoolean(),
					r.get("exclusiveClass").asString(), r.get("branch").asString()))
			.all());
	}

	record ExclusiveBranch(String tag, boolean carried, String exclusiveClass, String branch) {
	}

	/**
	 * Locks the customer for the rest of the transaction, so two writers cannot both pass
	 * the rule checks.
	 */
	void lock(String customerId) {
		neo4j.query("MATCH (cu:Customer {id: $id}) SET cu.tagsChangedAt = datetime()").bind(customerId).to("id").run();
	}

	void assign(String customerId, Collection<String> codes, AssignmentSource source, String by) {
		Map<String, Object> params = new java.util.HashMap<>(
				Map.of("id", customerId, "codes", codes, "source", source.name()));
		params.put("by", by);
		neo4j.query("""
				MATCH (cu:Customer {id: $id})
				UNWIND $codes AS code
				MATCH (t:Tag {code: code})
				MERGE (cu)-[a:HAS_TAG]->(t)
				  ON CREATE SET a.assignedAt = datetime(), a.source = $source, a.by = $by""").bindAll(params).run();
	}

	/**
	 * Takes the tags off the customer, keeping each assignment as a
	 * {@code :PastAssignment} node (with the tag's code and name, so the record outlives
	 * the tag) for the customer's tag history.
	 * @param reason REMOVED, or REPLACED when an exclusive class swapped the tag out
	 */
	void remove(String customerId, Collection<String> codes, String reason, String by) {
		Map<String, Object> params = new HashMap<>(Map.of("id", customerId, "codes", codes, "reason", reason));
		params.put("by", by);
		neo4j.query("""
				MATCH (cu:Customer {id: $id})-[a:HAS_TAG]->(t:Tag)
				WHERE t.code IN $codes
				CREATE (cu)-[:HAD_TAG]->(:PastAssignment {tagCode: t.code, tagName: t.name, value: a.value,
				         assignedAt: a.assignedAt, source: coalesce(a.source, 'IMPORT'), importId: a.importId, by: a.by,
				         runId: a.runId, removedAt: datetime(), removedBy: $by, reason: $reason})
				DELETE a""").bindAll(params).run();
	}

	/**
	 * Each customer's tag history, oldest first: the assignments it carries now and the
	 * past ones, with when each came and went. {@code tagCode} null for every tag.
	 */
	Map<String, List<TagHistoryEntry>> history(Collection<String> ids, String tagCode, List<String> hidden) {
		Map<String, List<TagHistoryEntry>> byCustomer = new LinkedHashMap<>();
		Map<String, Object> params = new HashMap<>(Map.of("ids", ids, "hidden", hidden));
		params.put("tag", tagCode);
		neo4j.query("""
				UNWIND $ids AS id
				MATCH (cu:Customer {id: id})
				CALL (cu) {
				  MATCH (cu)-[a:HAS_TAG]->(t:Tag)
				  WHERE ($tag IS NULL OR t.code = $tag) AND NOT t.code IN $hidden
				  RETURN t.code AS tagCode, t.name AS tagName, a.value AS value, a.assignedAt AS assignedAt,
				         coalesce(a.source, 'IMPORT') AS source, a.importId AS importId, a.by AS by, a.runId AS runId,
				         null AS removedAt, null AS removedBy, null AS reason
				  UNION ALL
				  MATCH (cu)-[:HAD_TAG]->(p:PastAssignment)
				  WHERE ($tag IS NULL OR p.tagCode = $tag) AND NOT p.tagCode IN $hidden
				  RETURN p.tagCode AS tagCode, p.tagName AS tagName, p.value AS value, p.assignedAt AS assignedAt,
				         p.source AS source, p.importId AS importId, p.by AS by, p.runId AS runId,
				         p.removedAt AS removedAt, p.removedBy AS removedBy, p.reason AS reason
				}
				RETURN id, tagCode, tagName, value, toString(assignedAt) AS assignedAt, source, importId, by, runId,
				       toString(removedAt) AS removedAt, removedBy, reason
				ORDER BY id, assignedAt, coalesce(removedAt, datetime('9999-12-31T00:00Z')), tagCode""")
			.bindAll(params)
			.fetch()
			.all()
			.forEach(row -> byCustomer.computeIfAbsent((String) row.get("id"), k -> new ArrayList<>())
				.add(new TagHistoryEntry((String) row.get("tagCode"), (String) row.get("tagName"),
						row.get("value") == null ? null : String.valueOf(row.get("value")),
						(String) row.get("assignedAt"), AssignmentSource.valueOf((String) row.get("source")),
						(String) row.get("importId"), (String) row.get("by"), (String) row.get("runId"),
						(String) row.get("removedAt"), (String) row.get("removedBy"), (String) row.get("reason"))));
		return byCustomer;
	}

	// ---- generation and bulk writes
	// -----------------------------------------------------------

	boolean anyCustomer() {
		return neo4j.query("RETURN EXISTS { (:Customer) } AS any").fetchAs(Boolean.class).one().orElse(false);
	}

	/**
	 * Every tag with its class rules and its scope value (a facet value that defines
	 * customers).
	 */
	List<CustomerGenerator.LibraryTag> libraryTags() {
		return List.copyOf(neo4j.query("""
				MATCH (t:Tag)-[:IN_CLASS]->(c:TagClass)
				OPTIONAL MATCH (t)-[:HAS_FACET_VALUE]->(scope:FacetValue) WHERE scope.customersWithAnyOf IS NOT NULL
				RETURN t.code AS code, c.code AS classCode, coalesce(c.exclusive, false) AS exclusive,
				       coalesce(c.exhaustive, false) AS exhaustive, c.scope AS classScope, scope.code AS tagScope
				ORDER BY code""")
			.fetchAs(CustomerGenerator.LibraryTag.class)
			.mappedBy((types, r) -> new CustomerGenerator.LibraryTag(r.get("code").asString(),
					r.get("classCode").asString(), r.get("exclusive").asBoolean(), r.get("exhaustive").asBoolean(),
					r.get("classScope").asString(null), r.get("tagScope").asString(null)))
			.all());
	}

	/** Each customer scope (F4 value) with the customer-category tags that define it. */
	Map<String, java.util.Set<String>> customerScopes() {
		Map<String, java.util.Set<String>> scopes = new LinkedHashMap<>();
		neo4j.query("""
				MATCH (v:FacetValue) WHERE v.customersWithAnyOf IS NOT NULL
				RETURN v.code AS code, v.customersWithAnyOf AS tags ORDER BY code""")
			.fetch()
			.all()
			.forEach(row -> scopes.put((String) row.get("code"),
					new java.util.LinkedHashSet<>((List<String>) row.get("tags"))));
		return scopes;
	}

	/**
	 * Creates customers with their tags (source RULE, computed by the rule run), one
	 * batch per call.
	 */
	void createWithTags(List<Map<String, Object>> batch, String runId) {
		neo4j.query("""
				UNWIND $rows AS row
				CREATE (cu:Customer {id: row.id, name: row.name})
				SET cu += row.attributes
				WITH cu, row
				UNWIND row.tags AS code
				MATCH (t:Tag {code: code})
				CREATE (cu)-[:HAS_TAG {assignedAt: datetime(), source: 'RULE', runId: $runId}]->(t)""")
			.bindAll(Map.of("rows", batch, "runId", runId))
			.run();
	}

	private static Customer toCustomer(MapAccessor r) {
		Map<String, Object> attributes = new LinkedHashMap<>(r.get("attributes").asMap());
		attributes.remove("id");
		attributes.remove("name");
		// bookkeeping, not ledger attributes
		attributes.remove("tagsChangedAt");
		attributes.remove("importId");
		return new Customer(r.get("id").asString(), r.get("name").asString(null), attributes);
	}

	private static Portrait.Entry toEntry(Record r) {
		return new Portrait.Entry(toAssignment(r), ClassChains.of(r.get("chain")));
	}

	private static TagAssignment toAssignment(MapAccessor r) {
		Value value = r.get("value");
		return new TagAssignment(r.get("customerId").asString(),
				new Tag(r.get("code").asString(), r.get("name").asString(null), r.get("rule").asString(null),
						r.get("status").asString(), r.get("classCode").asString(null)),
				value.isNull() ? null : String.valueOf(value.asObject()), r.get("assignedAt").asString(null),
				AssignmentSource.valueOf(r.get("source").asString()), r.get("importId").asString(null),
				r.get("by").asString(null), r.get("runId").asString(null));
	}

}
