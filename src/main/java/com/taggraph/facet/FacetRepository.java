package com.taggraph.facet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;
import com.taggraph.graph.GraphModel;
import com.taggraph.graph.Nodes;
import com.taggraph.taxonomy.Tag;

/**
 * The Cypher of facets, their values and the tags' values; every read answers for many
 * owners at once.
 */
@Repository
@SuppressWarnings("unchecked")
class FacetRepository {

	/** Projection of a facet {@code f}. */
	private static final String FACET_COLUMNS = """
			f.code AS code, f.name AS name, f.criterion AS criterion,
			[(f)-[:SUB_FACET_OF]->(p:Facet) | p.code][0] AS parentCode""";

	/**
	 * The rest of a query that has matched a value {@code v}: its facet and top-level
	 * facet.
	 */
	private static final String VALUE_COLUMNS = """
			v.code AS code, v.name AS name, v.customersWithAnyOf AS customersWithAnyOf,
			[(v)-[:OF_FACET]->(vf:Facet) | vf.code][0] AS facetCode,
			head(COLLECT { MATCH (v)-[:OF_FACET]->(:Facet)-[:SUB_FACET_OF]->*(top:Facet)
			               WHERE NOT (top)-[:SUB_FACET_OF]->(:Facet) RETURN top.code }) AS topFacetCode""";

	/** Projection of a tag {@code t}, as the taxonomy reads it. */
	private static final String TAG_MAP = """
			t {.code, .name, .rule, status: %s, classCode: [(t)-[:IN_CLASS]->(x:TagClass) | x.code][0]}"""
		.formatted(GraphModel.status("t"));

	private final Neo4jClient neo4j;

	FacetRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/** Serialises facet writes, so checks of codes and values cannot race each other. */
	void lockFacets() {
		neo4j.query("MERGE (l:TaxonomyLock {name: 'facets'}) SET l.lockedAt = datetime()").run();
	}

	// ---- reads
	// --------------------------------------------------------------------------------

	List<Facet> topFacets() {
		return facets("""
				MATCH (f:Facet) WHERE NOT (f)-[:SUB_FACET_OF]->(:Facet)
				RETURN '' AS key, %s ORDER BY code""", Map.of()).getOrDefault("", List.of());
	}

	Map<String, Facet> facetsByCode(Collection<String> codes) {
		Map<String, Facet> found = new LinkedHashMap<>();
		facets("""
				UNWIND $codes AS key
				MATCH (f:Facet {code: key})
				RETURN key, %s""", Map.of("codes", codes)).forEach((code, list) -> found.put(code, list.get(0)));
		return found;
	}

	Optional<Facet> findFacet(String code) {
		return Optional.ofNullable(facetsByCode(List.of(code)).get(code));
	}

	Map<String, List<Facet>> subFacets(Collection<String> codes) {
		return facets("""
				UNWIND $codes AS key
				MATCH (f:Facet)-[:SUB_FACET_OF]->(:Facet {code: key})
				RETURN key, %s ORDER BY key, code""", Map.of("codes", codes));
	}

	/**
	 * A facet's own values, or with {@code belowToo} also those of every sub-facet below
	 * it.
	 */
	Map<String, List<FacetValue>> valuesOf(Collection<String> facetCodes, boolean belowToo) {
		String match = belowToo ? "MATCH (v:FacetValue)-[:OF_FACET]->(:Facet)-[:SUB_FACET_OF]->*(:Facet {code: key})"
				: "MATCH (v:FacetValue)-[:OF_FACET]->(:Facet {code: key})";
		return values("""
				UNWIND $codes AS key
				%s
				RETURN key, %s ORDER BY key, code""".formatted(match, VALUE_COLUMNS), Map.of("codes", facetCodes));
	}

	Map<String, FacetValue> valuesByCode(Collection<String> codes) {
		Map<String, FacetValue> found = new LinkedHashMap<>();
		values("""
				UNWIND $codes AS key
				MATCH (v:FacetValue {code: key})
				RETURN key, %s""".formatted(VALUE_COLUMNS), Map.of("codes", codes))
			.forEach((code, list) -> found.put(code, list.get(0)));
		return found;
	}

	/** Each tag's values, ordered by top-level facet, then code. */
	Map<String, List<FacetValue>> valuesOfTags(Collection<String> tagCodes) {
		return values("""
				UNWIND $codes AS key
				MATCH (:Tag {code: key})-[:HAS_FACET_VALUE]->(v:FacetValue)
				RETURN key, %s ORDER BY key, topFacetCode, code""".formatted(VALUE_COLUMNS), Map.of("codes", tagCodes));
	}

	/** The tags with each value, ordered by code. */
	Map<String, List<Tag>> tagsWithValues(Collection<String> valueCodes, List<String> hidden) {
		Map<String, List<Tag>> result = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $codes AS key
				MATCH (t:Tag)-[:HAS_FACET_VALUE]->(:FacetValue {code: key}) WHERE NOT t.code IN $hidden
				WITH key, t ORDER BY t.code
				RETURN key, collect(%s) AS tags""".formatted(TAG_MAP))
			.bind(valueCodes)
			.to("codes")
			.bind(hidden)
			.to("hidden")
			.fetchAs(Map.Entry.class)
			.mappedBy((types, r) -> Map.entry(r.get("key").asString(), tags(r.get("tags"))))
			.all()
			.forEach(e -> result.put((String) e.getKey(), (List<Tag>) e.getValue()));
		return result;
	}

	/** A tag with the codes of its facet values. */
	record TagValues(Tag tag, Set<String> values) {
	}

	/**
	 * Every tag in the class or below it (all tags when null) whose name contains the
	 * text (any when null), by code.
	 */
	List<TagValues> tagsWithTheirValues(String classCode, String text, List<String> statuses, List<String> hidden) {
		return List.copyOf(neo4j
			.query("""
					MATCH (t:Tag)
					WHERE ($classCode IS NULL OR EXISTS { (t)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(:TagClass {code: $classCode}) })
					  AND ($text IS NULL OR toLower(t.name) CONTAINS toLower($text))
					  AND ($statuses IS NULL OR %s IN $statuses)
					WITH t ORDER BY t.code
					RETURN %s AS tag, [(t)-[:HAS_FACET_VALUE]->(v:FacetValue) | v.code] AS values"""
				.formatted(GraphModel.status("t"), TAG_MAP))
			.bindAll(CypherParameters.of("classCode", classCode, "text", text, "statuses", statuses))
			.fetchAs(TagValues.class)
			.mappedBy((types, r) -> new TagValues(toTag(r.get("tag")),
					Set.copyOf(r.get("values").asList(Value::asString))))
			.all()
			.stream()
			// hidden tags are left out here, not in the Cypher: see visible(...)
			.filter(tagValues -> !hidden.contains(tagValues.tag().code()))
			.toList());
	}

	/** Per top-level facet: tags with no value in it, and tags with two or more. */
	List<FacetCoverage> coverage(List<String> hidden) {
		return List
			.copyOf(neo4j
				.query("""
						MATCH (top:Facet) WHERE NOT (top)-[:SUB_FACET_OF]->(:Facet)
						CALL (top) {
						  MATCH (t:Tag)
						  WITH t, COUNT { (t)-[:HAS_FACET_VALUE]->(:FacetValue)-[:OF_FACET]->(:Facet)-[:SUB_FACET_OF]->*(top) } AS n
						  WHERE n <> 1
						  WITH t, n ORDER BY t.code
						  RETURN collect(CASE WHEN n = 0 THEN %1$s END) AS without, collect(CASE WHEN n > 1 THEN %1$s END) AS several
						}
						RETURN top.code AS code, top.name AS name, top.criterion AS criterion, without, several
						ORDER BY code"""
					.formatted(TAG_MAP))
				.fetchAs(FacetCoverage.class)
				.mappedBy((types, r) -> new FacetCoverage(
						new Facet(r.get("code").asString(), r.get("name").asString(null),
								r.get("criterion").asString(null), null),
						visible(tags(r.get("without")), hidden), visible(tags(r.get("several")), hidden)))
				.all());
	}

	/**
	 * The tags the caller may see. Coverage leaves hidden tags out here rather than in
	 * its Cypher: Neo4j 5.26's planner fails that subquery ("t.code should not appear
	 * non-cached") once it also filters on the code.
	 */
	private static List<Tag> visible(List<Tag> tags, List<String> hidden) {
		return hidden.isEmpty() ? tags : tags.stream().filter(t -> !hidden.contains(t.code())).toList();
	}

	/**
	 * Which of the codes name a facet or a value (the two share one code space), and
	 * which kind.
	 */
	String codeTakenBy(String code) {
		return Nodes.takenBy(neo4j, code, GraphModel.FACET, "facet", GraphModel.FACET_VALUE, "facet value");
	}

	/** How many sub-facets and values a facet holds directly. */
	record FacetContents(long subFacets, long values) {
	}

	FacetContents facetContents(String code) {
		return neo4j
			.query("""
					MATCH (f:Facet {code: $code})
					RETURN COUNT { (:Facet)-[:SUB_FACET_OF]->(f) } AS subFacets, COUNT { (:FacetValue)-[:OF_FACET]->(f) } AS values""")
			.bind(code)
			.to("code")
			.fetchAs(FacetContents.class)
			.mappedBy((types, r) -> new FacetContents(r.get("subFacets").asLong(), r.get("values").asLong()))
			.one()
			.orElseThrow();
	}

	/**
	 * What still uses a facet value: how many tags have it (with the first 20 codes), and
	 * the classes naming it as their scope.
	 */
	record ValueUsers(long tags, List<String> sampleTags, List<String> classes) {
	}

	ValueUsers valueUsers(String code) {
		return neo4j.query("""
				MATCH (v:FacetValue {code: $code})
				CALL (v) {
				  MATCH (t:Tag)-[:HAS_FACET_VALUE]->(v)
				  WITH t ORDER BY t.code
				  RETURN count(t) AS tags, collect(t.code)[0..20] AS sampleTags
				}
				CALL (v) {
				  MATCH (c:TagClass {scope: v.code})
				  RETURN collect(c.code) AS classes
				}
				RETURN tags, sampleTags, classes""")
			.bind(code)
			.to("code")
			.fetchAs(ValueUsers.class)
			.mappedBy((types, r) -> new ValueUsers(r.get("tags").asLong(), r.get("sampleTags").asList(Value::asString),
					r.get("classes").asList(Value::asString)))
			.one()
			.orElseThrow();
	}

	boolean tagExists(String code) {
		return Nodes.exist(neo4j, GraphModel.TAG, "code", code);
	}

	// ---- writes
	// -------------------------------------------------------------------------------

	void createFacet(FacetInput in) {
		neo4j.query("""
				CREATE (f:Facet {code: $code, name: $name, criterion: $criterion, status: 'DRAFT'})
				WITH f
				OPTIONAL MATCH (p:Facet {code: $parentCode})
				FOREACH (parent IN CASE WHEN p IS NULL THEN [] ELSE [p] END | CREATE (f)-[:SUB_FACET_OF]->(parent))""")
			.bindAll(CypherParameters.of("code", in.code(), "name", in.name(), "criterion", in.criterion(),
					"parentCode", in.parentCode()))
			.run();
	}

	void updateFacet(String code, FacetChanges changes) {
		neo4j.query("""
				MATCH (f:Facet {code: $code})
				SET f.name = coalesce($name, f.name), f.criterion = coalesce($criterion, f.criterion)""")
			.bindAll(CypherParameters.of("code", code, "name", changes.name(), "criterion", changes.criterion()))
			.run();
	}

	void createValue(FacetValueInput in) {
		neo4j.query("""
				MATCH (f:Facet {code: $facetCode})
				CREATE (v:FacetValue {code: $code, name: $name})-[:OF_FACET]->(f)""")
			.bindAll(CypherParameters.of("code", in.code(), "name", in.name(), "facetCode", in.facetCode()))
			.run();
	}

	void updateValue(String code, FacetValueChanges changes) {
		neo4j.query("MATCH (v:FacetValue {code: $code}) SET v.name = coalesce($name, v.name)")
			.bindAll(CypherParameters.of("code", code, "name", changes.name()))
			.run();
	}

	/** Deletes the facet or value (by its label) with its relationships. */
	void delete(String label, String code) {
		Nodes.delete(neo4j, label, code);
	}

	/**
	 * Takes the tag's write lock, so two classifications of one tag run one after the
	 * other.
	 */
	void lockTag(String code) {
		neo4j.query("MATCH (t:Tag {code: $code}) SET t.code = t.code").bind(code).to("code").run();
	}

	/** Replaces the tag's values in the given top-level facets with the given values. */
	void classify(String tagCode, Collection<String> topFacetCodes, Collection<String> valueCodes) {
		neo4j.query("""
				MATCH (t:Tag {code: $tag})
				CALL (t) {
				  MATCH (t)-[old:HAS_FACET_VALUE]->(:FacetValue)-[:OF_FACET]->(:Facet)-[:SUB_FACET_OF]->*(top:Facet)
				  WHERE top.code IN $tops
				  DELETE old
				}
				WITH t
				UNWIND $values AS code
				MATCH (v:FacetValue {code: code})
				MERGE (t)-[:HAS_FACET_VALUE]->(v)""")
			.bindAll(Map.of("tag", tagCode, "tops", List.copyOf(topFacetCodes), "values", List.copyOf(valueCodes)))
			.run();
	}

	// ---- mapping
	// ------------------------------------------------------------------------------

	private Map<String, List<Facet>> facets(String cypher, Map<String, Object> params) {
		Map<String, List<Facet>> result = new LinkedHashMap<>();
		neo4j.query(cypher.formatted(FACET_COLUMNS))
			.bindAll(params)
			.fetchAs(Map.Entry.class)
			.mappedBy((types, r) -> Map.entry(r.get("key").asString(),
					new Facet(r.get("code").asString(), r.get("name").asString(null), r.get("criterion").asString(null),
							r.get("parentCode").asString(null))))
			.all()
			.forEach(
					e -> result.computeIfAbsent((String) e.getKey(), k -> new ArrayList<>()).add((Facet) e.getValue()));
		return result;
	}

	private Map<String, List<FacetValue>> values(String cypher, Map<String, Object> params) {
		Map<String, List<FacetValue>> result = new LinkedHashMap<>();
		neo4j.query(cypher)
			.bindAll(params)
			.fetchAs(Map.Entry.class)
			.mappedBy((types, r) -> Map.entry(r.get("key").asString(), toValue(r)))
			.all()
			.forEach(e -> result.computeIfAbsent((String) e.getKey(), k -> new ArrayList<>())
				.add((FacetValue) e.getValue()));
		return result;
	}

	private static FacetValue toValue(MapAccessor r) {
		Value scope = r.get("customersWithAnyOf");
		return new FacetValue(r.get("code").asString(), r.get("name").asString(null), r.get("facetCode").asString(null),
				r.get("topFacetCode").asString(null), scope.isNull() ? null : scope.asList(Value::asString));
	}

	private static List<Tag> tags(Value list) {
		return list.asList(FacetRepository::toTag);
	}

	private static Tag toTag(Value t) {
		return new Tag(t.get("code").asString(), t.get("name").asString(null), t.get("rule").asString(null),
				t.get("status").asString(), t.get("classCode").asString(null));
	}

}
