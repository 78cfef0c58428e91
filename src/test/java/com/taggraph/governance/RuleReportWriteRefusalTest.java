package com.taggraph.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

/**
 * Every structural check of the rule report is also kept at write time: a mutation that
 * would introduce the violation is refused, names the rule, and leaves the whole graph as
 * it was.
 */
@TagGraphTest
class RuleReportWriteRefusalTest extends ApiTest {

	/**
	 * RR-W (criterion, exhaustive) → RR-W1 (no criterion, exhaustive, one tag RR-WT) and
	 * RR-W2 (criterion, no tags); RR-V: a second root with a criterion.
	 */
	@BeforeEach
	void aSmallTree() {
		BoltCypher.write(driver,
				"""
						CREATE (w:TagClass {code: 'RR-W', name: '写入规则', criterion: '类型', exclusive: false, exhaustive: true}),
						       (w1:TagClass {code: 'RR-W1', name: '穷尽类', exclusive: false, exhaustive: true})-[:BROADER]->(w),
						       (w2:TagClass {code: 'RR-W2', name: '空类', criterion: '子类型', exclusive: false, exhaustive: false})-[:BROADER]->(w),
						       (:Tag {code: 'RR-WT', name: '唯一标签', status: 'DRAFT'})-[:IN_CLASS]->(w1),
						       (:TagClass {code: 'RR-V', name: '另一根', criterion: '类型', exclusive: false, exhaustive: false})""",
				Map.of());
	}

	@AfterEach
	void removeIt() {
		BoltCypher.write(driver, "MATCH (n) WHERE n.code STARTS WITH 'RR-' DETACH DELETE n", Map.of());
	}

	@Test
	void aDivisionWithoutACriterionIsRefused() {
		refused("mutation { createTagClass(input: {code: \"RR-X\", name: \"下位\", parentCode: \"RR-W1\"}) { code } }",
				"DIVISION_WITHOUT_CRITERION", "RR-W1");
		refused("mutation { moveTagClass(code: \"RR-W2\", newParentCode: \"RR-W1\") { code } }",
				"DIVISION_WITHOUT_CRITERION", "RR-W1");
		refused("mutation { updateTagClass(code: \"RR-W\", input: {criterion: \"  \"}) { code } }",
				"DIVISION_WITHOUT_CRITERION", "RR-W");
	}

	@Test
	void anExhaustiveClassWithoutTagsIsRefused() {
		refused("mutation { createTagClass(input: {code: \"RR-X\", name: \"新穷尽\", parentCode: \"RR-W\", exhaustive: true}) { code } }",
				"EXHAUSTIVE_CLASS_EMPTY", "RR-X");
		refused("mutation { updateTagClass(code: \"RR-W2\", input: {exhaustive: true}) { code } }",
				"EXHAUSTIVE_CLASS_EMPTY", "RR-W2");
		refused("mutation { deleteTag(code: \"RR-WT\") }", "EXHAUSTIVE_CLASS_EMPTY", "RR-W1");
		refused("mutation { moveTag(code: \"RR-WT\", classCode: \"RR-W2\") { code } }", "EXHAUSTIVE_CLASS_EMPTY",
				"RR-W1");
		refused("mutation { moveTagClass(code: \"RR-W1\", newParentCode: \"RR-V\") { code } }",
				"EXHAUSTIVE_CLASS_EMPTY", "'RR-W'");
	}

	@Test
	void theSameChangesAreAcceptedWhenTheyKeepTheRules() {
		ok("mutation { updateTagClass(code: \"RR-W1\", input: {exhaustive: false}) { code } }");
		// RR-W stays covered when its only tag moves within its subtree
		ok("mutation { moveTag(code: \"RR-WT\", classCode: \"RR-W2\") { code } }");
		ok("mutation { updateTagClass(code: \"RR-W2\", input: {exhaustive: true}) { code } }");
		ok("mutation { moveTagClass(code: \"RR-W1\", newParentCode: \"RR-W2\") { code } }");
		ok("mutation { createTagClass(input: {code: \"RR-X\", name: \"下位\", parentCode: \"RR-W2\"}) { code } }");

		var report = client.query("{ ruleReport(categories: [STRUCTURAL]) { violations { kind codes } } }");
		assertThat(report.data("ruleReport.violations").toString()).doesNotContain("RR-");
	}

	@Test
	void cyclesAndOrphansCannotBeWritten() {
		refused("mutation { moveTagClass(code: \"RR-W\", newParentCode: \"RR-W2\") { code } }", null, "RR-W2", "CYCLE");
		refused("mutation { deleteTagClass(code: \"RR-W1\") }", null, "RR-W1", "NOT_EMPTY");
		refused("mutation { createTag(input: {code: \"RR-Y\", name: \"无类\", classCode: \"RR-NONE\"}) { code } }", null,
				"RR-NONE", "NOT_FOUND");
	}

	private void ok(String mutation) {
		var reply = client.query(mutation);
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
	}

	private void refused(String mutation, String rule, String named) {
		refused(mutation, rule, named, "STRUCTURAL_RULE");
	}

	private void refused(String mutation, String rule, String named, String code) {
		Map<String, Object> before = GraphSnapshot.of(driver);
		var reply = client.query(mutation);
		assertThat(reply.errorCode()).as(reply.body().toString()).isEqualTo(code);
		if (rule != null) {
			assertThat(reply.body().path("errors").path(0).path("extensions").path("rule").asString()).isEqualTo(rule);
		}
		if (named != null) {
			assertThat(reply.errorMessage()).contains(named);
		}
		assertThat(GraphSnapshot.of(driver)).as(mutation).isEqualTo(before);
	}

}
