package com.taggraph.folksonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;

/**
 * The Cypher of free tags: {@code (:Customer)-[:HAS_FREE_TAG {by, at, text}]->(:FreeTag
 * {normalized, text})}.
 */
@Repository
class FreeTagRepository {

	/**
	 * The rest of a query that has bound free tags {@code f}: their use by the customers
	 * carrying them now, and what they resolve to. Spellings come back as typed, one per
	 * carrier, counted in Java.
	 */
	private static final String USAGE = """
			CALL (f) {
			  OPTIONAL MATCH (cu:Customer)-[r:HAS_FREE_TAG]->(f)
			  RETURN count(cu) AS customers, count(DISTINCT r.by) AS taggers, min(r.at) AS firstAt,
			         max(r.at) AS lastAt, collect(r.text) AS typed
			}
			OPTIONAL MATCH (f)-[res:PROMOTED_TO|SYNONYM_OF]->(t:Tag)
			WITH f, customers, taggers, firstAt, lastAt, typed, t.code AS resolvesTo,
			     CASE type(res) WHEN 'PROMOTED_TO' THEN 'PROMOTED' WHEN 'SYNONYM_OF' THEN 'SYNONYM' END AS resolution
			RETURN f.text AS text, f.normalized AS normalized, customers, taggers, toString(firstAt) AS firstUsedAt,
			       toString(lastAt) AS lastUsedAt, typed, coalesce(f.spellings, []) AS keptSpellings, resolvesTo, resolution""";

	private final Neo4jClient neo4j;

	FreeTagRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * One page in the order, behind the free tag {@code afterKey} ranked
	 * {@code afterRank} when given.
	 */
	List<FreeTag> list(FreeTagOrder order, int first, boolean includeResolved, Object afterRank, String afterKey) {
		// The ranking, its keyset condition and ORDER BY come from the enum constant,
		// never from the request;
		// spellings and dates are read only for the page.
		Map<String, Object> params = CypherParameters.of("includeResolved", includeResolved, "first", first,
				"afterRank", afterRank, "afterKey", afterKey);
		return neo4j.query(LISTED + """
				%1$s
				%4$s
				ORDER BY %2$s
				LIMIT $first
				WITH f
				%3$s
				ORDER BY %2$s""".formatted(order.rank, order.orderBy, USAGE, order.after))
			.bindAll(params)
			.fetchAs(FreeTag.class)
			.mappedBy((types, r) -> toFreeTag(r))
			.all()
			.stream()
			.toList();
	}

	int count(boolean includeResolved) {
		return neo4j.query(LISTED + "RETURN count(f) AS n")
			.bind(includeResolved)
			.to("includeResolved")
			.fetchAs(Integer.class)
			.mappedBy((types, row) -> row.get("n").asInt())
			.one()
			.orElse(0);
	}

	private static final String LISTED = """
			MATCH (f:FreeTag)
			WHERE $includeResolved OR NOT EXISTS { (f)-[:PROMOTED_TO|SYNONYM_OF]->(:Tag) }
			""";

	List<FreeTag> find(Collection<String> normalized) {
		return neo4j.query("""
				UNWIND $normalized AS n
				MATCH (f:FreeTag {normalized: n})
				%s""".formatted(USAGE))
			.bind(List.copyOf(normalized))
			.to("normalized")
			.fetchAs(FreeTag.class)
			.mappedBy((types, r) -> toFreeTag(r))
			.all()
			.stream()
			.toList();
	}

	/** The free tags on each customer, by normalised text. */
	Map<String, List<CustomerFreeTag>> onCustomers(Collection<String> customerIds) {
		Map<String, List<CustomerFreeTag>> byCustomer = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $ids AS id
				MATCH (:Customer {id: id})-[r:HAS_FREE_TAG]->(f:FreeTag)
				RETURN id, r.text AS text, f.normalized AS normalized, r.by AS by, toString(r.at) AS at
				ORDER BY id, normalized""")
			.bind(List.copyOf(customerIds))
			.to("ids")
			.fetchAs(CustomerFreeTag.class)
			.mappedBy((types, r) -> new CustomerFreeTag(r.get("id").asString(), r.get("text").asString(null),
					r.get("normalized").asString(), r.get("by").asString(null), r.get("at").asString(null)))
			.all()
			.forEach(t -> byCustomer.computeIfAbsent(t.customerId(), k -> new ArrayList<>()).add(t));
		return byCustomer;
	}

	Optional<FreeTag> find(String normalized) {
		return find(List.of(normalized)).stream().findFirst();
	}

	/**
	 * Creates the free tag if nobody used it yet, and write-locks it for the rest of the
	 * transaction: a promotion or merge of it locks it too, so whoever comes second sees
	 * the other's outcome.
	 * @return the code of the controlled tag it resolves to, or null while it is free
	 */
	String lockForTagging(String normalized, String text) {
		return neo4j.query("""
				MERGE (f:FreeTag {normalized: $normalized})
				  ON CREATE SET f.text = $text, f.createdAt = datetime()
				SET f.lastTaggedAt = datetime()
				RETURN [(f)-[:PROMOTED_TO|SYNONYM_OF]->(t:Tag) | t.code][0] AS resolvesTo""")
			.bindAll(Map.of("normalized", normalized, "text", text))
			.fetchAs(String.class)
			.one()
			.orElse(null);
	}

	/**
	 * Puts the free tag on the customer; a customer already carrying it keeps its first
	 * record.
	 */
	void add(String customerId, String text, String normalized, String by) {
		neo4j.query("""
				MATCH (cu:Customer {id: $customerId}), (f:FreeTag {normalized: $normalized})
				MERGE (cu)-[r:HAS_FREE_TAG]->(f)
				  ON CREATE SET r.text = $text, r.by = $by, r.at = datetime()""")
			.bindAll(Map.of("customerId", customerId, "text", text, "normalized", normalized, "by", by))
			.run();
	}

	/**
	 * Write-locks the free tags, in one order, before a promotion or merge moves their
	 * carriers.
	 */
	void lockForIntake(Collection<String> normalized) {
		neo4j.query("""
				UNWIND $normalized AS n
				MATCH (f:FreeTag {normalized: n})
				WITH f ORDER BY f.normalized
				SET f.intakeLock = true
				REMOVE f.intakeLock""").bind(List.copyOf(normalized)).to("normalized").run();
	}

	/**
	 * Takes the free tag off; a free tag nobody carries any more and that resolves to
	 * nothing goes too.
	 */
	void remove(String customerId, String normalized) {
		neo4j.query("""
				MATCH (:Customer {id: $customerId})-[r:HAS_FREE_TAG]->(f:FreeTag {normalized: $normalized})
				DELETE r
				WITH f
				WHERE NOT EXISTS { (f)<-[:HAS_FREE_TAG]-() } AND NOT EXISTS { (f)-[:PROMOTED_TO|SYNONYM_OF]->() }
				DELETE f""").bindAll(Map.of("customerId", customerId, "normalized", normalized)).run();
	}

	/**
	 * Serialises promotions and merges, so one free tag cannot be taken in twice at once.
	 */
	void lockIntake() {
		neo4j.query("MERGE (l:TaxonomyLock {name: 'folksonomy'}) SET l.lockedAt = datetime()").run();
	}

	/** A carrier who already has a tag in another branch of the exclusive class. */
	record ExclusiveConflict(String customerId, String carried, String exclusiveClass) {
	}

	/**
	 * Carriers of the free tags who, given the tag, would carry two branches of an
	 * exclusive class: at most {@code limit}, each with the tag it already has and the
	 * class.
	 */
	List<ExclusiveConflict> exclusiveConflicts(String tagCode, Collection<String> normalized, int limit) {
		return List.copyOf(neo4j.query("""
				MATCH (t:Tag {code: $code})-[:IN_CLASS]->(c:TagClass)
				MATCH p = (c)-[:BROADER]->*(x:TagClass)
				WHERE x.exclusive = true
				WITH t, x, CASE WHEN length(p) = 0 THEN t.code ELSE nodes(p)[-2].code END AS branch
				MATCH (cu:Customer)-[:HAS_FREE_TAG]->(f:FreeTag)
				WHERE f.normalized IN $normalized
				WITH DISTINCT t, x, branch, cu
				MATCH (cu)-[:HAS_TAG]->(o:Tag)-[:IN_CLASS]->(oc:TagClass)
				WHERE o <> t
				MATCH q = (oc)-[:BROADER]->*(x)
				WITH cu, o, x, branch, CASE WHEN length(q) = 0 THEN o.code ELSE nodes(q)[-2].code END AS otherBranch
				WHERE otherBranch <> branch
				RETURN cu.id AS customerId, o.code AS carried, x.code AS exclusiveClass
				ORDER BY customerId
				LIMIT $limit""")
			.bindAll(Map.of("code", tagCode, "normalized", List.copyOf(normalized), "limit", limit))
			.fetchAs(ExclusiveConflict.class)
			.mappedBy((types, r) -> new ExclusiveConflict(r.get("customerId").asString(), r.get("carried").asString(),
					r.get("exclusiveClass").asString()))
			.all());
	}

	/**
	 * Takes the free tags into the tag: each points to it (PROMOTED_TO or SYNONYM_OF) and
	 * keeps its spellings; each carrier gets the tag (source FOLKSONOMY) and loses the
	 * free tags, whose records (text, by, at) move onto the assignment as the lists
	 * freeTags, freeTagsBy and freeTagsAt. Returns each carrier's id and whether the tag
	 * is new on it.
	 */
	List<Carrier> takeIn(String tagCode, Collection<String> normalized, boolean promoted, String by) {
		return List.copyOf(neo4j.query("""
				MATCH (t:Tag {code: $code})
				UNWIND $normalized AS n
				MATCH (f:FreeTag {normalized: n})
				CALL (f) {
				  OPTIONAL MATCH ()-[r:HAS_FREE_TAG]->(f)
				  WITH DISTINCT r.text AS spelling WHERE spelling IS NOT NULL
				  RETURN collect(spelling) AS spellings
				}
				SET f.spellings = reduce(all = coalesce(f.spellings, []), s IN spellings |
				    CASE WHEN s IN all THEN all ELSE all + s END)
				FOREACH (_ IN CASE WHEN $promoted THEN [1] ELSE [] END |
				  MERGE (f)-[x:PROMOTED_TO]->(t) ON CREATE SET x.by = $by, x.at = datetime())
				FOREACH (_ IN CASE WHEN $promoted THEN [] ELSE [1] END |
				  MERGE (f)-[x:SYNONYM_OF]->(t) ON CREATE SET x.by = $by, x.at = datetime())
				WITH t, f
				MATCH (cu:Customer)-[r:HAS_FREE_TAG]->(f)
				WITH t, cu, collect(r) AS records
				WITH t, cu, records, NOT EXISTS { (cu)-[:HAS_TAG]->(t) } AS isNew
				MERGE (cu)-[a:HAS_TAG]->(t)
				  ON CREATE SET a.assignedAt = datetime(), a.source = 'FOLKSONOMY', a.by = $by
				SET a.freeTags = coalesce(a.freeTags, []) + [r IN records | r.text],
				    a.freeTagsBy = coalesce(a.freeTagsBy, []) + [r IN records | r.by],
				    a.freeTagsAt = coalesce(a.freeTagsAt, []) + [r IN records | r.at]
				FOREACH (r IN records | DELETE r)
				RETURN cu.id AS customerId, isNew""")
			.bindAll(Map.of("code", tagCode, "normalized", List.copyOf(normalized), "promoted", promoted, "by", by))
			.fetchAs(Carrier.class)
			.mappedBy((types, r) -> new Carrier(r.get("customerId").asString(), r.get("isNew").asBoolean()))
			.all());
	}

	record Carrier(String customerId, boolean isNew) {
	}

	/**
	 * The texts resolving to each tag: its synonyms, every spelling kept, in the order
	 * first seen.
	 */
	Map<String, List<String>> synonyms(Collection<String> tagCodes) {
		Map<String, List<String>> byTag = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $codes AS code
				MATCH (t:Tag {code: code})<-[:PROMOTED_TO|SYNONYM_OF]-(f:FreeTag)
				WITH code, f ORDER BY f.normalized
				RETURN code, collect(f.text) AS texts, collect(coalesce(f.spellings, [])) AS spellings""")
			.bind(List.copyOf(tagCodes))
			.to("codes")
			.fetch()
			.all()
			.forEach(row -> {
				List<String> texts = new ArrayList<>();
				for (Object text : (List<?>) row.get("texts")) {
					add(texts, (String) text);
				}
				for (Object kept : (List<?>) row.get("spellings")) {
					((List<?>) kept).forEach(s -> add(texts, (String) s));
				}
				byTag.put((String) row.get("code"), texts);
			});
		return byTag;
	}

	private static void add(List<String> texts, String text) {
		if (!texts.contains(text)) {
			texts.add(text);
		}
	}

	// ---- for clustering
	// -------------------------------------------------------------------------

	/**
	 * The ids of the customers carrying each free tag. Read from the free tags' side:
	 * going through the customers instead walks every customer's tag assignments to find
	 * its free tags.
	 */
	Map<String, List<String>> carriers(Collection<String> normalized) {
		Map<String, List<String>> carriers = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $normalized AS n
				MATCH (:FreeTag {normalized: n})<-[:HAS_FREE_TAG]-(cu:Customer)
				RETURN n, collect(cu.id) AS customers""")
			.bind(List.copyOf(normalized))
			.to("normalized")
			.fetch()
			.all()
			.forEach(row -> carriers.put((String) row.get("n"),
					((List<?>) row.get("customers")).stream().map(String.class::cast).toList()));
		return carriers;
	}

	/** Distinct customers carrying any member, per group of normalised texts. */
	List<Integer> distinctCarriers(List<List<String>> groups) {
		return neo4j.query("""
				UNWIND range(0, size($groups) - 1) AS i
				CALL (i) {
				  UNWIND $groups[i] AS n
				  MATCH (cu:Customer)-[:HAS_FREE_TAG]->(:FreeTag {normalized: n})
				  RETURN count(DISTINCT cu) AS customers
				}
				RETURN customers ORDER BY i""")
			.bind(groups)
			.to("groups")
			.fetchAs(Integer.class)
			.all()
			.stream()
			.toList();
	}

	/**
	 * Every controlled tag and class by name, with the texts that resolve to tags, for
	 * suggestions.
	 */
	List<VocabularyEntry> vocabulary(List<String> hidden) {
		return List.copyOf(neo4j.query("""
				MATCH (c:TagClass)
				RETURN null AS tag, c.code AS classCode, [c.name] AS names
				UNION ALL
				MATCH (t:Tag)-[:IN_CLASS]->(c:TagClass) WHERE NOT t.code IN $hidden
				RETURN t.code AS tag, c.code AS classCode,
				       [t.name] + [(t)<-[:PROMOTED_TO|SYNONYM_OF]-(f:FreeTag) | f.text] AS names""")
			.bind(hidden)
			.to("hidden")
			.fetchAs(VocabularyEntry.class)
			.mappedBy((types, r) -> new VocabularyEntry(r.get("tag").asString(null), r.get("classCode").asString(),
					r.get("names").asList(Value::asString)))
			.all());
	}

	/** A controlled tag (or, with a null tag, a class) and the names it goes by. */
	record VocabularyEntry(String tag, String classCode, List<String> names) {
	}

	// ---- demo
	// -------------------------------------------------------------------------------------

	/**
	 * Whether the demo free tags were applied once already, or free tags exist anyway
	 * (never apply over them).
	 */
	boolean demoAppliedOrFreeTagsExist() {
		return neo4j.query("RETURN EXISTS { (:DemoData {name: 'freeTags'}) } OR EXISTS { (:FreeTag) } AS done")
			.fetchAs(Boolean.class)
			.one()
			.orElse(true);
	}

	void markDemoApplied() {
		neo4j.query("CREATE (:DemoData {name: 'freeTags', appliedAt: datetime()})").run();
	}

	/**
	 * Up to {@code limit} customer ids carrying any of the tags, or any customers when
	 * none are given.
	 */
	List<String> customersWithAnyOf(Collection<String> tagCodes, int limit) {
		return List.copyOf(neo4j.query("""
				CALL (){
				  UNWIND $codes AS code
				  MATCH (cu:Customer)-[:HAS_TAG]->(:Tag {code: code})
				  RETURN cu
				  UNION
				  MATCH (cu:Customer) WHERE size($codes) = 0
				  RETURN cu
				}
				WITH DISTINCT cu.id AS id ORDER BY id
				RETURN id LIMIT $limit""")
			.bindAll(Map.of("codes", List.copyOf(tagCodes), "limit", limit))
			.fetchAs(String.class)
			.all());
	}

	/**
	 * Writes demo free-tag applications: rows of customerId, text, normalized, by, at
	 * (ISO-8601).
	 */
	void addAll(List<Map<String, Object>> rows) {
		neo4j.query("""
				UNWIND $rows AS row
				MATCH (cu:Customer {id: row.customerId})
				MERGE (f:FreeTag {normalized: row.normalized})
				  ON CREATE SET f.text = row.text, f.createdAt = datetime(row.at)
				MERGE (cu)-[r:HAS_FREE_TAG]->(f)
				  ON CREATE SET r.text = row.text, r.by = row.by, r.at = datetime(row.at)""")
			.bind(rows)
			.to("rows")
			.run();
	}

	private static FreeTag toFreeTag(Record r) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		r.get("typed").asList(Value::asString).forEach(t -> counts.merge(t, 1, Integer::sum));
		// spellings kept from before a promotion or merge, whose carriers have moved to
		// the tag
		r.get("keptSpellings").asList(Value::asString).forEach(t -> counts.putIfAbsent(t, 0));
		List<FreeTag.FreeTagSpelling> spellings = counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(e -> new FreeTag.FreeTagSpelling(e.getKey(), e.getValue()))
			.toList();
		return new FreeTag(r.get("text").asString(), r.get("normalized").asString(), r.get("customers").asInt(),
				r.get("taggers").asInt(), r.get("firstUsedAt").asString(null), r.get("lastUsedAt").asString(null),
				spellings, r.get("resolvesTo").asString(null), r.get("resolution").asString(null));
	}

}
