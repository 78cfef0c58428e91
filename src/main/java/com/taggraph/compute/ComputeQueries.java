package com.taggraph.compute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * What the graph says about rules: the rule computing each tag, each tag's carrier counts
 * over runs, and where declared lineage and rules disagree. Each answers a whole batch in
 * one statement.
 */
@Component
class ComputeQueries {

	private static final int HISTORY = 50;

	private final Neo4jClient neo4j;

	private final ComputeRunRepository runs;

	ComputeQueries(Neo4jClient neo4j, ComputeRunRepository runs) {
		this.neo4j = neo4j;
		this.runs = runs;
	}

	/** A rule as saved on its owner. */
	record TagRule(String owner, String sql, long version) {
	}

	/** A tag's carrier count after one run. */
	record CountPoint(String runId, String at, long carriers) {
	}

	/** Where a tag's declared lineage and its rule disagree. */
	record LineageDrift(String tag, List<String> declaredOnly, List<String> ruleOnly) {
	}

	<T> Map<T, TagRule> computedBy(List<T> items, Function<T, String> code) {
		Map<String, TagRule> byCode = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $codes AS code
				MATCH (t:Tag {code: code})
				OPTIONAL MATCH (t)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c:TagClass) WHERE c.ruleSql IS NOT NULL
				WITH code, t, head(collect(c)) AS c
				WITH code, CASE WHEN t.ruleSql IS NOT NULL THEN t ELSE c END AS owner
				WHERE owner IS NOT NULL
				RETURN code, owner.code AS owner, owner.ruleSql AS sql, owner.ruleVersion AS version""")
			.bind(items.stream().map(code).distinct().toList())
			.to("codes")
			.fetch()
			.all()
			.forEach(row -> byCode.put((String) row.get("code"), new TagRule((String) row.get("owner"),
					(String) row.get("sql"), ((Number) row.get("version")).longValue())));
		Map<T, TagRule> answer = new LinkedHashMap<>();
		items.forEach(item -> answer.put(item, byCode.get(code.apply(item))));
		return answer;
	}

	<T> Map<T, List<CountPoint>> countHistory(List<T> items, Function<T, String> code) {
		Map<String, List<CountPoint>> byCode = new LinkedHashMap<>();
		for (Map<String, Object> report : runs.reports(HISTORY)) {
			for (TagRunStat stat : runs.stats((String) report.get("report"))) {
				byCode.computeIfAbsent(stat.tag(), k -> new ArrayList<>())
					.add(new CountPoint((String) report.get("id"), (String) report.get("finishedAt"), stat.carriers()));
			}
		}
		Map<T, List<CountPoint>> answer = new LinkedHashMap<>();
		items.forEach(item -> answer.put(item, byCode.getOrDefault(code.apply(item), List.of())));
		return answer;
	}

	List<LineageDrift> lineageDrift() {
		return List.copyOf(neo4j
			.query("""
					MATCH (t:Tag) WHERE EXISTS { (t)-[:%s]->() } AND EXISTS { (t)-[:DERIVED_FROM {origin: 'RULE'}]->() }
					WITH t, COLLECT { MATCH (t)-[:%s]->(x) RETURN x.code } AS declared,
					     COLLECT { MATCH (t)-[:DERIVED_FROM {origin: 'RULE'}]->(x) RETURN x.code } AS ruled
					WITH t, [d IN declared WHERE NOT d IN ruled | d] AS declaredOnly,
					     [r IN ruled WHERE NOT r IN declared | r] AS ruleOnly
					WHERE size(declaredOnly) > 0 OR size(ruleOnly) > 0
					RETURN t.code AS tag, declaredOnly, ruleOnly ORDER BY tag""".formatted(RuleRepository.DECLARED_FROM,
					RuleRepository.DECLARED_FROM))
			.fetchAs(LineageDrift.class)
			.mappedBy((types, r) -> new LineageDrift(r.get("tag").asString(),
					r.get("declaredOnly").asList(v -> v.asString()).stream().sorted().toList(),
					r.get("ruleOnly").asList(v -> v.asString()).stream().sorted().toList()))
			.all());
	}

}
