package com.taggraph.customer;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import com.taggraph.graph.CypherParameters;

/**
 * The Cypher of bulk imports: customers and {@code HAS_TAG} written in large
 * {@code UNWIND} batches, each batch in the caller's transaction, and everything an
 * import wrote found again by its {@code importId}. Reads answer for many customers at
 * once, so validating a file costs one query per ten thousand customers.
 */
@Component
public class BulkAssignments {

	private final Neo4jClient neo4j;

	private final CustomerRepository repository;

	private final org.springframework.context.ApplicationEventPublisher events;

	BulkAssignments(Neo4jClient neo4j, CustomerRepository repository,
			org.springframework.context.ApplicationEventPublisher events) {
		this.neo4j = neo4j;
		this.repository = repository;
		this.events = events;
	}

	/**
	 * One exclusive class at or above a tag's class, and the branch of it the tag falls
	 * in.
	 */
	public record ExclusiveBranch(String exclusiveClass, String branch) {
	}

	/**
	 * A customer to create or update: its id and the properties the file gives it (name
	 * and attributes).
	 */
	public record CustomerRow(String id, Map<String, Object> properties) {
	}

	/** An assignment to write; a null {@code assignedAt} is the time of the write. */
	public record AssignmentRow(String customerId, String tagCode, String value, OffsetDateTime assignedAt) {
	}

	/**
	 * A customer already in the database: its properties (when asked for) and its tags
	 * with their values.
	 */
	public record ExistingCustomer(String id, Map<String, Object> properties, Map<String, String> tags) {
	}

	/**
	 * Every tag with its exclusive branches, the same rule as a single write applies:
	 * tags conflict when they fall in different branches (lower class, or the tag itself)
	 * of one exclusive class.
	 */
	public Map<String, List<ExclusiveBranch>> tagRules() {
		Map<String, List<ExclusiveBranch>> rules = new LinkedHashMap<>();
		neo4j.query("""
				MATCH (t:Tag)
				OPTIONAL MATCH (t)-[:IN_CLASS]->(c:TagClass)
				CALL (t, c) {
				  MATCH p = (c)-[:BROADER]->*(x:TagClass)
				  WHERE x.exclusive = true
				  RETURN collect([x.code, CASE WHEN length(p) = 0 THEN t.code ELSE nodes(p)[-2].code END]) AS branches
				}
				RETURN t.code AS code, branches
				ORDER BY code""").fetch().all().forEach(row -> {
			List<ExclusiveBranch> branches = new ArrayList<>();
			for (Object pair : (List<?>) row.get("branches")) {
				List<?> p = (List<?>) pair;
				branches.add(new ExclusiveBranch((String) p.get(0), (String) p.get(1)));
			}
			rules.put((String) row.get("code"), List.copyOf(branches));
		});
		return rules;
	}

	/**
	 * The customers among {@code ids} that exist, with their tags (tag code to value,
	 * null when none).
	 */
	public List<ExistingCustomer> existing(Collection<String> ids, boolean withProperties) {
		return List.copyOf(neo4j.query("""
				UNWIND $ids AS id
				MATCH (c:Customer {id: id})
				RETURN id, CASE WHEN $withProperties THEN properties(c) END AS properties,
				       [(c)-[a:HAS_TAG]->(t:Tag) | [t.code, a.value]] AS tags""")
			.bindAll(Map.of("ids", ids, "withProperties", withProperties))
			.fetchAs(ExistingCustomer.class)
			.mappedBy((types, r) -> {
				Map<String, String> tags = new LinkedHashMap<>();
				for (Value pair : r.get("tags").values()) {
					Value value = pair.get(1);
					tags.put(pair.get(0).asString(), value.isNull() ? null : String.valueOf(value.asObject()));
				}
				Value properties = r.get("properties");
				return new ExistingCustomer(r.get("id").asString(), properties.isNull() ? Map.of() : properties.asMap(),
						tags);
			})
			.all());
	}

	/**
	 * Creates or updates customers. A customer the batch creates carries the import's id,
	 * so a rollback finds it; an existing one gets the new properties only.
	 */
	public void upsertCustomers(List<CustomerRow> customers, String importId) {
		List<Map<String, Object>> rows = customers.stream()
			.map(c -> Map.<String, Object>of("id", c.id(), "properties", c.properties()))
			.toList();
		neo4j.query("""
				UNWIND $rows AS row
				MERGE (c:Customer {id: row.id})
				  ON CREATE SET c.importId = $importId
				SET c += row.properties""").bindAll(Map.of("rows", rows, "importId", importId)).run();
	}

	/**
	 * Writes assignments in the caller's transaction. Only pairs the customer does not
	 * carry yet are created, so a repeated batch (a resumed import) is a no-op, and an
	 * assignment that already exists keeps its value, source and import: only
	 * relationships this import creates carry its id.
	 *
	 * <p>
	 * CREATE guarded by NOT EXISTS rather than MERGE: MERGE plans locking index seeks and
	 * ran about a fifth slower. The check and the create are kept atomic by taking each
	 * customer's write lock first, the lock {@code assignTags} takes too;
	 * {@code SET c.id = c.id} takes it and changes nothing. Validation has refused
	 * duplicate rows, so one batch never holds the same pair twice.
	 */
	public void createAssignments(List<AssignmentRow> assignments, String importId) {
		List<String> customerIds = assignments.stream().map(AssignmentRow::customerId).distinct().sorted().toList();
		List<Map<String, Object>> rows = assignments.stream()
			.map(a -> CypherParameters.of("customerId", a.customerId(), "tagCode", a.tagCode(), "value", a.value(),
					"assignedAt", a.assignedAt()))
			.toList();
		neo4j.query("UNWIND $ids AS id MATCH (c:Customer {id: id}) SET c.id = c.id").bind(customerIds).to("ids").run();
		neo4j.query("""
				UNWIND $rows AS row
				MATCH (c:Customer {id: row.customerId})
				MATCH (t:Tag {code: row.tagCode})
				WHERE NOT EXISTS { (c)-[:HAS_TAG]->(t) }
				CREATE (c)-[:HAS_TAG {source: 'IMPORT', importId: $importId, value: row.value,
				                      assignedAt: coalesce(row.assignedAt, $now)}]->(t)""")
			// one timestamp per batch: datetime() per row cost about a tenth of the write
			.bindAll(Map.of("rows", rows, "importId", importId, "now", ZonedDateTime.now()))
			.run();
	}

	/**
	 * Deletes up to {@code limit} of the assignments the import wrote; returns how many.
	 */
	public long deleteAssignmentsOf(String importId, int limit) {
		return neo4j.query("""
				MATCH ()-[a:HAS_TAG {importId: $importId}]->()
				WITH a LIMIT $limit
				DELETE a
				RETURN count(*) AS deleted""")
			.bindAll(Map.of("importId", importId, "limit", limit))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
	}

	/**
	 * Deletes up to {@code limit} of the customers the import created, with whatever they
	 * carry; returns how many.
	 */
	public long deleteCustomersOf(String importId, int limit) {
		return neo4j.query("""
				MATCH (c:Customer {importId: $importId})
				WITH c LIMIT $limit
				DETACH DELETE c
				RETURN count(*) AS deleted""")
			.bindAll(Map.of("importId", importId, "limit", limit))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
	}

	/**
	 * A generator over the library in the database, the same one the demo customers come
	 * from.
	 */
	public CustomerGenerator generator(long seed) {
		return new CustomerGenerator(repository.libraryTags(), repository.customerScopes(), seed);
	}

	/** Every tag with its class's rules and scope, as the demo generator sees them. */
	public List<CustomerGenerator.LibraryTag> libraryTags() {
		return repository.libraryTags();
	}

	/** Each scope value and the customer-category tags that define it. */
	public Map<String, java.util.Set<String>> customerScopes() {
		return repository.customerScopes();
	}

	/** Every customer id, sorted. */
	/** Whether the database has any customer (read from the count store). */
	public boolean hasCustomers() {
		return neo4j.query("MATCH (c:Customer) RETURN count(c) > 0").fetchAs(Boolean.class).one().orElse(false);
	}

	public List<String> customerIds() {
		return List.copyOf(neo4j.query("MATCH (c:Customer) RETURN c.id AS id ORDER BY id").fetchAs(String.class).all());
	}

	/**
	 * The carriers of each tag: customer id and value, and whether a rule computed the
	 * assignment (the only ones a computation may change).
	 */
	public record Carrier(String tagCode, String customerId, String value, boolean fromRule) {
	}

	/** Calls the sink with every assignment of the tags, in one streamed statement. */
	public void carriers(Collection<String> tagCodes, java.util.function.Consumer<Carrier> sink) {
		neo4j.query("""
				UNWIND $codes AS code
				MATCH (t:Tag {code: code})<-[a:HAS_TAG]-(c:Customer)
				RETURN code, c.id AS id, a.value AS value, a.source = 'RULE' AS fromRule""")
			.bind(List.copyOf(tagCodes))
			.to("codes")
			.fetchAs(Carrier.class)
			.mappedBy((types, r) -> new Carrier(r.get("code").asString(), r.get("id").asString(),
					r.get("value").isNull() ? null : String.valueOf(r.get("value").asObject()),
					r.get("fromRule").asBoolean(false)))
			.all()
			.forEach(sink);
	}

	/** An assignment a rule run writes, with the rule version it comes from. */
	public record RuleAssignmentRow(String customerId, String tagCode, String value, long ruleVersion) {
	}

	/**
	 * A run's additions: RULE assignments carrying the run as import id, so a rollback
	 * finds them like an import's.
	 */
	public void createRuleAssignments(List<RuleAssignmentRow> rows, String runId) {
		neo4j.query("""
				UNWIND $rows AS row
				MATCH (c:Customer {id: row.customerId})
				MATCH (t:Tag {code: row.tagCode})
				WHERE NOT EXISTS { (c)-[:HAS_TAG]->(t) }
				CREATE (c)-[:HAS_TAG {source: 'RULE', importId: $runId, runId: $runId, ruleVersion: row.ruleVersion,
				                      value: row.value, assignedAt: $now}]->(t)""")
			.bindAll(Map.of("rows",
					rows.stream()
						.map(r -> CypherParameters.of("customerId", r.customerId(), "tagCode", r.tagCode(), "value",
								r.value(), "ruleVersion", r.ruleVersion()))
						.toList(),
					"runId", runId, "now", ZonedDateTime.now()))
			.run();
	}

	/**
	 * A run's removals and value changes, marked rather than done, so they land together
	 * when the run finishes and a rollback restores them.
	 */
	public void markRuleChanges(List<RuleAssignmentRow> removed, List<RuleAssignmentRow> changed, String runId) {
		neo4j.query("""
				UNWIND $rows AS row
				MATCH (c:Customer {id: row.customerId})-[a:HAS_TAG {source: 'RULE'}]->(t:Tag {code: row.tagCode})
				SET a.removedBy = $runId""")
			.bindAll(Map.of("rows",
					removed.stream()
						.map(r -> Map.<String, Object>of("customerId", r.customerId(), "tagCode", r.tagCode()))
						.toList(),
					"runId", runId))
			.run();
		neo4j.query("""
				UNWIND $rows AS row
				MATCH (c:Customer {id: row.customerId})-[a:HAS_TAG {source: 'RULE'}]->(t:Tag {code: row.tagCode})
				SET a.priorValue = a.value, a.priorRunId = a.runId, a.priorRuleVersion = a.ruleVersion,
				    a.changedBy = $runId, a.value = row.value, a.runId = $runId, a.ruleVersion = row.ruleVersion""")
			.bindAll(Map.of("rows",
					changed.stream()
						.map(r -> CypherParameters.of("customerId", r.customerId(), "tagCode", r.tagCode(), "value",
								r.value(), "ruleVersion", r.ruleVersion()))
						.toList(),
					"runId", runId))
			.run();
	}

	/**
	 * Lands a run's marked changes, up to {@code limit} at a time: removals are deleted,
	 * changed values lose their prior copy. Returns how many it touched.
	 */
	public long finishRuleChanges(String runId, int limit) {
		return neo4j.query("""
				CALL () {
				  MATCH ()-[a:HAS_TAG {removedBy: $runId}]->() WITH a LIMIT $limit DELETE a RETURN count(*) AS n
				  UNION ALL
				  MATCH ()-[a:HAS_TAG {changedBy: $runId}]->() WITH a LIMIT $limit
				  REMOVE a.priorValue, a.priorRunId, a.priorRuleVersion, a.changedBy RETURN count(*) AS n
				}
				RETURN sum(n) AS touched""")
			.bindAll(Map.of("runId", runId, "limit", limit))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
	}

	/**
	 * Takes a run back, up to {@code limit} at a time: its additions go, its removals and
	 * value changes are restored. Returns how many it touched.
	 */
	public long rollBackRuleChanges(String runId, int limit) {
		return neo4j
			.query("""
					CALL () {
					  MATCH ()-[a:HAS_TAG {importId: $runId}]->() WHERE a.source = 'RULE' AND a.changedBy IS NULL
					  WITH a LIMIT $limit DELETE a RETURN count(*) AS n
					  UNION ALL
					  MATCH ()-[a:HAS_TAG {removedBy: $runId}]->() WITH a LIMIT $limit REMOVE a.removedBy RETURN count(*) AS n
					  UNION ALL
					  MATCH ()-[a:HAS_TAG {changedBy: $runId}]->() WITH a LIMIT $limit
					  SET a.value = a.priorValue, a.runId = a.priorRunId, a.ruleVersion = a.priorRuleVersion
					  REMOVE a.priorValue, a.priorRunId, a.priorRuleVersion, a.changedBy RETURN count(*) AS n
					}
					RETURN sum(n) AS touched""")
			.bindAll(Map.of("runId", runId, "limit", limit))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
	}

	/** Tells the derived indexes that a run changed many customers' tags. */
	public void bulkChanged(String runId, String reason) {
		events.publishEvent(new CustomersBulkChanged(runId, reason));
	}

}
