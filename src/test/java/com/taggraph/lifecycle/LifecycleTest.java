package com.taggraph.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiClient.Reply;
import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * The review workflow through HTTP with different users: a steward's change to an
 * approved item is held (reads keep the approved values) until a different reviewer
 * approves it; nobody approves their own change, admins included; a rejection leaves the
 * approved version; every step is in the history. Each test builds and approves its own
 * items (codes LC-…), and removes them afterwards.
 */
@TagGraphTest
class LifecycleTest extends ApiTest {

	private static final String PENDING_FIELDS = "id kind code operation status by at comment proposed "
			+ "diff { field approved proposed } reviewedBy reviewedAt reviewComment";

	@AfterEach
	void cleanUp() {
		try (var session = driver.session()) {
			session.run("MATCH (c:Customer) WHERE c.id STARTS WITH 'LC-CUST-' DETACH DELETE c").consume();
			session.run("MATCH (p:PendingChange) WHERE p.code STARTS WITH 'LC-' DETACH DELETE p").consume();
			session.run("MATCH (s:Segment) WHERE s.name STARTS WITH 'LC-' DETACH DELETE s").consume();
			session.run(
					"MATCH (n) WHERE (n:TagClass OR n:Tag OR n:Facet OR n:FacetValue) AND n.code STARTS WITH 'LC-' DETACH DELETE n")
				.consume();
		}
	}

	// ---- done-when 1
	// --------------------------------------------------------------------------

	@Test
	void aStewardsChangeToAnApprovedTagStaysPendingUntilADifferentReviewerApprovesIt() {
		approvedTag("LC-A", "LC-A1", "旧名");

		Reply held = ok(client.query("mutation { updateTag(code: \"LC-A1\", input: {name: \"新名\", rule: \"新规则\"}) "
				+ "{ name status pendingChange { " + PENDING_FIELDS + " } } }", Map.of(), "steward.wang"));
		assertThat(held.data("updateTag.name").asString()).isEqualTo("旧名");
		assertThat(held.data("updateTag.status").asString()).isEqualTo("APPROVED");
		JsonNode pending = held.data("updateTag.pendingChange");
		String id = pending.path("id").asString();
		assertThat(pending.path("operation").asString()).isEqualTo("UPDATE");
		assertThat(pending.path("status").asString()).isEqualTo("PENDING");
		assertThat(pending.path("by").asString()).isEqualTo("steward.wang");
		assertThat(pending.path("proposed").asString()).contains("新名", "新规则");
		assertThat(diff(pending)).containsExactly("name: 旧名 → 新名", "rule: null → 新规则");

		// reads keep showing the approved version; the change is listed as pending, by
		// its proposer
		Reply read = ok(client.query("{ tag(code: \"LC-A1\") { name rule pendingChange { id } } "
				+ "searchTags(text: \"LC-A1\") { code name } }", Map.of(), "viewer.sun"));
		assertThat(read.data("tag.name").asString()).isEqualTo("旧名");
		assertThat(read.data("tag.rule").isNull()).isTrue();
		assertThat(read.data("tag.pendingChange.id").asString()).isEqualTo(id);
		assertThat(read.data("searchTags.0.name").asString()).isEqualTo("旧名");
		Reply listed = ok(
				client.query("{ pendingChanges(by: \"steward.wang\", kind: TAG) { edges { node { id code } } } }",
						Map.of(), "reviewer.chen"));
		assertThat(listed.data("pendingChanges.edges").toString()).contains(id);

		// a steward may not approve at all (the REVIEWER role is required), and a refused
		// approval writes nothing
		Map<String, Object> before = GraphSnapshot.of(driver);
		assertThat(approve(id, "steward.wang").errorCode()).isEqualTo("FORBIDDEN");
		assertThat(approve(id, "steward.li").errorCode()).isEqualTo("FORBIDDEN");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);

		// a second change while one is pending is refused
		Reply second = client.query("mutation { updateTag(code: \"LC-A1\", input: {name: \"又一个\"}) { name } }",
				Map.of(), "steward.li");
		assertThat(second.errorCode()).isEqualTo("CHANGE_PENDING");
		assertThat(second.errorMessage()).contains(id);

		Reply approved = ok(client.query(
				"mutation($id: ID!) { approveChange(id: $id, comment: \"可以\") { " + PENDING_FIELDS + " } }",
				Map.of("id", id), "reviewer.zhou"));
		assertThat(approved.data("approveChange.status").asString()).isEqualTo("APPROVED");
		assertThat(approved.data("approveChange.reviewedBy").asString()).isEqualTo("reviewer.zhou");
		assertThat(approved.data("approveChange.reviewComment").asString()).isEqualTo("可以");
		Reply after = ok(client.query("{ tag(code: \"LC-A1\") { name rule status pendingChange { id } } }"));
		assertThat(after.data("tag.name").asString()).isEqualTo("新名");
		assertThat(after.data("tag.rule").asString()).isEqualTo("新规则");
		assertThat(after.data("tag.status").asString()).isEqualTo("APPROVED");
		assertThat(after.data("tag.pendingChange").isNull()).isTrue();

		// approving twice is refused
		assertThat(approve(id, "reviewer.chen").errorCode()).isEqualTo("FORBIDDEN_TRANSITION");

		// every step, with who: create, submit, approve (the draft); propose, update,
		// approve (the change)
		JsonNode history = ok(client.query("{ history(code: \"LC-A1\", kind: TAG) { operation by after } }"))
			.data("history");
		List<String> steps = new ArrayList<>();
		history.forEach(e -> steps.add(e.path("operation").asString() + " " + e.path("by").asString()));
		assertThat(steps).containsExactly("APPROVE reviewer.zhou", "UPDATE reviewer.zhou", "PROPOSE steward.wang",
				"APPROVE reviewer.chen", "SUBMIT steward.li", "CREATE steward.li");
		// the state after is a JSON object, not text to parse again
		assertThat(history.path(0).path("after").isObject()).isTrue();
		assertThat(history.path(0).path("after").toString()).contains(id, "可以", "steward.wang");
		assertThat(history.path(2).path("after").toString()).contains(id, "新名");
	}

	@Test
	void nobodyApprovesTheirOwnChangeAdminsIncluded() {
		approvedTag("LC-S", "LC-S1", "自批");
		String id = ok(client.query(
				"mutation { moveTag(code: \"LC-S1\", classCode: \"LC-S.B\") { tagClass { code } pendingChange { id } } }",
				Map.of(), "admin2"))
			.data("moveTag.pendingChange.id")
			.asString();

		Reply self = approve(id, "admin2");

		assertThat(self.errorCode()).isEqualTo("SELF_APPROVAL");
		assertThat(tagClassOf("LC-S1")).isEqualTo("LC-S");
		assertThat(pending(id).path("status").asString()).isEqualTo("PENDING");
		ok(approve(id, "tester"));
		assertThat(tagClassOf("LC-S1")).isEqualTo("LC-S.B");

		// a reviewer who proposed a change cannot approve it; another reviewer can
		String rename = ok(client.query(
				"mutation { updateTag(code: \"LC-S1\", input: {name: \"审者自改\"}) { pendingChange { id } } }", Map.of(),
				"reviewer.chen"))
			.data("updateTag.pendingChange.id")
			.asString();
		Map<String, Object> before = GraphSnapshot.of(driver);
		Reply reviewerSelf = approve(rename, "reviewer.chen");
		assertThat(reviewerSelf.errorCode()).isEqualTo("SELF_APPROVAL");
		assertThat(reviewerSelf.errorMessage()).contains("reviewer.chen", rename, "LC-S1");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		ok(approve(rename, "reviewer.zhou"));

		// a submitted draft: the submitter cannot approve it either
		ok(client.query("mutation { createTag(input: {code: \"LC-S2\", name: \"草稿\", classCode: \"LC-S\"}) { code } }",
				Map.of(), "admin2"));
		String publish = ok(
				client.query("mutation { submitForReview(kind: TAG, code: \"LC-S2\") { id } }", Map.of(), "admin2"))
			.data("submitForReview.id")
			.asString();
		assertThat(approve(publish, "admin2").errorCode()).isEqualTo("SELF_APPROVAL");
		assertThat(status("LC-S2")).isEqualTo("IN_REVIEW");
	}

	@Test
	void aRejectionLeavesTheApprovedVersionAndARejectedDraftGoesBackToDraft() {
		approvedTag("LC-R", "LC-R1", "原样");
		String id = ok(client.query(
				"mutation { moveTag(code: \"LC-R1\", classCode: \"LC-R.B\") { pendingChange { id diff { field approved proposed } } } }",
				Map.of(), "steward.li"))
			.data("moveTag.pendingChange.id")
			.asString();
		assertThat(client
			.query("mutation($id: ID!) { rejectChange(id: $id, comment: \" \") { id } }", Map.of("id", id),
					"reviewer.chen")
			.errorCode()).isEqualTo("INVALID_INPUT");

		Reply rejected = ok(client.query(
				"mutation($id: ID!) { rejectChange(id: $id, comment: \"类不对\") { status reviewedBy reviewComment } }",
				Map.of("id", id), "reviewer.chen"));

		assertThat(rejected.data("rejectChange.status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.data("rejectChange.reviewComment").asString()).isEqualTo("类不对");
		assertThat(tagClassOf("LC-R1")).isEqualTo("LC-R");
		assertThat(status("LC-R1")).isEqualTo("APPROVED");
		assertThat(ok(client.query("{ tag(code: \"LC-R1\") { pendingChange { id } } }")).data("tag.pendingChange")
			.isNull()).isTrue();
		assertThat(approve(id, "reviewer.zhou").errorCode()).isEqualTo("FORBIDDEN_TRANSITION");
		assertThat(ok(client.query("{ pendingChanges(status: REJECTED, kind: TAG) { edges { node { id } } } }"))
			.data("pendingChanges.edges")
			.toString()).contains(id);

		// a rejected submission goes back to DRAFT and is edited directly again
		ok(client.query("mutation { createTag(input: {code: \"LC-R2\", name: \"草稿\", classCode: \"LC-R\"}) { code } }",
				Map.of(), "steward.li"));
		String publish = ok(
				client.query("mutation { submitForReview(kind: TAG, code: \"LC-R2\") { id } }", Map.of(), "steward.li"))
			.data("submitForReview.id")
			.asString();
		Reply inReview = client.query("mutation { updateTag(code: \"LC-R2\", input: {name: \"改\"}) { name } }",
				Map.of(), "steward.li");
		assertThat(inReview.errorCode()).isEqualTo("FORBIDDEN_TRANSITION");
		ok(client.query("mutation($id: ID!) { rejectChange(id: $id, comment: \"再想想\") { id } }", Map.of("id", publish),
				"reviewer.chen"));
		assertThat(status("LC-R2")).isEqualTo("DRAFT");
		assertThat(ok(client.query("mutation { updateTag(code: \"LC-R2\", input: {name: \"改\"}) { name } }", Map.of(),
				"steward.li"))
			.data("updateTag.name")
			.asString()).isEqualTo("改");

		JsonNode history = ok(client.query("{ history(code: \"LC-R1\", kind: TAG) { operation by } }")).data("history");
		assertThat(history.path(0).path("operation").asString()).isEqualTo("REJECT");
		assertThat(history.path(0).path("by").asString()).isEqualTo("reviewer.chen");
		assertThat(history.path(1).path("operation").asString()).isEqualTo("PROPOSE");
	}

	@Test
	void approvalAppliesThroughTheSameRulesAndRefusesWhenTheLibraryMovedOn() {
		approvedTag("LC-V", "LC-V1", "规则");
		ok(client.query("mutation { createTagClass(input: {code: \"LC-V2\", name: \"草稿类\"}) { code } }", Map.of(),
				"steward.wang"));
		String id = ok(
				client.query("mutation { moveTag(code: \"LC-V1\", classCode: \"LC-V2\") { pendingChange { id } } }",
						Map.of(), "steward.li"))
			.data("moveTag.pendingChange.id")
			.asString();
		// the target class is a draft: deleted directly while the move waits
		ok(client.query("mutation { deleteTagClass(code: \"LC-V2\") }", Map.of(), "steward.wang"));
		Map<String, Object> before = GraphSnapshot.of(driver);

		Reply refused = approve(id, "reviewer.chen");

		assertThat(refused.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(refused.errorMessage()).contains("LC-V2");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(pending(id).path("status").asString()).isEqualTo("PENDING");

		// the proposer withdraws it; nobody else may
		assertThat(
				client.query("mutation($id: ID!) { withdrawChange(id: $id) { id } }", Map.of("id", id), "steward.wang")
					.errorCode())
			.isEqualTo("FORBIDDEN_TRANSITION");
		assertThat(ok(client.query("mutation($id: ID!) { withdrawChange(id: $id) { status } }", Map.of("id", id),
				"steward.li"))
			.data("withdrawChange.status")
			.asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void changesToApprovedClassesAndFacetsAreHeldToo() {
		approvedTag("LC-K", "LC-K1", "类");
		ok(client.query(
				"mutation { createFacet(input: {code: \"LC-F\", name: \"面\", criterion: \"标准\"}) { code } "
						+ "v: createFacetValue(input: {code: \"LC-F.1\", name: \"一\", facetCode: \"LC-F\"}) { code } }",
				Map.of(), "steward.li"));
		approveDraft("FACET", "LC-F");

		String classChange = ok(client.query(
				"mutation { updateTagClass(code: \"LC-K\", input: {name: \"新类名\", exclusive: true}) "
						+ "{ name exclusive status pendingChange { id diff { field approved proposed } } } }",
				Map.of(), "steward.li"))
			.data("updateTagClass.pendingChange.id")
			.asString();
		String facetChange = ok(client.query("mutation { updateFacet(code: \"LC-F\", input: {criterion: \"新标准\"}) "
				+ "{ criterion pendingChange { id } } }", Map.of(), "steward.li"))
			.data("updateFacet.pendingChange.id")
			.asString();
		String classify = ok(client.query(
				"mutation { classifyTag(tagCode: \"LC-K1\", facetValueCodes: [\"LC-F.1\"]) "
						+ "{ facetValues { code } pendingChange { id diff { field approved proposed } } } }",
				Map.of(), "steward.li"))
			.data("classifyTag.pendingChange.id")
			.asString();
		Reply deleteHeld = ok(client.query("mutation { deleteTag(code: \"LC-K.B.T\") }", Map.of(), "steward.li"));
		assertThat(deleteHeld.data("deleteTag").asString()).isEqualTo("LC-K.B.T");

		Reply read = ok(client
			.query("{ tagClass(code: \"LC-K\") { name exclusive status pendingChange { diff { field approved proposed } } } "
					+ "facet(code: \"LC-F\") { criterion status pendingChange { operation } } "
					+ "tag(code: \"LC-K1\") { facetValues { code } pendingChange { operation diff { field approved proposed } } } "
					+ "deleted: tag(code: \"LC-K.B.T\") { code pendingChange { operation diff { field approved proposed } } } }"));
		assertThat(read.data("tagClass.name").asString()).isEqualTo("LC-K");
		assertThat(read.data("tagClass.exclusive").asBoolean()).isFalse();
		assertThat(diff(read.data("tagClass.pendingChange"))).containsExactly("name: LC-K → 新类名",
				"exclusive: false → true");
		assertThat(read.data("facet.criterion").asString()).isEqualTo("标准");
		assertThat(read.data("facet.status").asString()).isEqualTo("APPROVED");
		assertThat(read.data("tag.facetValues").size()).isZero();
		assertThat(diff(read.data("tag.pendingChange"))).containsExactly("facetValues:  → LC-F.1");
		assertThat(read.data("deleted.code").asString()).isEqualTo("LC-K.B.T");
		assertThat(diff(read.data("deleted.pendingChange"))).containsExactly("deleted: false → true");

		for (String id : List.of(classChange, facetChange, classify, deleteIdOf("LC-K.B.T"))) {
			ok(approve(id, "reviewer.chen"));
		}
		Reply applied = ok(
				client.query("{ tagClass(code: \"LC-K\") { name exclusive } facet(code: \"LC-F\") { criterion } "
						+ "tag(code: \"LC-K1\") { facetValues { code } } deleted: tag(code: \"LC-K.B.T\") { code } }"));
		assertThat(applied.data("tagClass.name").asString()).isEqualTo("新类名");
		assertThat(applied.data("tagClass.exclusive").asBoolean()).isTrue();
		assertThat(applied.data("facet.criterion").asString()).isEqualTo("新标准");
		assertThat(applied.data("tag.facetValues.0.code").asString()).isEqualTo("LC-F.1");
		assertThat(applied.data("deleted").isNull()).isTrue();
	}

	@Test
	void submittingAndDeprecatingFollowTheStatuses() {
		approvedTag("LC-D", "LC-D1", "旧标签");
		ok(client.query("mutation { createTag(input: {code: \"LC-D3\", name: \"草稿\", classCode: \"LC-D\"}) { code } }",
				Map.of(), "steward.li"));
		Map<String, Object> before = GraphSnapshot.of(driver);

		assertThat(refusal("mutation { submitForReview(kind: TAG, code: \"LC-D1\") { id } }"))
			.isEqualTo("FORBIDDEN_TRANSITION");
		assertThat(refusal("mutation { submitForReview(kind: TAG, code: \"LC-NOPE\") { id } }")).isEqualTo("NOT_FOUND");
		assertThat(refusal("mutation { deprecate(kind: TAG, code: \"LC-D1\") { id } }")).isEqualTo("INVALID_INPUT");
		assertThat(refusal("mutation { deprecate(kind: TAG, code: \"LC-D1\", replacedBy: \"LC-NOPE\") { id } }"))
			.isEqualTo("NOT_FOUND");
		assertThat(refusal("mutation { deprecate(kind: TAG, code: \"LC-D1\", replacedBy: \"LC-D1\") { id } }"))
			.isEqualTo("INVALID_INPUT");
		assertThat(refusal("mutation { deprecate(kind: TAG, code: \"LC-D3\", replacedBy: \"LC-D1\") { id } }"))
			.isEqualTo("FORBIDDEN_TRANSITION");
		assertThat(client.query("mutation { approveChange(id: \"pc-nope\") { id } }", Map.of(), "reviewer.chen")
			.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);

		Reply proposed = ok(client.query("mutation { deprecate(kind: TAG, code: \"LC-D1\", replacedBy: \"LC-D.B.T\") "
				+ "{ operation status diff { field approved proposed } } }", Map.of(), "steward.li"));
		assertThat(proposed.data("deprecate.operation").asString()).isEqualTo("DEPRECATE");
		assertThat(diff(proposed.data("deprecate"))).containsExactly("status: APPROVED → DEPRECATED",
				"replacedBy: null → LC-D.B.T");
		assertThat(status("LC-D1")).isEqualTo("APPROVED");
		// a class can be deprecated without naming a replacement
		assertThat(ok(client.query("mutation { deprecate(kind: TAG_CLASS, code: \"LC-D.B\") { kind code operation } }",
				Map.of(), "steward.li"))
			.data("deprecate.kind")
			.asString()).isEqualTo("TAG_CLASS");
	}

	private String refusal(String mutation) {
		Reply reply = client.query(mutation, Map.of(), "steward.li");
		assertThat(reply.hasErrors()).as(reply.body().toString()).isTrue();
		return reply.errorCode();
	}

	// ---- deprecated tags warn
	// -----------------------------------------------------------------

	@Test
	void segmentsAndPortraitsWarnAboutADeprecatedTag() {
		approvedTag("LC-W", "LC-W1", "将弃用");
		try (var session = driver.session()) {
			session.run("CREATE (:Customer {id: 'LC-CUST-1', name: '弃用客户'})").consume();
		}
		ok(client
			.query("mutation { assignTags(customerId: \"LC-CUST-1\", tagCodes: [\"LC-W1\", \"LC-W.B.T\"]) { id } }"));
		ok(client.query("mutation { saveSegment(name: \"LC-SEG\", where: {allOf: [{anyOf: [\"LC-W1\"]}]}) { name } }"));
		String id = ok(client
			.query("mutation { deprecate(kind: TAG, code: \"LC-W1\", replacedBy: \"LC-W.B.T\", comment: \"合并\") "
					+ "{ id operation diff { field approved proposed } } }", Map.of(), "steward.li"))
			.data("deprecate.id")
			.asString();
		// still in force until approved: no warnings yet
		assertThat(segmentWarnings("LC-W1")).isEmpty();
		ok(approve(id, "reviewer.chen"));

		Reply tag = ok(client.query("{ tag(code: \"LC-W1\") { status replacedBy { code } } }"));
		assertThat(tag.data("tag.status").asString()).isEqualTo("DEPRECATED");
		assertThat(tag.data("tag.replacedBy.code").asString()).isEqualTo("LC-W.B.T");
		assertThat(segmentWarnings("LC-W1")).containsExactly("LC-W1→LC-W.B.T");
		// a class standing for the tag warns too; a segment without it does not
		assertThat(segmentWarnings("LC-W")).containsExactly("LC-W1→LC-W.B.T");
		assertThat(segmentWarnings("LC-W.B.T")).isEmpty();
		Reply saved = ok(client.query("{ segments { name warnings { tagCode replacedBy { code } message } } }"));
		JsonNode lcSegment = null;
		for (JsonNode s : saved.data("segments")) {
			if ("LC-SEG".equals(s.path("name").asString())) {
				lcSegment = s;
			}
		}
		assertThat(lcSegment).isNotNull();
		assertThat(lcSegment.path("warnings").path(0).path("message").asString()).contains("LC-W1", "deprecated",
				"LC-W.B.T");

		Reply portrait = ok(client.query(
				"{ customer(id: \"LC-CUST-1\") { portrait { tagCount warnings { code tagCode replacedBy { code name status } message } } } }",
				Map.of(), "analyst.ma"));
		assertThat(portrait.data("customer.portrait.tagCount").asInt()).isEqualTo(2);
		assertThat(portrait.data("customer.portrait.warnings").size()).isEqualTo(1);
		assertThat(portrait.data("customer.portrait.warnings.0.code").asString()).isEqualTo("DEPRECATED_TAG");
		assertThat(portrait.data("customer.portrait.warnings.0.tagCode").asString()).isEqualTo("LC-W1");
		// the replacement is the tag itself, as on Tag.replacedBy
		assertThat(portrait.data("customer.portrait.warnings.0.replacedBy.code").asString()).isEqualTo("LC-W.B.T");
		assertThat(portrait.data("customer.portrait.warnings.0.replacedBy.name").asString()).isNotBlank();
		assertThat(portrait.data("customer.portrait.warnings.0.replacedBy.status").asString()).isNotBlank();

		// a deprecated tag's replacement cannot itself be deprecated
		assertThat(client
			.query("mutation { deprecate(kind: TAG, code: \"LC-W.B.T\", replacedBy: \"LC-W1\") { id } }", Map.of(),
					"steward.li")
			.errorCode()).isEqualTo("INVALID_INPUT");
		JsonNode history = ok(client.query("{ history(code: \"LC-W1\", kind: TAG) { operation by } }")).data("history");
		assertThat(history.path(0).path("operation").asString()).isEqualTo("APPROVE");
		assertThat(history.path(1).path("operation").asString()).isEqualTo("PROPOSE");
		assertThat(history.path(1).path("by").asString()).isEqualTo("steward.li");
	}

	@Test
	void draftsAreFoundLikeApprovedTagsAndAStatusFilterNarrowsLists() {
		approvedTag("LC-Q", "LC-Q1", "已批准");
		ok(client.query(
				"mutation { createTag(input: {code: \"LC-Q2\", name: \"草稿\", classCode: \"LC-Q\"}) { status } }",
				Map.of(), "steward.li"));

		Reply reply = ok(client
			.query("""
					{ all: searchTags(text: "LC-Q") { code status }
					  drafts: searchTags(text: "LC-Q", status: [DRAFT]) { code }
					  approved: searchTags(text: "LC-Q", status: [APPROVED]) { code }
					  faceted: tags(where: {classCode: "LC-Q"}) { totalCount }
					  facetedDrafts: tags(where: {classCode: "LC-Q", status: [DRAFT, IN_REVIEW]}) { edges { node { code } } }
					  tagClass(code: "LC-Q") { status }
					  draftClass: tagClass(code: "C01") { status } }"""));

		assertThat(ApiClient.codes(reply.data("all"))).containsExactlyInAnyOrder("LC-Q1", "LC-Q2", "LC-Q.B.T");
		assertThat(ApiClient.codes(reply.data("drafts"))).containsExactly("LC-Q2");
		assertThat(ApiClient.codes(reply.data("approved"))).containsExactlyInAnyOrder("LC-Q1", "LC-Q.B.T");
		assertThat(reply.data("faceted.totalCount").asInt()).isEqualTo(3);
		assertThat(reply.data("facetedDrafts.edges.0.node.code").asString()).isEqualTo("LC-Q2");
		assertThat(reply.data("facetedDrafts.edges").size()).isEqualTo(1);
		assertThat(reply.data("tagClass.status").asString()).isEqualTo("APPROVED");
		assertThat(reply.data("draftClass.status").asString()).isEqualTo("APPROVED"); // the
																						// demo
																						// library
																						// loads
																						// approved
	}

	@Test
	void theRuleReportFindsADerivationFromATagOnceItsDeprecationIsApproved() {
		approvedTag("LC-L", "LC-L1", "上游");
		ok(client.query("mutation { deriveTag(tagCode: \"LC-L.B.T\", fromTags: [\"LC-L1\"]) { code } }", Map.of(),
				"steward.li"));
		ok(client.query("mutation { createTag(input: {code: \"LC-L2\", name: \"新上游\", classCode: \"LC-L\"}) { code } }",
				Map.of(), "steward.li"));
		String id = ok(client.query("mutation { deprecate(kind: TAG, code: \"LC-L1\", replacedBy: \"LC-L2\") { id } }",
				Map.of(), "steward.li"))
			.data("deprecate.id")
			.asString();
		assertThat(derivedFromDeprecated()).isEmpty();

		ok(approve(id, "reviewer.zhou"));

		assertThat(derivedFromDeprecated()).containsExactly("[\"LC-L.B.T\",\"LC-L1\"]");
	}

	private List<String> derivedFromDeprecated() {
		JsonNode violations = ok(
				client.query("{ ruleReport(categories: [LINEAGE]) { violations { kind codes message } } }"))
			.data("ruleReport.violations");
		List<String> found = new ArrayList<>();
		violations.forEach(v -> {
			if ("DERIVED_FROM_DEPRECATED".equals(v.path("kind").asString())
					&& v.path("codes").toString().contains("LC-")) {
				found.add(v.path("codes").toString());
			}
		});
		return found;
	}

	// ---- helpers
	// ------------------------------------------------------------------------------

	/**
	 * An approved class {@code classCode} (with an approved lower class
	 * {@code classCode.B} holding the approved tag {@code classCode.B.T}) and an approved
	 * tag in it, each created and submitted by steward.li and approved by reviewer.chen.
	 */
	@Test
	void aChangeProposingASensitiveTagIsHiddenFromViewersLikeTheTagItself() {
		approvedTag("LC-H", "LC-H1", "赊销客户");
		String id = ok(client.query("mutation { deprecate(kind: TAG, code: \"LC-H1\", replacedBy: \"T0315\") { id } }",
				Map.of(), "steward.li"))
			.data("deprecate.id")
			.asString();
		String read = """
				query($id: ID!) {
				  tag(code: "LC-H1") { code pendingChange { id } }
				  pendingChange(id: $id) { id proposed }
				  pendingChanges(by: "steward.li", kind: TAG) { totalCount edges { node { id code } } }
				}""";

		Reply reviewer = ok(client.query(read, Map.of("id", id), "reviewer.chen"));
		assertThat(reviewer.data("tag.pendingChange.id").asString()).isEqualTo(id);
		assertThat(reviewer.data("pendingChange.proposed").asString()).contains("T0315");
		assertThat(reviewer.data("pendingChanges.edges").toString()).contains(id);

		Reply viewer = ok(client.query(read, Map.of("id", id), "viewer.sun"));
		assertThat(viewer.data("tag.code").asString()).isEqualTo("LC-H1");
		assertThat(viewer.data("tag.pendingChange").isNull()).isTrue();
		assertThat(viewer.data("pendingChange").isNull()).isTrue();
		assertThat(viewer.data("pendingChanges.edges").toString()).doesNotContain(id);
		assertThat(viewer.data("pendingChanges.totalCount").asInt())
			.isEqualTo(reviewer.data("pendingChanges.totalCount").asInt() - 1);
		assertThat(viewer.body().toString()).doesNotContain("T0315", "信用A级");
	}

	private void approvedTag(String classCode, String tagCode, String name) {
		ok(client.query("""
				mutation($c: ID!, $b: ID!, $bt: ID!, $t: ID!, $cn: String!, $bn: String!, $btn: String!, $n: String!) {
				  c: createTagClass(input: {code: $c, name: $cn, criterion: "测试"}) { code }
				  b: createTagClass(input: {code: $b, name: $bn, parentCode: $c, criterion: "测试"}) { code }
				  bt: createTag(input: {code: $bt, name: $btn, classCode: $b}) { code }
				  t: createTag(input: {code: $t, name: $n, classCode: $c}) { code }
				}""", Map.of("c", classCode, "b", classCode + ".B", "bt", classCode + ".B.T", "t", tagCode, "cn",
				classCode, "bn", classCode + ".B", "btn", classCode + ".B.T", "n", name), "steward.li"));
		approveDraft("TAG_CLASS", classCode);
		approveDraft("TAG_CLASS", classCode + ".B");
		approveDraft("TAG", classCode + ".B.T");
		approveDraft("TAG", tagCode);
	}

	private void approveDraft(String kind, String code) {
		Reply submitted = ok(client.query(
				"mutation($code: ID!) { submitForReview(kind: " + kind + ", code: $code) { id status operation } }",
				Map.of("code", code), "steward.li"));
		assertThat(submitted.data("submitForReview.operation").asString()).isEqualTo("PUBLISH");
		ok(approve(submitted.data("submitForReview.id").asString(), "reviewer.chen"));
	}

	private String deleteIdOf(String tagCode) {
		return ok(client.query("query($c: ID!) { tag(code: $c) { pendingChange { id } } }", Map.of("c", tagCode)))
			.data("tag.pendingChange.id")
			.asString();
	}

	private Reply approve(String id, String user) {
		return client.query("mutation($id: ID!) { approveChange(id: $id) { id status } }", Map.of("id", id), user);
	}

	private JsonNode pending(String id) {
		return ok(client.query("query($id: ID!) { pendingChange(id: $id) { status } }", Map.of("id", id)))
			.data("pendingChange");
	}

	private String tagClassOf(String tag) {
		return ok(client.query("query($c: ID!) { tag(code: $c) { tagClass { code } } }", Map.of("c", tag)))
			.data("tag.tagClass.code")
			.asString();
	}

	private String status(String tag) {
		return ok(client.query("query($c: ID!) { tag(code: $c) { status } }", Map.of("c", tag))).data("tag.status")
			.asString();
	}

	private List<String> segmentWarnings(String code) {
		JsonNode warnings = ok(client.query(
				"query($c: ID!) { segment(where: {allOf: [{anyOf: [$c]}]}) { warnings { tagCode replacedBy { code } } } }",
				Map.of("c", code)))
			.data("segment.warnings");
		List<String> found = new ArrayList<>();
		warnings
			.forEach(w -> found.add(w.path("tagCode").asString() + "→" + w.path("replacedBy").path("code").asString()));
		return found;
	}

	private static List<String> diff(JsonNode pending) {
		List<String> lines = new ArrayList<>();
		pending.path("diff")
			.forEach(d -> lines.add(d.path("field").asString() + ": "
					+ (d.path("approved").isNull() ? "null" : d.path("approved").asString()) + " → "
					+ d.path("proposed").asString()));
		return lines;
	}

}
