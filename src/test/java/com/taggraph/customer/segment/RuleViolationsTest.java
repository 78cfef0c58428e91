package com.taggraph.customer.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * The classification rules checked on customer data: the demo customers keep every
 * exclusive class; a conflicting assignment or a missing tag forced in over Bolt shows up
 * after a refresh, with the same counts a Cypher computation of the rules finds.
 */
@TagGraphTest
class RuleViolationsTest extends ApiTest {

	private static final String VIOLATIONS = """
			query($code: ID) {
			  ruleViolations(classCode: $code) {
			    kind tagClass { code exclusive exhaustive scope } customerCount sampleCustomerIds description
			  }
			}""";

	SegmentApi api;

	List<CustomerBackup> backups = new ArrayList<>();

	@BeforeEach
	void indexInStepWithTheDatabase() {
		api = new SegmentApi(port, driver);
		api.refresh();
	}

	@AfterEach
	void putTheCustomersBack() {
		Collections.reverse(backups);
		backups.forEach(CustomerBackup::restore);
		api.refresh();
	}

	@Test
	void theDemoCustomersBreakNoExclusiveClassAndTheReportEqualsCypher() {
		JsonNode all = violations(null);

		assertThat(all.findValuesAsString("kind")).doesNotContain("EXCLUSIVE");
		assertThat(counts(all)).isEqualTo(cypherViolations());
		all.forEach(v -> {
			assertThat(v.path("tagClass").path(v.path("kind").asString().toLowerCase()).asBoolean()).isTrue();
			assertThat(v.path("sampleCustomerIds").size()).isEqualTo(Math.min(20, v.path("customerCount").asInt()));
		});
	}

	@Test
	void aConflictingAssignmentForcedInOverBoltIsReportedAfterARefresh() {
		String customer = conflict("T0101", "T0102");
		assertThat(exclusive(violations("C01.01"))).isEmpty();

		api.refresh();

		JsonNode conflict = exclusive(violations("C01.01"));
		assertThat(conflict).hasSize(1);
		assertThat(conflict.path(0).path("tagClass").path("code").asString()).isEqualTo("C01.01");
		assertThat(conflict.path(0).path("customerCount").asInt()).isEqualTo(1);
		assertThat(conflict.path(0).path("sampleCustomerIds").path(0).asString()).isEqualTo(customer);
		assertThat(conflict.path(0).path("sampleCustomerIds")).hasSize(1);
		assertThat(conflict.path(0).path("description").asString()).contains("C01.01", "1 customer ");
		// asking for the upper class covers the classes below it
		assertThat(exclusive(violations("C01")).findValuesAsString("code")).containsExactly("C01.01");
		assertThat(counts(violations(null))).isEqualTo(cypherViolations());
	}

	@Test
	void aCustomerLosingItsOnlyTagOfAnExhaustiveClassIsReported() {
		int before = exhaustiveCount(violations("C03.01"));
		String customer = api.cypher("""
				MATCH (c:Customer)-[:HAS_TAG]->(:Tag)-[:IN_CLASS]->(:TagClass {code: 'C03.01'})
				WITH c, count(*) AS tags WHERE tags = 1
				RETURN c.id AS id ORDER BY id LIMIT 1""", Map.of()).get(0).get("id").asString();
		backups.add(CustomerBackup.of(driver, List.of(customer)));
		api.write("""
				MATCH (:Customer {id: $id})-[r:HAS_TAG]->(:Tag)-[:IN_CLASS]->(:TagClass {code: 'C03.01'})
				DELETE r""", Map.of("id", customer));

		api.refresh();

		JsonNode after = violations("C03.01");
		assertThat(exhaustiveCount(after)).isEqualTo(before + 1);
		if (before == 0) {
			assertThat(after.path(0).path("sampleCustomerIds").path(0).asString()).isEqualTo(customer);
		}
		assertThat(counts(violations(null))).isEqualTo(cypherViolations());
	}

	@Test
	void aViewerGetsTheRulesJudgedOnlyOnTheTagsTheyMaySee() {
		List<String> hidden = api.cypher("""
				MATCH (t:Tag)-[:HAS_FACET_VALUE]->(v:FacetValue) WHERE v.code IN ['F8.L3', 'F8.L4']
				RETURN DISTINCT t.code AS code""", Map.of()).stream().map(r -> r.get("code").asString()).toList();
		assertThat(hidden).contains("T0315", "T0316");
		// two credit grades on one customer: a conflict made of hidden tags only
		conflict("T0315", "T0316");
		api.refresh();
		assertThat(counts(violations(null))).containsKey("EXCLUSIVE C03.06").isEqualTo(cypherViolations(List.of()));

		var reply = as("viewer.sun").query(VIOLATIONS.replace(" sampleCustomerIds", ""), Map.of());
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		Map<String, Long> seen = counts(reply.data("ruleViolations"));

		assertThat(seen).isEqualTo(cypherViolations(hidden))
			.doesNotContainKeys("EXCLUSIVE C03.06", "EXHAUSTIVE C03.06", "EXHAUSTIVE C05.01", "EXHAUSTIVE C06.01");
		assertThat(reply.body().toString()).doesNotContain(hidden.toArray(String[]::new));
	}

	@Test
	void anUnknownClassIsRefused() {
		var reply = api.client().query(VIOLATIONS, Map.of("code", "NO-SUCH-CLASS"));

		assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(reply.errorMessage()).contains("NO-SUCH-CLASS");
	}

	// ---- helpers
	// ------------------------------------------------------------------------------

	/**
	 * Puts {@code added} over Bolt on the first customer carrying {@code carried}, to be
	 * restored after the test; its id.
	 */
	private String conflict(String carried, String added) {
		String customer = api.cypher("""
				MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: $carried})
				RETURN c.id AS id ORDER BY id LIMIT 1""", Map.of("carried", carried)).get(0).get("id").asString();
		backups.add(CustomerBackup.of(driver, List.of(customer)));
		api.write("""
				MATCH (c:Customer {id: $id}), (t:Tag {code: $added})
				CREATE (c)-[:HAS_TAG {source: 'IMPORT', assignedAt: datetime()}]->(t)""",
				Map.of("id", customer, "added", added));
		return customer;
	}

	private JsonNode violations(String classCode) {
		var reply = api.client().query(VIOLATIONS, classCode == null ? Map.of() : Map.of("code", classCode));
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		return reply.data("ruleViolations");
	}

	private static JsonNode exclusive(JsonNode violations) {
		var found = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
		violations.forEach(v -> {
			if (v.path("kind").asString().equals("EXCLUSIVE")) {
				found.add(v);
			}
		});
		return found;
	}

	private static int exhaustiveCount(JsonNode violations) {
		int count = 0;
		for (JsonNode v : violations) {
			if (v.path("kind").asString().equals("EXHAUSTIVE")) {
				count += v.path("customerCount").asInt();
			}
		}
		return count;
	}

	/** "KIND class" → customers, as the API reports them. */
	private static Map<String, Long> counts(JsonNode violations) {
		Map<String, Long> counts = new TreeMap<>();
		violations.forEach(v -> counts.put(v.path("kind").asString() + " " + v.path("tagClass").path("code").asString(),
				v.path("customerCount").asLong()));
		return counts;
	}

	/** The same rules computed in Cypher over Bolt, leaving out classes nobody breaks. */
	private Map<String, Long> cypherViolations() {
		return cypherViolations(List.of());
	}

	/**
	 * The rules as a caller who may not see {@code hidden} has them judged: exclusive
	 * classes on their visible branches; exhaustive classes touching a hidden tag not at
	 * all.
	 */
	private Map<String, Long> cypherViolations(List<String> hidden) {
		Map<String, Long> counts = new TreeMap<>();
		api.cypher("""
				MATCH (k:TagClass {exclusive: true})
				MATCH p = (c:Customer)-[:HAS_TAG]->(t:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(k)
				WHERE NOT t.code IN $hidden
				WITH k, c, collect(DISTINCT CASE WHEN length(p) = 2 THEN t.code ELSE nodes(p)[-2].code END) AS branches
				WHERE size(branches) >= 2
				RETURN 'EXCLUSIVE ' + k.code AS key, count(c) AS n""", Map.of("hidden", hidden))
			.forEach(r -> counts.put(r.get("key").asString(), r.get("n").asLong()));
		api.cypher("""
				MATCH (k:TagClass {exhaustive: true})
				OPTIONAL MATCH (v:FacetValue {code: k.scope})
				WITH k, v WHERE NOT EXISTS { (h:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(k) WHERE h.code IN $hidden }
				  AND NOT any(s IN coalesce(v.customersWithAnyOf, []) WHERE s IN $hidden)
				CALL (k, v) {
				  MATCH (c:Customer)
				  WHERE (v IS NULL OR v.customersWithAnyOf IS NULL
				         OR EXISTS { (c)-[:HAS_TAG]->(s:Tag) WHERE s.code IN v.customersWithAnyOf })
				    AND NOT EXISTS { (c)-[:HAS_TAG]->(:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(k) }
				  RETURN count(c) AS n
				}
				WITH k, n WHERE n > 0
				RETURN 'EXHAUSTIVE ' + k.code AS key, n""", Map.of("hidden", hidden))
			.forEach(r -> counts.put(r.get("key").asString(), r.get("n").asLong()));
		return counts;
	}

}
