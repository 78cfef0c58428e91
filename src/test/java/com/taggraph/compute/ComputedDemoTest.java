package com.taggraph.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.taggraph.ApiClient.Reply;
import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 16, done-when 1, 3 and 5, on the demo as the first start computes it: its tags
 * come from the demo source data through the rules, so the contradictions the random draw
 * had are gone; a change to the source data for 100 customers writes only their changes;
 * and a computed assignment explains itself with its rule, its run and the source rows
 * the rule read.
 */
@TagGraphTest
class ComputedDemoTest extends ApiTest {

	@Autowired
	SourceEngine engine;

	@Test
	void theFirstStartComputesTheDemoCustomersWithoutTheContradictionsOfARandomDraw() {
		assertThat(read("MATCH (:Customer)-[a:HAS_TAG {source: 'RULE'}]->() RETURN count(a) AS n").get(0).get("n"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LONG)
			.isGreaterThan(100_000L);
		assertThat(read("""
				MATCH (r:ComputeRun) WHERE r.id STARTS WITH 'run-demo-'
				RETURN r.state AS state, r.refused AS refused""")).singleElement()
			.satisfies(run -> assertThat(run).containsEntry("state", "COMPLETED").containsEntry("refused", "[]"));
		// the contradictions issue 16 found in the random demo, each counted by hand (on
		// the computed assignments: other test classes sharing this database assign by
		// hand)
		assertThat(count(
				"(c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0103'}), (c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0109'})"))
			.isZero();
		assertThat(count(
				"(c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0103'}), (c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0112'})"))
			.isZero();
		assertThat(count(
				"(c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0101'}), (c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0805'})"))
			.isZero();
		assertThat(count(
				"(c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0315'}), (c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0311'})"))
			.isZero();
		assertThat(count(
				"(c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0307'}), (c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0311'})"))
			.isZero();
		// and what the data says holds: residential customers are on low voltage with the
		// residential tariff
		long residential = count("(c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0103'})");
		assertThat(residential).isGreaterThan(5000);
		assertThat(count("""
				(c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0103'})
				WHERE EXISTS { (c)-[:HAS_TAG {source: 'RULE'}]->(v:Tag) WHERE v.code IN ['T0104', 'T0105'] }
				  AND EXISTS { (c)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0110'}) }""")).isEqualTo(residential);
		// and the rule report, the constraints between classes included, finds nothing in
		// the demo library and its customers (what other test classes add to this
		// database, their own items and customers, aside)
		Reply report = ok(
				client.query("{ ruleReport { violations { kind category codes message sampleCustomerIds } } }",
						Map.of(), "steward.li"));
		// demo customers whose tags other test classes changed by hand
		java.util.Set<String> touched = new java.util.HashSet<>(read("""
				MATCH (c:Customer)
				WHERE EXISTS { (c)-[a:HAS_TAG]->() WHERE a.source <> 'RULE' } OR EXISTS { (c)-[:HAD_TAG]->() }
				RETURN c.id AS id""").stream().map(r -> (String) r.get("id")).toList());
		List<String> demoViolations = new ArrayList<>();
		report.data("ruleReport.violations").forEach(violation -> {
			boolean demo = true;
			for (JsonNode code : violation.path("codes")) {
				demo &= code.asString().matches("(C\\d\\d(\\.\\d\\d)*|T\\d{4}|F\\d(\\.\\w+)*|TC\\d\\d)");
			}
			if (violation.path("category").asString().equals("DATA")) {
				demo &= violation.path("sampleCustomerIds")
					.valueStream()
					.anyMatch(id -> id.asString().matches("33\\d{8}") && !touched.contains(id.asString()));
			}
			if (demo) {
				demoViolations.add(violation.toString());
			}
		});
		assertThat(demoViolations).isEmpty();
		// 所属区县 carries its GB/T 2260 code
		assertThat(read("""
				MATCH (:Tag {code: 'T0801'})<-[a:HAS_TAG]-() WITH a LIMIT 50
				RETURN collect(DISTINCT a.value =~ '\\\\d{6}') AS shapes""").get(0).get("shapes"))
			.isEqualTo(List.of(true));
	}

	@Test
	void lineageDriftListsWhereTheDeclaredLineageAndTheRuleDisagree() {
		Reply reply = ok(client.query("{ lineageDrift { tag declaredOnly ruleOnly } }", Map.of(), "steward.li"));
		Map<String, String> expected = new java.util.TreeMap<>();
		read("""
				MATCH (t:Tag) WHERE EXISTS { (t)-[:DECLARED_FROM]->() }
				WITH t, COLLECT { MATCH (t)-[:DECLARED_FROM]->(x) RETURN x.code } AS declared,
				     COLLECT { MATCH (t)-[:DERIVED_FROM {origin: 'RULE'}]->(x) RETURN x.code } AS ruled
				WITH t, [d IN declared WHERE NOT d IN ruled] AS onlyDeclared, [r IN ruled WHERE NOT r IN declared] AS onlyRuled
				WHERE size(onlyDeclared) + size(onlyRuled) > 0
				RETURN t.code AS tag, size(onlyDeclared) + '/' + size(onlyRuled) AS sizes""")
			.forEach(row -> expected.put((String) row.get("tag"), (String) row.get("sizes")));
		Map<String, String> listed = new java.util.TreeMap<>();
		reply.data("lineageDrift")
			.forEach(d -> listed.put(d.path("tag").asString(),
					d.path("declaredOnly").size() + "/" + d.path("ruleOnly").size()));
		assertThat(listed).isEqualTo(expected).isNotEmpty();
		// the rules read the customer keys the declarations leave out
		assertThat(reply.data("lineageDrift").toString()).contains("S1.C_CONS.CONS_NO");
	}

	@Test
	void aComputedAssignmentShowsItsRuleItsRunAndTheSourceRowsItWasComputedFrom() {
		String customer = (String) read("""
				MATCH (c:Customer)-[:HAS_TAG {source: 'RULE'}]->(:Tag {code: 'T0805'})
				RETURN c.id AS id ORDER BY id LIMIT 1""").get(0).get("id");
		Reply reply = ok(client.query("""
				query($id: ID!) { customer(id: $id) { tags { tag { code } source runId
				  provenance { rule { owner sql version } run { id state }
				               sourceRows { table columns rows } } } } }""", Map.of("id", customer), "steward.li"));
		JsonNode assignment = null;
		for (JsonNode a : reply.data("customer.tags")) {
			if (a.path("tag").path("code").asString().equals("T0805")) {
				assignment = a;
			}
		}
		assertThat(assignment).isNotNull();
		JsonNode provenance = assignment.path("provenance");
		String sql = (String) read("""
				MATCH (t:Tag {code: 'T0805'})-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(o)
				WHERE o.ruleSql IS NOT NULL RETURN o.ruleSql AS sql
				UNION MATCH (o:Tag {code: 'T0805'}) WHERE o.ruleSql IS NOT NULL RETURN o.ruleSql AS sql""").get(0)
			.get("sql");
		assertThat(provenance.path("rule").path("sql").asString()).isEqualTo(sql);
		assertThat(provenance.path("run").path("id").asString()).isEqualTo(assignment.path("runId").asString());
		assertThat(provenance.path("run").path("state").asString()).isEqualTo("COMPLETED");
		List<String> tables = new ArrayList<>();
		provenance.path("sourceRows").forEach(rows -> {
			tables.add(rows.path("table").asString());
			assertThat(rows.path("rows").size()).isBetween(1, 3);
			rows.path("rows").forEach(row -> {
				if (row.has("CONS_NO")) {
					assertThat(row.path("CONS_NO").asString()).isEqualTo(customer);
				}
			});
		});
		// the customer's metering point and its public transformer area
		assertThat(tables).contains("S4.C_MP", "S4.G_TG");
	}

	@Test
	void changingTheSourceDataOf100CustomersWritesOnlyTheirChanges() throws Exception {
		Path file = engine.directory().resolve("demo/S1/C_CONS.parquet");
		Path original = Files.copy(file, file.resolveSibling("C_CONS.parquet.orig"),
				StandardCopyOption.REPLACE_EXISTING);
		List<String> moved = read("""
				MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: 'T0802'})
				RETURN c.id AS id ORDER BY id LIMIT 100""").stream().map(r -> (String) r.get("id")).toList();
		try {
			rewrite(file, original, moved);
			JsonNode run = ComputeApi.compute(client, "classCodes: [\"C08.02\"]");
			assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
			assertThat(ComputeApi.stat(run, "T0802").path("removed").asInt()).isEqualTo(100);
			assertThat(ComputeApi.stat(run, "T0803").path("added").asInt()).isEqualTo(100);
			assertThat(run.path("assignmentsWritten").asInt()).isEqualTo(200);
			String runId = run.path("id").asString();
			assertThat(read("MATCH (c:Customer)-[a:HAS_TAG {runId: '" + runId + "'}]->(t:Tag) "
					+ "RETURN t.code AS tag, collect(c.id) AS ids"))
				.singleElement()
				.satisfies(row -> {
					assertThat(row.get("tag")).isEqualTo("T0803");
					assertThat(new java.util.TreeSet<Object>((List<?>) row.get("ids")))
						.isEqualTo(new java.util.TreeSet<Object>(moved));
				});
			assertThat(read("MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: 'T0802'}) WHERE c.id IN $ids "
					+ "RETURN count(c) AS n", Map.of("ids", moved))
				.get(0)
				.get("n")).isEqualTo(0L);
		}
		finally {
			Files.move(original, file, StandardCopyOption.REPLACE_EXISTING);
			file.toFile().setLastModified(System.currentTimeMillis());
			JsonNode back = ComputeApi.compute(client, "classCodes: [\"C08.02\"]");
			assertThat(ComputeApi.stat(back, "T0802").path("added").asInt()).isEqualTo(100);
			// each run's count is in the tag's history, newest first
			Reply history = ok(client.query("{ tag(code: \"T0803\") { countHistory { runId carriers } } }", Map.of(),
					"steward.li"));
			JsonNode points = history.data("tag.countHistory");
			assertThat(points.get(0).path("runId").asString()).isEqualTo(back.path("id").asString());
			assertThat(points.get(1).path("carriers").asInt() - points.get(0).path("carriers").asInt()).isEqualTo(100);
		}
	}

	/** C_CONS with the customers moved from urban (01) to rural (02). */
	private static void rewrite(Path file, Path original, List<String> moved) throws Exception {
		Path next = file.resolveSibling("C_CONS.parquet.next");
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("COPY (SELECT * REPLACE (CASE WHEN CONS_NO IN ('" + String.join("','", moved)
					+ "') THEN '02' ELSE URBAN_RURAL_FLAG END AS URBAN_RURAL_FLAG) FROM read_parquet('" + original
					+ "')) TO '" + next + "' (FORMAT parquet)");
		}
		Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
	}

	private long count(String pattern) {
		return (Long) read("MATCH " + pattern + " RETURN count(DISTINCT c) AS n").get(0).get("n");
	}

	private List<Map<String, Object>> read(String cypher, Map<String, Object> parameters) {
		return com.taggraph.BoltCypher.read(driver, cypher, parameters);
	}

}
