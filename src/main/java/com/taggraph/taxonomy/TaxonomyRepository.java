package com.taggraph.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;
import com.taggraph.graph.GraphModel;
import com.taggraph.graph.Nodes;

/**
 * All Cypher of the hierarchy. Every read takes a list of codes and answers for all of
 * them in one round trip, so a GraphQL request costs a number of queries that does not
 * grow with its result.
 */
@Repository
class TaxonomyRepository {

	/** Projection of a class {@code c}, with its level counted from the root. */
	private static final String CLASS_COLUMNS = """
			c.code AS code, c.name AS name, c.criterion AS criterion,
			coalesce(c.exclusive, false) AS exclusive, coalesce(c.exhaustive, false) AS exhaustive, c.scope AS scope,
			COUNT { (c)-[:BROADER]->+(:TagClass) } + 1 AS level,
			[(c)-[:BROADER]->(p:TagClass) | p.code][0] AS parentCode, c.overlapReason AS overlapReason""";

	/** Projection of a tag {@code t}. */
	private static final String TAG_COLUMNS = """
			t.code AS code, t.name AS name, t.rule AS rule, %s AS status,
			[(t)-[:IN_CLASS]->(x:TagClass) | x.code][0] AS classCode""".formatted(GraphModel.status("t"));

	private final Neo4jClient neo4j;

	TaxonomyRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	// ---- reads
	// ------------------------------------------------------------------------------

	List<TagClass> findClasses(Collection<String> codes) {
		return classes("""
				UNWIND $codes AS key
				MATCH (c:TagClass {code: key})
				RETURN key, %s""".formatted(CLASS_COLUMNS), Map.of("codes", codes)).values()
			.stream()
			.flatMap(List::stream)
			.toList();
	}

	Optional<TagClass> findClass(String code) {
		return findClasses(List.of(code)).stream().findFirst();
	}

	List<TagClass> rootClasses() {
		return classes("""
				MATCH (c:TagClass) WHERE NOT (c)-[:BROADER]->(:TagClass)
				RETURN '' AS key, %s
				ORDER BY c.code""".formatted(CLASS_COLUMNS), Map.of()).getOrDefault("", List.of());
	}

	Map<String, List<TagClass>> narrower(Collection<String> codes) {
		return classes("""
				UNWIND $codes AS key
				MATCH (:TagClass {code: key})<-[:BROADER]-(c:TagClass)
				RETURN key, %s
				ORDER BY key, c.code""".formatted(CLASS_COLUMNS), Map.of("codes", codes));
	}

	/**
	 * The class array (类列) of each class: the lower classes of its upper class, or all
	 * roots.
	 */
	Map<String, List<TagClass>> classArrays(Collection<String> codes) {
		return classes("""
				UNWIND $codes AS key
				MATCH (self:TagClass {code: key})
				OPTIONAL MATCH (self)-[:BROADER]->(parent:TagClass)
				CALL (parent) {
				  WITH parent WHERE parent IS NOT NULL
				  MATCH (parent)<-[:BROADER]-(c:TagClass)
				  RETURN c
				  UNION
				  WITH parent WHERE parent IS NULL
				  MATCH (c:TagClass) WHERE NOT (c)-[:BROADER]->(:TagClass)
				  RETURN c
				}
				RETURN key, %s
				ORDER BY key, c.code""".formatted(CLASS_COLUMNS), Map.of("codes", codes));
	}

	/**
	 * The class chain (类链) of each class, root first; levels and parents follow from the
	 * order.
	 */
	Map<String, List<TagClass>> classChains(Collection<String> codes) {
		Map<String, List<TagClass>> chains = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $codes AS key
				MATCH path = (:TagClass {code: key})-[:BROADER]->*(root:TagClass)
				WHERE NOT (root)-[:BROADER]->(:TagClass)
				RETURN key, [n IN reverse(nodes(path)) | %s] AS chain
				""".formatted(ClassChains.NODE_PROJECTION))
			.bind(codes)
			.to("codes")
			.fetchAs(Map.Entry.class)
			.mappedBy((types, row) -> Map.entry(row.get("key").asString(), ClassChains.of(row.get("chain"))))
			.all()
			.forEach(entry -> chains.put((String) entry.getKey(), castList(entry.getValue())));
		return chains;
	}

	/**
	 * Classes below each class, in tree (pre-)order, down to {@code maxDepth} levels
	 * (null: all).
	 */
	Map<String, List<TagClass>> descendants(Collection<String> codes, Integer maxDepth) {
		return classes("""
				UNWIND $codes AS key
				MATCH path = (:TagClass {code: key})<-[:BROADER]-+(c:TagClass)
				WHERE $maxDepth IS NULL OR length(path) <= $maxDepth
				WITH key, c, [n IN reverse(nodes(path)) | n.code] AS order
				ORDER BY key, order
				RETURN key, %s""".formatted(CLASS_COLUMNS), CypherParameters.of("codes", codes, "maxDepth", maxDepth));
	}

	Map<String, List<Tag>> tagsOfClasses(Collection<String> codes, boolean includeDescendants, List<String> hidden) {
		String match = includeDescendants
				? "MATCH (:TagClass {code: key})<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(t:Tag)"
				: "MATCH (:TagClass {code: key})<-[:IN_CLASS]-(t:Tag)";
		return tags("""
				UNWIND $codes AS key
				%s
				WHERE NOT t.code IN $hidden
				RETURN key, %s
				ORDER BY key, t.code""".formatted(match, TAG_COLUMNS), Map.of("codes", codes, "hidden", hidden));
	}

	Optional<Tag> findTag(String code, List<String> hidden) {
		return tags("""
				MATCH (t:Tag {code: $code}) WHERE NOT t.code IN $hidden
				RETURN t.code AS key, %s""".formatted(TAG_COLUMNS), Map.of("code", code, "hidden", hidden)).values()
			.stream()
			.flatMap(List::stream)
			.findFirst();
	}

	/** The tags with the given codes, by code; unknown codes are left out. */
	Map<String, Tag> findTags(Collection<String> codes, List<String> hidden) {
		Map<String, Tag> found = new LinkedHashMap<>();
		tags("""
				UNWIND $codes AS key
				MATCH (t:Tag {code: key}) WHERE NOT t.code IN $hidden
				RETURN key, %s""".formatted(TAG_COLUMNS), Map.of("codes", List.copyOf(codes), "hidden", hidden))
			.forEach((code, list) -> found.put(code, list.get(0)));
		return found;
	}

	/**
	 * Tags whose code starts with the text (any case), whose name contains it, or that a
	 * free tag containing it (by normalised form) was promoted or merged into; exact
	 * codes first.
	 */
	/**
	 * Tags matching a search, by rank (exact code, code prefix, the rest) then code,
	 * after the given pair.
	 */
	List<Tag> searchTags(String text, String normalized, List<String> statuses, Integer afterRank, String afterCode,
			int first, List<String> hidden) {
		return tags(SEARCH + """
				WITH t, %s AS rank
				WHERE $afterCode IS NULL OR rank > $afterRank OR (rank = $afterRank AND t.code > $afterCode)
				RETURN '' AS key, %s
				ORDER BY rank, t.code
				LIMIT $first""".formatted(SEARCH_RANK, TAG_COLUMNS),
				CypherParameters.of("text", text, "normalized", normalized, "codePrefix", codePrefix(text), "first",
						first, "statuses", statuses, "afterRank", afterRank, "afterCode", afterCode, "hidden", hidden))
			.getOrDefault("", List.of());
	}

	int countSearchTags(String text, String normalized, List<String> statuses, List<String> hidden) {
		return neo4j.query(SEARCH + "RETURN count(t) AS n")
			.bindAll(CypherParameters.of("text", text, "normalized", normalized, "codePrefix", codePrefix(text),
					"statuses", statuses, "hidden", hidden))
			.fetchAs(Integer.class)
			.mappedBy((types, row) -> row.get("n").asInt())
			.one()
			.orElse(0);
	}

	/**
	 * A search's rank of a tag: 0 for the code searched for, 1 for a code starting with
	 * it, 2 for the rest.
	 */
	static int searchRank(String text, String code) {
		String prefix = codePrefix(text);
		return code.equals(prefix) ? 0 : code.startsWith(prefix) ? 1 : 2;
	}

	private static String codePrefix(String text) {
		return text.toUpperCase(java.util.Locale.ROOT);
	}

	private static final String SEARCH = """
			MATCH (t:Tag)
			WHERE (t.code STARTS WITH $codePrefix OR t.name CONTAINS $text
			   OR EXISTS { (t)<-[:PROMOTED_TO|SYNONYM_OF]-(f:FreeTag) WHERE f.normalized CONTAINS $normalized })
			  AND ($statuses IS NULL OR %s IN $statuses)
			  AND NOT t.code IN $hidden
			""".formatted(GraphModel.status("t"));

	private static final String SEARCH_RANK = "CASE WHEN t.code = $codePrefix THEN 0 WHEN t.code STARTS WITH $codePrefix THEN 1 ELSE 2 END";

	// ---- checks inside write transactions
	// -----------------------------------------------------

	/**
	 * Serialises hierarchy writes, so two concurrent moves cannot together build a cycle.
	 */
	void lockTaxonomy() {
		neo4j.query("MERGE (l:TaxonomyLock {name: 'taxonomy'}) SET l.lockedAt = datetime()").run();
	}

	/**
	 * Which of the codes are taken, by a class or a tag (the two share one code space).
	 */
	String codeTakenBy(String code) {
		return Nodes.takenBy(neo4j, code, GraphModel.TAG_CLASS, "class", GraphModel.TAG, "tag");
	}

	boolean classExists(String code) {
		return Nodes.exist(neo4j, GraphModel.TAG_CLASS, "code", code);
	}

	/** Whether {@code candidate} is {@code code} itself or one of its descendants. */
	boolean isSelfOrDescendant(String candidate, String code) {
		return neo4j.query("""
				MATCH (candidate:TagClass {code: $candidate}), (c:TagClass {code: $code})
				RETURN EXISTS { (candidate)-[:BROADER]->*(c) } AS below""")
			.bindAll(Map.of("candidate", candidate, "code", code))
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	/** How many lower classes and tags a class still holds. */
	record ClassContents(long classes, long tags) {
	}

	ClassContents classContents(String code) {
		return neo4j.query("""
				MATCH (c:TagClass {code: $code})
				RETURN COUNT { (c)<-[:BROADER]-(:TagClass) } AS classes, COUNT { (c)<-[:IN_CLASS]-(:Tag) } AS tags""")
			.bind(code)
			.to("code")
			.fetchAs(ClassContents.class)
			.mappedBy((types, r) -> new ClassContents(r.get("classes").asLong(), r.get("tags").asLong()))
			.one()
			.orElse(new ClassContents(0, 0));
	}

	/**
	 * Exhaustive classes above {@code code} left with no tag if it moved (with its
	 * subtree and tags) under {@code newParent} (null: to the root). Only a class whose
	 * subtree holds tags can empty another.
	 */
	List<String> exhaustiveClassesEmptiedByMovingClass(String code, String newParent) {
		return List.copyOf(neo4j
			.query("""
					MATCH (c:TagClass {code: $code})-[:BROADER]->+(a:TagClass {exhaustive: true})
					WHERE ($newParent IS NULL OR NOT EXISTS { (:TagClass {code: $newParent})-[:BROADER]->*(a) })
					  AND EXISTS { (:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) }
					  AND NOT EXISTS { (:Tag)-[:IN_CLASS]->(x:TagClass)-[:BROADER]->*(a) WHERE NOT EXISTS { (x)-[:BROADER]->*(c) } }
					RETURN a.code AS code ORDER BY code""")
			.bindAll(CypherParameters.of("code", code, "newParent", newParent))
			.fetchAs(String.class)
			.all());
	}

	/**
	 * Exhaustive classes at or above the tag's class left with no tag if it moved to
	 * {@code newClass} (null: deleted).
	 */
	List<String> exhaustiveClassesEmptiedByRemovingTag(String code, String newClass) {
		return List.copyOf(neo4j.query("""
				MATCH (t:Tag {code: $code})-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(a:TagClass {exhaustive: true})
				WHERE ($newClass IS NULL OR NOT EXISTS { (:TagClass {code: $newClass})-[:BROADER]->*(a) })
				  AND NOT EXISTS { (o:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(a) WHERE o <> t }
				RETURN a.code AS code ORDER BY code""")
			.bindAll(CypherParameters.of("code", code, "newClass", newClass))
			.fetchAs(String.class)
			.all());
	}

	/** Whether a tag sits in the class or below it. */
	boolean holdsTags(String code) {
		return neo4j.query("""
				MATCH (c:TagClass {code: $code})
				RETURN EXISTS { (:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) } AS holds""")
			.bind(code)
			.to("code")
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	/** What still depends on a tag: tags derived from it, and customers carrying it. */
	record TagDependents(List<String> derivedTags, long customers, List<String> constraints) {
	}

	TagDependents tagDependents(String code) {
		return neo4j
			.query("""
					MATCH (t:Tag {code: $code})
					RETURN [(t)<-[:DERIVED_FROM]-(d:Tag) | d.code] AS derivedTags, COUNT { (t)<-[:HAS_TAG]-() } AS customers,
					       COLLECT { MATCH (t)<-[:IF_TAG|THEN_TAG]-(k:TagConstraint) RETURN DISTINCT k.code ORDER BY k.code } AS constraints""")
			.bind(code)
			.to("code")
			.fetchAs(TagDependents.class)
			.mappedBy((types, r) -> new TagDependents(r.get("derivedTags").asList(v -> v.asString()),
					r.get("customers").asLong(), r.get("constraints").asList(v -> v.asString())))
			.one()
			.orElse(new TagDependents(List.of(), 0, List.of()));
	}

	// ---- writes
	// -------------------------------------------------------------------------------

	void createClass(TagClassInput in) {
		neo4j
			.query("""
					CREATE (c:TagClass {code: $code, name: $name, criterion: $criterion, exclusive: $exclusive,
					                    exhaustive: $exhaustive, scope: $scope, overlapReason: $overlapReason, status: 'DRAFT',
					                    createdAt: datetime()})
					WITH c
					OPTIONAL MATCH (parent:TagClass {code: $parentCode})
					FOREACH (p IN CASE WHEN parent IS NULL THEN [] ELSE [parent] END | CREATE (c)-[:BROADER]->(p))""")
			.bindAll(CypherParameters.of("code", in.code(), "name", in.name(), "criterion", in.criterion(), "exclusive",
					Boolean.TRUE.equals(in.exclusive()), "exhaustive", Boolean.TRUE.equals(in.exhaustive()), "scope",
					in.scope(), "parentCode", in.parentCode(), "overlapReason", in.overlapReason()))
			.run();
	}

	void updateClass(String code, TagClassChanges changes) {
		neo4j.query("""
				MATCH (c:TagClass {code: $code})
				SET c.name = coalesce($name, c.name), c.criterion = coalesce($criterion, c.criterion),
				    c.exclusive = coalesce($exclusive, c.exclusive), c.exhaustive = coalesce($exhaustive, c.exhaustive),
				    c.scope = coalesce($scope, c.scope), c.overlapReason = coalesce($overlapReason, c.overlapReason),
				    c.updatedAt = datetime()""")
			.bindAll(CypherParameters.of("code", code, "name", changes.name(), "criterion", changes.criterion(),
					"exclusive", changes.exclusive(), "exhaustive", changes.exhaustive(), "scope", changes.scope(),
					"overlapReason", changes.overlapReason()))
			.run();
	}

	void moveClass(String code, String newParentCode) {
		neo4j.query("""
				MATCH (c:TagClass {code: $code})
				OPTIONAL MATCH (c)-[old:BROADER]->(:TagClass)
				DELETE old
				WITH DISTINCT c
				OPTIONAL MATCH (parent:TagClass {code: $parentCode})
				FOREACH (p IN CASE WHEN parent IS NULL THEN [] ELSE [parent] END | CREATE (c)-[:BROADER]->(p))
				SET c.updatedAt = datetime()""")
			.bindAll(CypherParameters.of("code", code, "parentCode", newParentCode))
			.run();
	}

	void createTag(TagInput in) {
		neo4j.query("""
				MATCH (c:TagClass {code: $classCode})
				CREATE (t:Tag {code: $code, name: $name, rule: $rule, status: 'DRAFT', createdAt: datetime()})
				CREATE (t)-[:IN_CLASS]->(c)""")
			.bindAll(CypherParameters.of("code", in.code(), "name", in.name(), "rule", in.rule(), "classCode",
					in.classCode()))
			.run();
	}

	void updateTag(String code, TagChanges changes) {
		neo4j.query("""
				MATCH (t:Tag {code: $code})
				SET t.name = coalesce($name, t.name), t.rule = coalesce($rule, t.rule), t.updatedAt = datetime()""")
			.bindAll(CypherParameters.of("code", code, "name", changes.name(), "rule", changes.rule()))
			.run();
	}

	void moveTag(String code, String classCode) {
		neo4j.query("""
				MATCH (t:Tag {code: $code}), (c:TagClass {code: $classCode})
				OPTIONAL MATCH (t)-[old:IN_CLASS]->(:TagClass)
				DELETE old
				WITH DISTINCT t, c
				CREATE (t)-[:IN_CLASS]->(c)
				SET t.updatedAt = datetime()""").bindAll(Map.of("code", code, "classCode", classCode)).run();
	}

	/** Deletes the class or tag (by its label) with its relationships. */
	void delete(String label, String code) {
		Nodes.delete(neo4j, label, code);
	}

	// ---- class-scheme import
	// --------------------------------------------------------------------

	/** Every class with its parent and properties, to validate an import against. */
	Map<String, ClassRow> allClassRows() {
		Map<String, ClassRow> rows = new LinkedHashMap<>();
		neo4j.query("""
				MATCH (c:TagClass)
				RETURN c.code AS code, [(c)-[:BROADER]->(p:TagClass) | p.code][0] AS parent, c.name AS name,
				       c.criterion AS criterion, c.exclusive AS exclusive, c.exhaustive AS exhaustive""")
			.fetchAs(ClassRow.class)
			.mappedBy((types, r) -> new ClassRow(0, r.get("code").asString(), r.get("parent").asString(null),
					r.get("name").asString(null), r.get("criterion").asString(null),
					r.get("exclusive").isNull() ? null : r.get("exclusive").asBoolean(),
					r.get("exhaustive").isNull() ? null : r.get("exhaustive").asBoolean()))
			.all()
			.forEach(row -> rows.put(row.code(), row));
		return rows;
	}

	/** The classes holding a tag directly, for the structural rules of an import. */
	java.util.Set<String> classesHoldingTags() {
		return java.util.Set
			.copyOf(neo4j.query("MATCH (c:TagClass) WHERE EXISTS { (:Tag)-[:IN_CLASS]->(c) } RETURN c.code")
				.fetchAs(String.class)
				.all());
	}

	List<String> tagCodesAmong(Collection<String> codes) {
		return Nodes.existing(neo4j, GraphModel.TAG, codes);
	}

	/**
	 * Creates or updates the classes of one batch; parents are linked in a second pass.
	 */
	/**
	 * Creates or updates classes. {@code clear}: a null criterion, flag or scope removes
	 * the class's value (a flag becomes false); otherwise it keeps it.
	 */
	void upsertClasses(List<TaxonomyWriter.ClassRecord> batch, boolean clear) {
		neo4j
			.query("""
					UNWIND $rows AS row
					MERGE (c:TagClass {code: row.code})
					  ON CREATE SET c.createdAt = datetime(), c.exclusive = false, c.exhaustive = false
					  ON MATCH SET c.updatedAt = datetime()
					SET c.status = coalesce(row.status, %s),
					    c.name = row.name,
					    c.criterion = CASE WHEN row.criterion IS NULL AND NOT $clear THEN c.criterion ELSE row.criterion END,
					    c.exclusive = coalesce(row.exclusive, CASE WHEN $clear THEN false ELSE c.exclusive END),
					    c.exhaustive = coalesce(row.exhaustive, CASE WHEN $clear THEN false ELSE c.exhaustive END),
					    c.scope = CASE WHEN row.scope IS NULL AND NOT $clear THEN c.scope ELSE row.scope END,
					    c.overlapReason = coalesce(row.overlapReason, c.overlapReason)"""
				.formatted(GraphModel.status("c")))
			.bindAll(Map.of("rows", batch.stream().map(TaxonomyRepository::classParams).toList(), "clear", clear))
			.run();
	}

	/** Each class hangs below its parent (none when null) and nowhere else. */
	void linkParents(List<TaxonomyWriter.ClassRecord> batch) {
		neo4j.query("""
				UNWIND $rows AS row
				MATCH (c:TagClass {code: row.code})
				OPTIONAL MATCH (c)-[old:BROADER]->(:TagClass)
				DELETE old
				WITH DISTINCT c, row
				OPTIONAL MATCH (parent:TagClass {code: row.parent})
				FOREACH (p IN CASE WHEN parent IS NULL THEN [] ELSE [parent] END | CREATE (c)-[:BROADER]->(p))""")
			.bind(batch.stream().map(TaxonomyRepository::classParams).toList())
			.to("rows")
			.run();
	}

	/**
	 * Creates or updates tags, each moved into its class (a tag whose class is missing is
	 * skipped).
	 */
	void upsertTags(List<TaxonomyWriter.TagRecord> batch) {
		List<Map<String, Object>> rows = batch.stream()
			.map(t -> CypherParameters.of("code", t.code(), "classCode", t.classCode(), "name", t.name(), "rule",
					t.rule(), "status", t.status()))
			.toList();
		neo4j.query("""
				UNWIND $rows AS row
				MATCH (c:TagClass {code: row.classCode})
				MERGE (t:Tag {code: row.code})
				  ON CREATE SET t.createdAt = datetime()
				  ON MATCH SET t.updatedAt = datetime()
				SET t.status = coalesce(row.status, %s), t.name = row.name, t.rule = row.rule
				WITH t, c
				OPTIONAL MATCH (t)-[old:IN_CLASS]->(:TagClass)
				DELETE old
				WITH DISTINCT t, c
				CREATE (t)-[:IN_CLASS]->(c)""".formatted(GraphModel.status("t"))).bind(rows).to("rows").run();
	}

	private static Map<String, Object> classParams(TaxonomyWriter.ClassRecord c) {
		return CypherParameters.of("code", c.code(), "parent", c.parent(), "name", c.name(), "criterion", c.criterion(),
				"exclusive", c.exclusive(), "exhaustive", c.exhaustive(), "scope", c.scope(), "status", c.status(),
				"overlapReason", c.overlapReason());
	}

	// ---- mapping
	// ------------------------------------------------------------------------------

	private Map<String, List<TagClass>> classes(String cypher, Map<String, Object> params) {
		return grouped(cypher, params, TaxonomyRepository::toTagClass);
	}

	private Map<String, List<Tag>> tags(String cypher, Map<String, Object> params) {
		return grouped(cypher, params, TaxonomyRepository::toTag);
	}

	private <T> Map<String, List<T>> grouped(String cypher, Map<String, Object> params,
			java.util.function.Function<Record, T> mapper) {
		Map<String, List<T>> groups = new LinkedHashMap<>();
		neo4j.query(cypher)
			.bindAll(params)
			.fetchAs(Map.Entry.class)
			.mappedBy((types, row) -> Map.entry(row.get("key").asString(), mapper.apply(row)))
			.all()
			.forEach(entry -> groups.computeIfAbsent((String) entry.getKey(), k -> new ArrayList<>())
				.add(castItem(entry.getValue())));
		return groups;
	}

	@SuppressWarnings("unchecked")
	private static <T> T castItem(Object value) {
		return (T) value;
	}

	@SuppressWarnings("unchecked")
	private static List<TagClass> castList(Object value) {
		return (List<TagClass>) value;
	}

	private static TagClass toTagClass(Record r) {
		return new TagClass(r.get("code").asString(), r.get("name").asString(null), r.get("criterion").asString(null),
				r.get("exclusive").asBoolean(false), r.get("exhaustive").asBoolean(false),
				r.get("scope").asString(null), r.get("level").asInt(), r.get("parentCode").asString(null),
				r.get("overlapReason").asString(null));
	}

	private static Tag toTag(Record r) {
		return new Tag(r.get("code").asString(), r.get("name").asString(null), r.get("rule").asString(null),
				r.get("status").asString(), r.get("classCode").asString(null));
	}

}
