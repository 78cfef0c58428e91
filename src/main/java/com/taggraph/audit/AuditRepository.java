package com.taggraph.audit;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;

import tools.jackson.databind.json.JsonMapper;

/**
 * All Cypher of the audit trail. Events are only ever created and read here: no statement
 * updates or deletes one.
 */
@Repository
class AuditRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The filter of {@code changes}, after a MATCH of events {@code e}. */
	private static final String FILTER = """

			WHERE ($since IS NULL OR e.at >= $since)
			  AND ($by IS NULL OR e.by = $by)
			  AND ($kind IS NULL OR e.kind = $kind)
			""";

	private final Neo4jClient neo4j;

	private final Map<ChangeKind, String> stateQueries = new EnumMap<>(ChangeKind.class);

	AuditRepository(Neo4jClient neo4j, List<AuditedRelationships> relationships) {
		this.neo4j = neo4j;
		for (ChangeKind kind : ChangeKind.values()) {
			if (!kind.hasNode()) {
				continue;
			}
			stateQueries.put(kind, kind.stateQuery(AuditedRelationships.entriesOf(relationships, kind)));
		}
	}

	/**
	 * The node's properties and relationship state, keys sorted; empty when there is no
	 * such node.
	 */
	Optional<Map<String, Object>> stateOf(ChangeKind kind, String code) {
		String query = stateQueries.get(kind);
		if (query == null) {
			throw new IllegalStateException(kind + " has no node to read");
		}
		return neo4j.query(query).bind(code).to("code").fetchAs(Map.class).mappedBy((types, record) -> {
			Map<String, Object> state = new TreeMap<>(record.get("properties").asMap(AuditRepository::plain));
			state.putAll(record.get("links").asMap(AuditRepository::plain));
			return state;
		}).first().map(m -> (Map<String, Object>) m);
	}

	void create(String id, Actor actor, String operation, ChangeKind kind, String code, String before, String after,
			String importId) {
		Map<String, Object> params = CypherParameters.of("id", id, "by", actor.user(), "requestId", actor.requestId(),
				"operation", operation, "kind", kind.label(), "code", code, "before", before, "after", after,
				"importId", importId);
		neo4j.query("""
				CREATE (:ChangeEvent {id: $id, at: datetime(), by: $by, operation: $operation, kind: $kind, code: $code,
				                      before: $before, after: $after, requestId: $requestId, importId: $importId})""")
			.bindAll(params)
			.run();
	}

	/** Newest first (ids grow with time). */
	List<ChangeEvent> history(String code, ChangeKind kind, int limit) {
		Map<String, Object> params = CypherParameters.of("code", code, "kind", kind == null ? null : kind.label(),
				"limit", limit);
		return events("""
				MATCH (e:ChangeEvent {code: $code})
				WHERE $kind IS NULL OR e.kind = $kind
				RETURN e ORDER BY e.id DESC LIMIT $limit""", params);
	}

	/** Newest first, after the event with id {@code afterId} when given. */
	List<ChangeEvent> changes(String code, ZonedDateTime since, String by, ChangeKind kind, String afterId, int limit) {
		Map<String, Object> params = filter(code, since, by, kind);
		params.put("after", afterId);
		params.put("limit", limit);
		return events(match(code) + FILTER + """
				  AND ($after IS NULL OR e.id < $after)
				RETURN e ORDER BY e.id DESC LIMIT $limit""", params);
	}

	int countChanges(String code, ZonedDateTime since, String by, ChangeKind kind) {
		return neo4j.query(match(code) + FILTER + "RETURN count(e) AS n")
			.bindAll(filter(code, since, by, kind))
			.fetchAs(Integer.class)
			.mappedBy((types, row) -> row.get("n").asInt())
			.one()
			.orElse(0);
	}

	/** On one code, the match starts from the code's index. */
	private static String match(String code) {
		return code == null ? "MATCH (e:ChangeEvent)" : "MATCH (e:ChangeEvent {code: $code})";
	}

	private static Map<String, Object> filter(String code, ZonedDateTime since, String by, ChangeKind kind) {
		return CypherParameters.of("code", code, "since", since, "by", by, "kind", kind == null ? null : kind.label());
	}

	/**
	 * For each page (by its index), up to {@code size + 1} events of its node after its
	 * {@code afterId}, newest first, and how many events the node has in all.
	 */
	Map<Integer, Map.Entry<List<ChangeEvent>, Integer>> historyPages(List<AuditTrail.HistoryPage> pages) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < pages.size(); i++) {
			AuditTrail.HistoryPage page = pages.get(i);
			rows.add(CypherParameters.of("i", i, "kind", page.kind().label(), "code", page.code(), "after",
					page.afterId(), "limit", page.size() + 1));
		}
		Map<Integer, Map.Entry<List<ChangeEvent>, Integer>> result = new HashMap<>();
		neo4j
			.query("""
					UNWIND $pages AS p
					CALL (p) {
					  MATCH (e:ChangeEvent {kind: p.kind, code: p.code})
					  WITH e ORDER BY e.id DESC
					  WITH collect(e) AS events
					  RETURN size(events) AS total, [e IN events WHERE p.after IS NULL OR e.id < p.after][0..p.limit] AS page
					}
					RETURN p.i AS i, total, page""")
			.bind(rows)
			.to("pages")
			.fetchAs(Map.Entry.class)
			.mappedBy((types, r) -> Map.entry(r.get("i").asInt(),
					Map.entry(r.get("page").asList(e -> event(e)), r.get("total").asInt())))
			.all()
			.forEach(entry -> result.put((Integer) entry.getKey(), castPage(entry.getValue())));
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Map.Entry<List<ChangeEvent>, Integer> castPage(Object page) {
		return (Map.Entry<List<ChangeEvent>, Integer>) page;
	}

	/**
	 * The newest events of each (kind, code), for the {@code history} fields of many
	 * nodes at once.
	 */
	Map<String, List<ChangeEvent>> histories(ChangeKind kind, Collection<String> codes, int limit) {
		Map<String, List<ChangeEvent>> byCode = new HashMap<>();
		neo4j.query("""
				UNWIND $codes AS key
				CALL (key) {
				  MATCH (e:ChangeEvent {kind: $kind, code: key})
				  RETURN e ORDER BY e.id DESC LIMIT $limit
				}
				RETURN e""")
			.bindAll(Map.of("codes", codes, "kind", kind.label(), "limit", limit))
			.fetchAs(ChangeEvent.class)
			.mappedBy((types, record) -> event(record))
			.all()
			.forEach(e -> byCode.computeIfAbsent(e.code(), k -> new java.util.ArrayList<>()).add(e));
		return byCode;
	}

	private List<ChangeEvent> events(String cypher, Map<String, Object> params) {
		return List.copyOf(neo4j.query(cypher)
			.bindAll(params)
			.fetchAs(ChangeEvent.class)
			.mappedBy((types, record) -> event(record))
			.all());
	}

	private static ChangeEvent event(Record record) {
		return event(record.get("e"));
	}

	private static ChangeEvent event(Value e) {
		return new ChangeEvent(e.get("id").asString(), e.get("at").asOffsetDateTime(), e.get("by").asString(null),
				e.get("operation").asString(), ChangeKind.ofLabel(e.get("kind").asString()),
				e.get("code").asString(null), state(e.get("before").asString(null)),
				state(e.get("after").asString(null)), e.get("requestId").asString(null),
				e.get("importId").asString(null));
	}

	/**
	 * A state as stored (JSON text, keys sorted), as an object again; null stays null.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> state(String json) {
		return json == null ? null : JSON.readValue(json, LinkedHashMap.class);
	}

	/**
	 * Dates and times as their ISO text, so the JSON of a state reads the same in any
	 * client.
	 */
	private static Object plain(Value value) {
		Object object = value.asObject();
		if (object instanceof java.time.temporal.Temporal || object instanceof org.neo4j.driver.types.IsoDuration) {
			return object.toString();
		}
		if (object instanceof List<?> list) {
			return list.stream().map(o -> o instanceof java.time.temporal.Temporal ? o.toString() : o).toList();
		}
		return object;
	}

}
