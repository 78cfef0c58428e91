package com.taggraph.audit;

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
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;

/**
 * Every committed write leaves one change event, with who, which request, and the node
 * before and after; a refused write leaves none; and events, once written, never change.
 */
@TagGraphTest
class AuditTrailTest extends ApiTest {

	private static final String HISTORY = """
			query($code: ID!, $kind: ChangeKind) {
			  history(code: $code, kind: $kind) { id at by operation kind code before after requestId importId }
			}""";

	private static final String CHANGES = """
			query($code: ID, $since: String, $by: String, $type: ChangeKind, $first: Int, $after: String) {
			  changes(code: $code, since: $since, by: $by, type: $type, first: $first, after: $after) {
			    edges { cursor node { id by operation kind code before after } }
			    pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
			    totalCount
			  }
			}""";

	@AfterEach
	void cleanUp() {
		writeEach("MATCH (n) WHERE (n:TagClass OR n:Tag) AND n.code STARTS WITH 'AU-' DETACH DELETE n",
				"MATCH (c:Customer) WHERE c.id STARTS WITH 'AU-CUST-' DETACH DELETE c");
	}

	@Test
	void historyShowsEveryStepOfAClassWithWhoAndWhichRequest() {
		ok(write(
				"mutation { a: createTagClass(input: {code: \"AU-P1\", name: \"审计一\", criterion: \"审计\"}) { code } "
						+ "b: createTagClass(input: {code: \"AU-P2\", name: \"审计二\", criterion: \"审计\"}) { code } }",
				"alice", "au-setup"));

		Reply created = ok(write(
				"mutation { createTagClass(input: {code: \"AU-C\", name: \"旧名\", parentCode: \"AU-P1\"}) { code } }",
				"alice", "au-req-1"));
		assertThat(created.headers().get("x-request-id")).containsExactly("au-req-1");
		JsonNode createEvent = history("AU-C", "TAG_CLASS").path(0);
		ok(write("mutation { updateTagClass(code: \"AU-C\", input: {name: \"新名\"}) { code } }", "bob", "au-req-2"));
		ok(write("mutation { moveTagClass(code: \"AU-C\", newParentCode: \"AU-P2\") { code } }", "alice", "au-req-3"));
		ok(write("mutation { deleteTagClass(code: \"AU-C\") }", "carol", "au-req-4"));

		JsonNode events = history("AU-C", null);
		assertThat(field(events, "operation")).containsExactly("DELETE", "MOVE", "UPDATE", "CREATE");
		assertThat(field(events, "by")).containsExactly("carol", "alice", "bob", "alice");
		assertThat(field(events, "requestId")).containsExactly("au-req-4", "au-req-3", "au-req-2", "au-req-1");
		assertThat(field(events, "kind")).containsOnly("TAG_CLASS");

		JsonNode create = events.path(3);
		assertThat(create.path("before").isNull()).isTrue();
		assertThat(state(create, "after").path("name").asString()).isEqualTo("旧名");
		assertThat(state(create, "after").path("parent").asString()).isEqualTo("AU-P1");
		assertThat(state(events.path(2), "before").path("name").asString()).isEqualTo("旧名");
		assertThat(state(events.path(2), "after").path("name").asString()).isEqualTo("新名");
		assertThat(state(events.path(1), "before").path("parent").asString()).isEqualTo("AU-P1");
		assertThat(state(events.path(1), "after").path("parent").asString()).isEqualTo("AU-P2");
		assertThat(state(events.path(0), "before").path("name").asString()).isEqualTo("新名");
		assertThat(events.path(0).path("after").isNull()).isTrue();

		// append-only: the first event reads exactly as it did before the later writes
		assertThat(create).isEqualTo(createEvent);
		ok(write("mutation { a: deleteTagClass(code: \"AU-P2\") b: deleteTagClass(code: \"AU-P1\") }", "alice", null));
	}

	@Test
	void aTagsStepsIncludingItsClassAndFacetValuesAreRecordedAndShownOnTheTag() {
		writeAll("dora",
				"mutation { createTag(input: {code: \"AU-T\", name: \"审计标签\", classCode: \"C01.04\"}) { code } }",
				"mutation { classifyTag(tagCode: \"AU-T\", facetValueCodes: [\"F8.L3\"]) { code } }",
				"mutation { moveTag(code: \"AU-T\", classCode: \"C07.02.01\") { code } }");

		Reply tag = ok(client.query("{ tag(code: \"AU-T\") { history { operation by before after } } }"));
		JsonNode events = tag.data("tag.history");
		assertThat(field(events, "operation")).containsExactly("MOVE", "CLASSIFY", "CREATE");
		assertThat(state(events.path(1), "before").path("facetValues").size()).isZero();
		assertThat(state(events.path(1), "after").path("facetValues").toString()).isEqualTo("[\"F8.L3\"]");
		assertThat(state(events.path(0), "before").path("tagClass").asString()).isEqualTo("C01.04");
		assertThat(state(events.path(0), "after").path("tagClass").asString()).isEqualTo("C07.02.01");

		ok(write("mutation { deleteTag(code: \"AU-T\") }", "dora", null));
		assertThat(field(history("AU-T", "TAG"), "operation")).containsExactly("DELETE", "MOVE", "CLASSIFY", "CREATE");
	}

	@Test
	void aRefusedWriteRecordsNothing() {
		ok(write(
				"mutation { a: createTagClass(input: {code: \"AU-R\", name: \"上\", criterion: \"审计\"}) { code } "
						+ "b: createTagClass(input: {code: \"AU-R.1\", name: \"下\", parentCode: \"AU-R\"}) { code } }",
				"erin", null));
		long events = eventCount();
		var graph = GraphSnapshot.of(driver);

		Reply cycle = write("mutation { moveTagClass(code: \"AU-R\", newParentCode: \"AU-R.1\") { code } }", "erin",
				null);
		assertThat(cycle.errorCode()).isEqualTo("CYCLE");
		Reply duplicate = write("mutation { createTagClass(input: {code: \"AU-R.1\", name: \"重复\"}) { code } }", "erin",
				null);
		assertThat(duplicate.errorCode()).isEqualTo("DUPLICATE_CODE");
		Reply notEmpty = write("mutation { deleteTagClass(code: \"AU-R\") }", "erin", null);
		assertThat(notEmpty.errorCode()).isEqualTo("NOT_EMPTY");

		assertThat(eventCount()).isEqualTo(events);
		assertThat(GraphSnapshot.of(driver)).isEqualTo(graph);
		assertThat(field(history("AU-R", null), "operation")).containsExactly("CREATE");
	}

	@Test
	void changesFiltersByUserKindAndTimeAndPagesWithCursors() {
		String user = "pager";
		for (int i = 1; i <= 5; i++) {
			ok(write("mutation { createTagClass(input: {code: \"AU-G%d\", name: \"分页\"}) { code } }".formatted(i), user,
					null));
		}
		ok(write("mutation { createTag(input: {code: \"AU-GT\", name: \"分页标签\", classCode: \"AU-G1\"}) { code } }",
				user, null));

		List<String> codes = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			Reply page = ok(client.query(CHANGES, vars("by", user, "type", "TAG_CLASS", "first", 2, "after", after)));
			JsonNode connection = page.data("changes");
			connection.path("edges").forEach(e -> codes.add(e.path("node").path("code").asString()));
			assertThat(connection.path("totalCount").asInt()).as("the whole selection, on every page").isEqualTo(5);
			assertThat(connection.path("pageInfo").path("hasPreviousPage").asBoolean()).isEqualTo(after != null);
			after = connection.path("pageInfo").path("hasNextPage").asBoolean()
					? connection.path("pageInfo").path("endCursor").asString() : null;
			pages++;
		}
		while (after != null);
		assertThat(pages).isEqualTo(3);
		assertThat(codes).containsExactly("AU-G5", "AU-G4", "AU-G3", "AU-G2", "AU-G1");

		Reply all = ok(client.query(CHANGES, vars("by", user, "since", "2000-01-01")));
		assertThat(all.data("changes.edges")).hasSize(6);
		assertThat(all.data("changes.edges.0.node.kind").asString()).isEqualTo("TAG");
		Reply future = ok(client.query(CHANGES, vars("by", user, "since", "2999-01-01T00:00:00Z")));
		assertThat(future.data("changes.edges")).isEmpty();

		assertThat(client.query(CHANGES, vars("first", 501)).errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(client.query(CHANGES, vars("since", "yesterday")).errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(client.query(CHANGES, vars("after", "not-a-cursor")).errorCode()).isEqualTo("INVALID_INPUT");
		// a cursor of another list names another key: refused, not read as a place in
		// this one
		String tagCursor = ok(client.query("{ tags(first: 1) { pageInfo { endCursor } } }"))
			.data("tags.pageInfo.endCursor")
			.asString();
		Reply foreign = client.query(CHANGES, vars("after", tagCursor));
		assertThat(foreign.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(foreign.body().path("errors").path(0).path("extensions").path("field").asString())
			.isEqualTo("after");
	}

	@Test
	void changesOnOneCodeReplaceTheDeprecatedHistoryWithObjectsForStates() {
		writeAll("fred",
				"mutation { createTagClass(input: {code: \"AU-H\", name: \"旧\", criterion: \"审计\"}) { code } }",
				"mutation { updateTagClass(code: \"AU-H\", input: {name: \"新\"}) { code } }",
				"mutation { updateTagClass(code: \"AU-H\", input: {name: \"再新\"}) { code } }");

		JsonNode first = ok(client.query(CHANGES, vars("code", "AU-H", "first", 2))).data("changes");
		assertThat(first.path("totalCount").asInt()).isEqualTo(3);
		assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		JsonNode rest = ok(client.query(CHANGES, vars("code", "AU-H", "type", "TAG_CLASS", "after",
				first.path("pageInfo").path("endCursor").asString())))
			.data("changes");
		List<JsonNode> events = new ArrayList<>();
		first.path("edges").forEach(e -> events.add(e.path("node")));
		rest.path("edges").forEach(e -> events.add(e.path("node")));
		assertThat(events.stream().map(e -> e.path("operation").asString())).containsExactly("UPDATE", "UPDATE",
				"CREATE");
		assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();

		// the same events as the deprecated list, and states are JSON objects
		assertThat(events.stream().map(e -> e.path("id").asString()))
			.containsExactlyElementsOf(field(history("AU-H", "TAG_CLASS"), "id"));
		assertThat(state(events.get(0), "after").path("name").asString()).isEqualTo("再新");
		assertThat(state(events.get(0), "before").path("name").asString()).isEqualTo("新");
		assertThat(events.get(2).path("before").isNull()).isTrue();
		assertThat(client.query(CHANGES, vars("code", " ")).errorCode()).isEqualTo("INVALID_INPUT");
		ok(write("mutation { deleteTagClass(code: \"AU-H\") }", "fred", null));
	}

	@Test
	void aClassSchemeImportRecordsOneEventWithItsImportId() {
		long events = eventCount();
		Reply imported = client.post("/api/import/tag-classes",
				"code,parent,name,criterion\nAU-I,,导入,按序号\nAU-I.1,AU-I,一,\nAU-I.2,AU-I,二,\n", "text/csv",
				"application/json");
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);

		assertThat(eventCount()).isEqualTo(events + 1);
		JsonNode event = ok(client.query(CHANGES, vars("type", "IMPORT", "first", 1))).data("changes.edges.0.node");
		JsonNode full = history(event.path("code").asString(), "IMPORT").path(0);
		assertThat(full.path("by").asString()).as("the signed-in user").isEqualTo(ApiClient.TESTER);
		assertThat(full.path("importId").asString()).isEqualTo(full.path("code").asString()).startsWith("scheme-");
		assertThat(full.path("requestId").asString()).isEqualTo(imported.headers().get("x-request-id").get(0));
		assertThat(state(full, "after").path("created").asInt()).isEqualTo(3);
		assertThat(imported.body().path("eventId").asString()).isEqualTo(full.path("id").asString());
		assertThat(history("AU-I.1", null)).isEmpty();

		Reply dryRun = client.post("/api/import/tag-classes?dryRun=true", "code,parent,name\nAU-I9,,试\n", "text/csv",
				"application/json");
		assertThat(dryRun.body().path("eventId").isNull()).as("a dry run records nothing").isTrue();
	}

	@Test
	void skosAndLineageImportsAnswerWithTheIdOfTheEventTheyRecorded() {
		Reply skos = client.post("/api/import/skos", """
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				<urn:au:class> a skos:Concept ; skos:notation "AU-S" ; skos:prefLabel "审计SKOS"@zh .
				""", "text/turtle", "application/json");
		assertThat(skos.status()).as(skos.body().toString()).isEqualTo(200);
		JsonNode skosEvent = event(skos.body().path("eventId").asString());
		assertThat(skosEvent.path("kind").asString()).isEqualTo("IMPORT");
		assertThat(skosEvent.path("code").asString()).startsWith("skos-");
		assertThat(state(skosEvent, "after").path("created").asInt()).isEqualTo(1);

		ok(write("mutation { createTag(input: {code: \"AU-L\", name: \"审计血缘\", classCode: \"C01.04\"}) { code } }",
				"dora", null));
		Reply lineage = client.post("/api/import/lineage", "tag,fromTag\nAU-L,T0101\n", "text/csv", "application/json");
		assertThat(lineage.status()).as(lineage.body().toString()).isEqualTo(200);
		JsonNode lineageEvent = event(lineage.body().path("eventId").asString());
		assertThat(lineageEvent.path("code").asString()).startsWith("lineage-");
		assertThat(lineageEvent.path("requestId").asString()).isEqualTo(lineage.headers().get("x-request-id").get(0));

		Reply refused = client.post("/api/import/lineage", "tag,fromTag\nAU-L,NO-SUCH-TAG\n", "text/csv",
				"application/json");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().path("eventId").isNull()).isTrue();
	}

	@Test
	void facetValuesSourceTablesFieldsAndCustomersShowTheirHistoryBatched() {
		removeAfterwards("AUHS", "au历史自由");
		writeEach("CREATE (:Customer {id: 'AU-CUST-8', name: '审计客户八'})");
		String user = "fred";
		writeAll(user,
				"mutation { createFacetValue(input: {code: \"AU-FV\", name: \"审计值\", facetCode: \"F8\"}) { code } }",
				"mutation { updateFacetValue(code: \"AU-FV\", input: {name: \"审计值改\"}) { code } }",
				"mutation { registerSourceSystem(input: {code: \"AUHS\", name: \"审计历史\", kind: INTERNAL}) { code } }",
				"mutation { registerSourceTable(systemCode: \"AUHS\", tableName: \"T_1\") { code } }",
				"mutation { registerSourceField(tableCode: \"AUHS.T_1\", fieldName: \"F_1\") { code } }",
				"mutation { addFreeTag(customerId: \"AU-CUST-8\", text: \"au历史自由\") { customer { id } } }");

		String query = """
				{ sourceSystem(code: "AUHS") { tables { code history { operation kind } fields { code history { operation by } } } }
				  facet(code: "F8") { values { code history { operation kind } } }
				  customer(id: "AU-CUST-8") { history { operation kind } } }""";
		Reply one = ok(client.query(query));
		JsonNode table = one.data("sourceSystem.tables.0");
		assertThat(field(table.path("history"), "kind")).containsExactly("SOURCE_TABLE");
		assertThat(field(table.path("fields").path(0).path("history"), "by")).containsExactly(user);
		JsonNode value = null;
		for (JsonNode v : one.data("facet.values")) {
			if (v.path("code").asString().equals("AU-FV")) {
				value = v;
			}
		}
		assertThat(value).isNotNull();
		assertThat(field(value.path("history"), "operation")).containsExactly("UPDATE", "CREATE");
		assertThat(field(one.data("customer.history"), "operation")).containsExactly("ADD_FREE_TAG");
		assertThat(field(history("AU-FV", "FACET_VALUE"), "operation")).containsExactly("UPDATE", "CREATE");
		assertThat(field(history("AUHS.T_1", "SOURCE_TABLE"), "operation")).containsExactly("CREATE");
		assertThat(field(history("AUHS.T_1.F_1", "SOURCE_FIELD"), "operation")).containsExactly("CREATE");
		assertThat(field(history("AU-CUST-8", "CUSTOMER"), "operation")).containsExactly("ADD_FREE_TAG");

		// three more tables with a field each: the same number of statements (one history
		// read per type)
		StatementCounter.reset();
		ok(client.query(query));
		int statements = StatementCounter.count();
		for (int i = 2; i <= 4; i++) {
			ok(write(
					"mutation { registerSourceTable(systemCode: \"AUHS\", tableName: \"T_%d\") { code } }".formatted(i),
					user, null));
			ok(write("mutation { registerSourceField(tableCode: \"AUHS.T_%d\", fieldName: \"F_1\") { code } }"
				.formatted(i), user, null));
		}
		StatementCounter.reset();
		Reply four = ok(client.query(query));
		assertThat(four.data("sourceSystem.tables")).hasSize(4);
		assertThat(StatementCounter.count()).isEqualTo(statements);

		ok(write("mutation { deleteFacetValue(code: \"AU-FV\") }", user, null));
	}

	@Test
	void aCustomerBulkImportRecordsOneEventUnderItsImportIdAndItsRollbackAnother() {
		long events = eventCount();
		Reply imported = client.post("/api/import/customers", "id,name\nAU-CUST-1,审计甲\nAU-CUST-2,审计乙\n", "text/csv",
				"application/json");
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		String importId = imported.body().path("run").path("importId").asString();
		assertThat(eventCount()).isEqualTo(events + 1);

		Reply rollback = client.post("/api/imports/%s/rollback".formatted(importId), new byte[0], null,
				"application/json");
		assertThat(rollback.status()).isEqualTo(200);

		JsonNode trail = history(importId, "IMPORT");
		assertThat(field(trail, "operation")).containsExactly("ROLLBACK", "IMPORT");
		assertThat(field(trail, "importId")).containsOnly(importId);
		assertThat(state(trail.path(1), "after").path("created").asInt()).isEqualTo(2);
		assertThat(state(trail.path(0), "after").path("deletedCustomers").asInt()).isEqualTo(2);
		assertThat(history("AU-CUST-1", null)).isEmpty();
	}

	@Test
	void sourceDerivationFreeTagAndSegmentWritesAreRecordedToo() {
		removeAfterwards("AUSYS", "au审计自由");
		writeEach("CREATE (:Customer {id: 'AU-CUST-9', name: '审计客户'})");
		String user = "fred";
		writeAll(user,
				"mutation { registerSourceSystem(input: {code: \"AUSYS\", name: \"审计系统\", kind: INTERNAL}) { code } }",
				"mutation { registerSourceTable(systemCode: \"AUSYS\", tableName: \"T_A\") { code } }",
				"mutation { registerSourceField(tableCode: \"AUSYS.T_A\", fieldName: \"F_A\") { code } }",
				"mutation { createTag(input: {code: \"AU-D\", name: \"派生\", classCode: \"C01.04\"}) { code } }",
				"mutation { deriveTag(tagCode: \"AU-D\", fromFields: [\"AUSYS.T_A.F_A\"]) { code } }",
				"mutation { removeDerivation(tagCode: \"AU-D\", fromCode: \"AUSYS.T_A.F_A\") { code } }",
				"mutation { addFreeTag(customerId: \"AU-CUST-9\", text: \"au审计自由\") { customer { id } } }",
				"mutation { removeFreeTag(customerId: \"AU-CUST-9\", text: \"au审计自由\") { id } }",
				"mutation { saveSegment(name: \"AU-审计群\", where: {allOf: [{anyOf: [\"T0101\"]}]}) { name } }",
				"mutation { deleteSegment(name: \"AU-审计群\") }");

		Reply system = ok(client.query("{ sourceSystem(code: \"AUSYS\") { history { operation by } } }"));
		assertThat(field(system.data("sourceSystem.history"), "operation")).containsExactly("CREATE");
		JsonNode derivations = history("AU-D", "TAG");
		assertThat(field(derivations, "operation")).containsExactly("REMOVE_DERIVATION", "DERIVE", "CREATE");
		assertThat(state(derivations.path(1), "after").path("derivedFrom").toString()).isEqualTo("[\"AUSYS.T_A.F_A\"]");
		assertThat(state(derivations.path(0), "after").path("derivedFrom").size()).isZero();
		JsonNode customer = history("AU-CUST-9", "CUSTOMER");
		assertThat(field(customer, "operation")).containsExactly("REMOVE_FREE_TAG", "ADD_FREE_TAG");
		assertThat(state(customer.path(1), "after").path("freeTags").toString()).isEqualTo("[\"au审计自由\"]");
		assertThat(field(history("AU-审计群", "SEGMENT"), "operation")).containsExactly("DELETE", "CREATE");
		assertThat(field(history("AUSYS.T_A.F_A", null), "kind")).containsExactly("SOURCE_FIELD");

	}

	@Test
	void theRequestReachesDataFetchersOnAnyThreadThroughContextPropagation() {
		// META-INF/services registers Spring's accessor, so Spring for GraphQL restores
		// RequestContextHolder
		// around every data fetcher even when one runs on another thread (an executor,
		// virtual threads)
		assertThat(io.micrometer.context.ContextRegistry.getInstance().getThreadLocalAccessors())
			.anyMatch(a -> a instanceof org.springframework.web.context.request.RequestAttributesThreadLocalAccessor);
	}

	/**
	 * The event with this id, through the changes query (newest first), as a client would
	 * find it.
	 */
	private JsonNode event(String id) {
		assertThat(id).isNotBlank();
		for (JsonNode edge : ok(client.query(CHANGES, vars("type", "IMPORT", "first", 20))).data("changes.edges")) {
			if (edge.path("node").path("id").asString().equals(id)) {
				return history(edge.path("node").path("code").asString(), "IMPORT").path(0);
			}
		}
		throw new AssertionError("no import event " + id);
	}

	/**
	 * After the test, removes the source system it registered and the free tag it made.
	 */
	private void removeAfterwards(String systemCode, String freeTag) {
		cleanUp("""
				MATCH (n) WHERE (n:SourceSystem OR n:SourceTable OR n:SourceField) AND n.code STARTS WITH $system
				   OR n:FreeTag AND n.normalized = $freeTag
				DETACH DELETE n""", Map.of("system", systemCode, "freeTag", freeTag));
	}

	/** Sends each mutation as the user, without a request id; each one succeeds. */
	private void writeAll(String user, String... mutations) {
		for (String mutation : mutations) {
			ok(write(mutation, user, null));
		}
	}

	private Reply write(String mutation, String user, String requestId) {
		return (user != null ? client.as(user) : client).exchange(mutation, Map.of(), requestId);
	}

	private JsonNode history(String code, String kind) {
		return ok(client.query(HISTORY, vars("code", code, "kind", kind))).data("history");
	}

	/** A state as served: a JSON object (the JSON scalar), not text to parse again. */
	private static JsonNode state(JsonNode event, String which) {
		JsonNode state = event.path(which);
		assertThat(state.isObject()).as("%s of %s is a JSON object", which, event).isTrue();
		return state;
	}

	private static List<String> field(JsonNode events, String name) {
		List<String> values = new ArrayList<>();
		events.forEach(e -> values.add(e.path(name).asString()));
		return values;
	}

	private long eventCount() {
		try (var session = driver.session()) {
			return session.run("MATCH (e:ChangeEvent) RETURN count(e) AS n").single().get("n").asLong();
		}
	}

	private static Map<String, Object> vars(Object... pairs) {
		Map<String, Object> vars = new java.util.HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			vars.put((String) pairs[i], pairs[i + 1]);
		}
		return vars;
	}

}
