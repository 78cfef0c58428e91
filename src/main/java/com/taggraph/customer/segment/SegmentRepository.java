package com.taggraph.customer.segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.GraphModel;
import com.taggraph.graph.Nodes;
import com.taggraph.taxonomy.Tag;

/**
 * The Cypher of segments: reading the graph into the index, resolving codes, and saved
 * segments.
 */
@Repository
class SegmentRepository {

	private final Neo4jClient neo4j;

	SegmentRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	// ---- building the index
	// -------------------------------------------------------------------

	List<String> customerIds() {
		return neo4j.query("""
				MATCH (c:Customer)
				RETURN collect(c.id) AS ids""")
			.fetchAs(List.class)
			.mappedBy((types, r) -> r.get("ids").asList(Value::asString))
			.one()
			.map(SegmentRepository::strings)
			.orElse(List.of());
	}

	/**
	 * Each carried tag with its number of carriers, read from the degree store, not by
	 * expansion.
	 */
	Map<String, Long> carriedTags() {
		Map<String, Long> degrees = new LinkedHashMap<>();
		neo4j.query("""
				MATCH (t:Tag)
				WITH t.code AS code, COUNT { (t)<-[:HAS_TAG]-() } AS carriers WHERE carriers > 0
				RETURN code, carriers ORDER BY code""")
			.fetch()
			.all()
			.forEach(row -> degrees.put((String) row.get("code"), ((Number) row.get("carriers")).longValue()));
		return degrees;
	}

	/**
	 * The carriers of each tag, as one list per tag: far faster than a row per customer,
	 * and one statement for many tags saves a round trip per tag. No predicate on
	 * {@code c.id} (collect skips nulls): one would let the planner scan the customer
	 * index instead of expanding from the tag.
	 */
	Map<String, List<String>> carriersOf(Collection<String> tagCodes) {
		Map<String, List<String>> carriers = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $codes AS code
				MATCH (t:Tag {code: code})
				RETURN code, COLLECT { MATCH (t)<-[:HAS_TAG]-(c) RETURN c.id } AS ids""")
			.bind(tagCodes)
			.to("codes")
			.fetchAs(Map.Entry.class)
			.mappedBy((types, r) -> Map.entry(r.get("code").asString(), r.get("ids").asList(Value::asString)))
			.all()
			.forEach(e -> carriers.put((String) e.getKey(), strings(e.getValue())));
		return carriers;
	}

	/**
	 * Every class with the tags directly in it, and the scope values that define
	 * customers.
	 */
	Library library() {
		return neo4j.query("""
				CALL () {
				  MATCH (c:TagClass)
				  RETURN collect({code: c.code, parent: [(c)-[:BROADER]->(p:TagClass) | p.code][0],
				                  exclusive: coalesce(c.exclusive, false), exhaustive: coalesce(c.exhaustive, false),
				                  scope: c.scope, tags: [(c)<-[:IN_CLASS]-(t:Tag) | t.code]}) AS classes
				}
				CALL () {
				  MATCH (v:FacetValue) WHERE v.customersWithAnyOf IS NOT NULL
				  RETURN collect({code: v.code, tags: v.customersWithAnyOf}) AS scopes
				}
				RETURN classes, scopes""").fetchAs(Library.class).mappedBy((types, r) -> {
			List<Library.ClassNode> classes = r.get("classes")
				.asList(c -> new Library.ClassNode(c.get("code").asString(), c.get("parent").asString(null),
						c.get("exclusive").asBoolean(), c.get("exhaustive").asBoolean(), c.get("scope").asString(null),
						c.get("tags").asList(Value::asString)));
			Map<String, List<String>> scopes = new LinkedHashMap<>();
			r.get("scopes")
				.asList(v -> v)
				.forEach(v -> scopes.put(v.get("code").asString(), v.get("tags").asList(Value::asString)));
			return new Library(classes, scopes);
		}).one().orElse(Library.EMPTY);
	}

	// ---- reading for requests
	// -----------------------------------------------------------------

	/**
	 * The tags each code stands for: itself for a tag, every tag in or below it for a
	 * class, every tag with the value for a facet value. Codes that name none of these
	 * are left out.
	 */
	Map<String, List<String>> resolve(Collection<String> codes) {
		Map<String, List<String>> resolved = new LinkedHashMap<>();
		neo4j
			.query("""
					UNWIND $codes AS code
					OPTIONAL MATCH (t:Tag {code: code})
					OPTIONAL MATCH (c:TagClass {code: code})
					OPTIONAL MATCH (v:FacetValue {code: code})
					WITH code, t, c, v WHERE t IS NOT NULL OR c IS NOT NULL OR v IS NOT NULL
					RETURN code, CASE WHEN t IS NOT NULL THEN [t.code]
					                  WHEN c IS NOT NULL THEN COLLECT { MATCH (c)<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(x:Tag) RETURN x.code }
					                  ELSE COLLECT { MATCH (v)<-[:HAS_FACET_VALUE]-(x:Tag) RETURN x.code }
					             END AS tags""")
			.bind(codes)
			.to("codes")
			.fetch()
			.all()
			.forEach(row -> resolved.put((String) row.get("code"), strings(row.get("tags"))));
		return resolved;
	}

	/** The tags in or below each class, ordered by code; unknown classes are left out. */
	Map<String, List<Tag>> tagsAtOrBelow(Collection<String> classCodes) {
		Map<String, List<Tag>> tags = new LinkedHashMap<>();
		neo4j
			.query("""
					UNWIND $codes AS key
					MATCH (k:TagClass {code: key})
					OPTIONAL MATCH (k)<-[:BROADER]-*(x:TagClass)<-[:IN_CLASS]-(t:Tag)
					WITH key, t, x ORDER BY t.code
					RETURN key, collect(t {.code, .name, .rule, status: %s, classCode: x.code}) AS tags"""
				.formatted(GraphModel.status("t")))
			.bind(classCodes)
			.to("codes")
			.fetchAs(Map.Entry.class)
			.mappedBy((types, r) -> Map.entry(r.get("key").asString(), r.get("tags")
				.asList(t -> new Tag(t.get("code").asString(), t.get("name").asString(null),
						t.get("rule").asString(null), t.get("status").asString(), t.get("classCode").asString()))))
			.all()
			.forEach(e -> tags.put((String) e.getKey(), tagList(e.getValue())));
		return tags;
	}

	// ---- saved segments
	// -----------------------------------------------------------------------

	boolean segmentExists(String name) {
		return Nodes.exist(neo4j, GraphModel.SEGMENT, "name", name);
	}

	/** Creates the segment and returns its creation time. */
	String createSegment(String name, String definition) {
		return neo4j.query("""
				CREATE (s:Segment {name: $name, definition: $definition, createdAt: datetime()})
				RETURN toString(s.createdAt) AS createdAt""")
			.bindAll(Map.of("name", name, "definition", definition))
			.fetchAs(String.class)
			.one()
			.orElseThrow();
	}

	/** A saved segment as stored: its definition is JSON text. */
	record StoredSegment(String name, String definition, String createdAt) {
	}

	/** Every saved segment, ordered by name. */
	List<StoredSegment> segments() {
		return List.copyOf(neo4j.query("""
				MATCH (s:Segment)
				RETURN s.name AS name, s.definition AS definition, toString(s.createdAt) AS createdAt
				ORDER BY name""")
			.fetchAs(StoredSegment.class)
			.mappedBy((types, r) -> new StoredSegment(r.get("name").asString(), r.get("definition").asString(null),
					r.get("createdAt").asString(null)))
			.all());
	}

	boolean deleteSegment(String name) {
		return neo4j.query("""
				MATCH (s:Segment {name: $name})
				DELETE s
				RETURN count(*) AS deleted""").bind(name).to("name").fetchAs(Long.class).one().orElse(0L) > 0;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object list) {
		return list == null ? List.of() : new ArrayList<>((List<String>) list);
	}

	@SuppressWarnings("unchecked")
	private static List<Tag> tagList(Object list) {
		return List.copyOf((List<Tag>) list);
	}

}
