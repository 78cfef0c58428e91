package com.taggraph.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;

import com.taggraph.BrowserFile;
import com.taggraph.TagGraphTest;

/**
 * {@code cypher/queries/rule-checks.cypher} repeats the statements of
 * {@link RuleCheckRepository} for Neo4j Browser. Over a library that breaks every rule,
 * each statement of the file answers the same violations (the same codes, in the same
 * order of codes) as the application's, and the summary counts them alike; so the file
 * cannot drift from the report users see.
 */
@TagGraphTest
class RuleChecksBrowserFileTest {

	@Autowired
	Driver driver;

	@Autowired
	RuleCheckRepository checks;

	@BeforeEach
	void aLibraryBreakingEveryRule() {
		cypher("""
				CREATE (a:TagClass {code: 'RCB-A', name: 'A', criterion: 'x', status: 'DRAFT'}),
				       (b:TagClass {code: 'RCB-B', name: 'B', criterion: 'x', status: 'DRAFT'}),
				       (o:TagClass {code: 'RCB-O', name: 'below the cycle', status: 'DRAFT'}),
				       (d:TagClass {code: 'RCB-D', name: 'no criterion', status: 'DRAFT'}),
				       (d1:TagClass {code: 'RCB-D1', name: 'D1', status: 'DRAFT'}),
				       (e:TagClass {code: 'RCB-E', name: 'empty', exhaustive: true, status: 'DRAFT'}),
				       (a)-[:BROADER]->(b), (b)-[:BROADER]->(a), (o)-[:BROADER]->(a), (d1)-[:BROADER]->(d),
				       (:Tag {code: 'RCB-T0', name: 'in no class', status: 'DRAFT'}),
				       (t1:Tag {code: 'RCB-T1', name: 'no lineage', status: 'APPROVED'})-[:IN_CLASS]->(d1),
				       (t2:Tag {code: 'RCB-T2', name: 'live', status: 'APPROVED'})-[:IN_CLASS]->(d1),
				       (t3:Tag {code: 'RCB-T3', name: 'retired', status: 'DEPRECATED', replacedBy: 'RCB-T1'})-[:IN_CLASS]->(d1),
				       (t2)-[:DERIVED_FROM]->(t3)""");
	}

	@AfterEach
	void cleanUp() {
		cypher("MATCH (n) WHERE (n:TagClass OR n:Tag) AND n.code STARTS WITH 'RCB-' DETACH DELETE n");
	}

	@Test
	void everyStatementOfTheFileFindsWhatTheApplicationFinds() {
		List<String> statements = BrowserFile.named("rule-checks.cypher").statements();
		Map<String, Supplier<List<RuleCheckRepository.Found>>> app = new LinkedHashMap<>();
		app.put("CLASS_CYCLE", checks::classCycles);
		app.put("ORPHAN_CLASS", checks::orphanClasses);
		app.put("ORPHAN_TAG", checks::orphanTags);
		app.put("DIVISION_WITHOUT_CRITERION", checks::divisionsWithoutCriterion);
		app.put("EXHAUSTIVE_CLASS_EMPTY", checks::emptyExhaustiveClasses);
		app.put("NO_LINEAGE", checks::tagsWithoutLineage);
		app.put("DERIVED_FROM_DEPRECATED", checks::derivationsFromDeprecated);
		assertThat(statements).as("the summary and one statement per check").hasSize(1 + app.size());

		Map<String, Long> summary = new LinkedHashMap<>();
		rows(statements.get(0)).forEach(r -> summary.put(r.get("kind").asString(), r.get("found").asLong()));
		int check = 1;
		for (var entry : app.entrySet()) {
			List<List<String>> fromFile = sorted(
					rows(statements.get(check++)).stream().map(r -> r.get("codes").asList(Value::asString)).toList());
			List<List<String>> fromApp = sorted(
					entry.getValue().get().stream().map(RuleCheckRepository.Found::codes).toList());

			assertThat(fromFile).as(entry.getKey()).isEqualTo(fromApp);
			assertThat(summary.getOrDefault(entry.getKey(), 0L)).as("summary of " + entry.getKey())
				.isEqualTo(fromApp.size());
		}
		// the library above breaks every rule, so no check agrees by both finding nothing
		assertThat(summary.keySet()).containsAll(app.keySet());
		assertThat(sorted(rows(statements.get(1)).stream().map(r -> r.get("codes").asList(Value::asString)).toList()))
			.contains(List.of("RCB-A", "RCB-B"));
		assertThat(rows(statements.get(7)).stream().map(r -> r.get("codes").asList(Value::asString)))
			.contains(List.of("RCB-T2", "RCB-T3"));
	}

	private List<org.neo4j.driver.Record> rows(String statement) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(statement).list());
		}
	}

	private void cypher(String statement) {
		try (var session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
		}
	}

	private static List<List<String>> sorted(List<List<String>> codes) {
		List<List<String>> copy = new ArrayList<>(codes);
		copy.sort(Comparator.comparing(c -> String.join("\u0000", c)));
		return copy;
	}

}
