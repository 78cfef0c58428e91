package com.taggraph.compute;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code :ComputeRun} nodes: each run's request, state, progress and per-tag report
 * (kept as JSON: it is read whole, never queried into).
 */
@Repository
class ComputeRunRepository {

	private final Neo4jClient neo4j;

	private final JsonMapper json = JsonMapper.builder().build();

	ComputeRunRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	void save(ComputeRun run) {
		neo4j.query("""
				MERGE (r:ComputeRun {id: $id})
				SET r.state = $state, r.dryRun = $dryRun, r.by = $by, r.startedAt = $startedAt,
				    r.finishedAt = $finishedAt, r.requestedTags = $requestedTags,
				    r.requestedClasses = $requestedClasses, r.tagsDone = $tagsDone, r.tagsTotal = $tagsTotal,
				    r.assignmentsWritten = $written, r.report = $report, r.refused = $refused, r.error = $error""")
			.bindAll(CypherParameters.of("id", run.id(), "state", run.state(), "dryRun", run.dryRun(), "by", run.by(),
					"startedAt", run.startedAt(), "finishedAt", run.finishedAt(), "requestedTags", run.requestedTags(),
					"requestedClasses", run.requestedClasses(), "tagsDone", run.tagsDone(), "tagsTotal",
					run.tagsTotal(), "written", run.assignmentsWritten(), "report", json.writeValueAsString(run.tags()),
					"refused", json.writeValueAsString(run.refused()), "error", run.error()))
			.run();
		if (ComputeRun.COMPLETED.equals(run.state()) && !run.dryRun()) {
			neo4j.query("""
					MATCH (r:ComputeRun {id: $id})
					UNWIND $counts AS count
					MATCH (t:Tag {code: count.tag})
					MERGE (r)-[c:COUNTED]->(t)
					SET c.carriers = count.carriers""")
				.bindAll(Map.of("id", run.id(), "counts",
						run.tags()
							.stream()
							.map(stat -> Map.<String, Object>of("tag", stat.tag(), "carriers", stat.carriers()))
							.toList()))
				.run();
		}
	}

	Optional<ComputeRun> find(String id) {
		return neo4j.query("MATCH (r:ComputeRun {id: $id}) RETURN properties(r) AS run")
			.bind(id)
			.to("id")
			.fetchAs(ComputeRun.class)
			.mappedBy((types, r) -> toRun(r.get("run").asMap()))
			.one();
	}

	List<ComputeRun> findAll(List<String> ids) {
		return List.copyOf(neo4j.query("UNWIND $ids AS id MATCH (r:ComputeRun {id: id}) RETURN properties(r) AS run")
			.bind(ids)
			.to("ids")
			.fetchAs(ComputeRun.class)
			.mappedBy((types, r) -> toRun(r.get("run").asMap()))
			.all());
	}

	List<ComputeRun> latest(int limit) {
		return List.copyOf(neo4j.query("""
				MATCH (r:ComputeRun) RETURN properties(r) AS run ORDER BY r.startedAt DESC, r.id DESC LIMIT $limit""")
			.bind(limit)
			.to("limit")
			.fetchAs(ComputeRun.class)
			.mappedBy((types, r) -> toRun(r.get("run").asMap()))
			.all());
	}

	List<ComputeRun> inState(String state) {
		return List.copyOf(neo4j.query("MATCH (r:ComputeRun {state: $state}) RETURN properties(r) AS run ORDER BY r.id")
			.bind(state)
			.to("state")
			.fetchAs(ComputeRun.class)
			.mappedBy((types, r) -> toRun(r.get("run").asMap()))
			.all());
	}

	/** A tag's carrier counts over the completed runs that computed it, oldest first. */
	List<Map<String, Object>> reports(int limit) {
		return List.copyOf(neo4j.query("""
				MATCH (r:ComputeRun {state: 'COMPLETED', dryRun: false})
				RETURN r.id AS id, r.finishedAt AS finishedAt, r.report AS report
				ORDER BY r.finishedAt DESC LIMIT $limit""").bind(limit).to("limit").fetch().all());
	}

	List<TagRunStat> stats(String report) {
		return report == null ? List.of() : json.readValue(report, new TypeReference<List<TagRunStat>>() {
		});
	}

	private ComputeRun toRun(Map<String, Object> p) {
		List<TagRunStat> stats = stats((String) p.get("report"));
		List<ClassRefusal> refused = p.get("refused") == null ? List.of()
				: json.readValue((String) p.get("refused"), new TypeReference<List<ClassRefusal>>() {
				});
		return new ComputeRun((String) p.get("id"), (String) p.get("state"), Boolean.TRUE.equals(p.get("dryRun")),
				(String) p.get("by"), (String) p.get("startedAt"), (String) p.get("finishedAt"),
				strings(p.get("requestedTags")), strings(p.get("requestedClasses")), number(p.get("tagsDone")),
				number(p.get("tagsTotal")),
				p.get("assignmentsWritten") == null ? 0 : ((Number) p.get("assignmentsWritten")).longValue(), stats,
				refused, (String) p.get("error"));
	}

	private static int number(Object value) {
		return value == null ? 0 : ((Number) value).intValue();
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return value == null ? List.of() : List.copyOf((List<String>) value);
	}

}
