package com.taggraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import com.taggraph.ApiClient;
import com.taggraph.ApiClient.Reply;
import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Who may do what, through the real endpoints: anonymous requests are refused with 401
 * everywhere, every mutation of the served schema is refused to a user below the role its
 * SDL demands (and writes nothing), viewers never see the sensitive (F8.L3/F8.L4) tags,
 * and customer data needs its permission.
 */
@TagGraphTest
class SecurityTest extends ApiTest {

	@Autowired
	GraphQlSource graphQl;

	@Test
	void anonymousRequestsAreRefusedEverywhere() {
		ApiClient anonymous = client.anonymous();
		Map<String, Object> before = GraphSnapshot.of(driver);
		assertThat(anonymous.exchange("{ rootClasses { code } }").status()).isEqualTo(401);
		for (String mutation : mutationsOfTheSchema(Role.STEWARD)) {
			Reply reply = anonymous.exchange(mutation);
			assertThat(reply.status()).as(mutation).isEqualTo(401);
			assertThat(reply.body().path("data").isMissingNode()).as(mutation).isTrue();
		}
		assertThat(anonymous.get("{ rootClasses { code } }", ApiClient.GRAPHQL_RESPONSE).status()).isEqualTo(401);
		for (String path : List.of("/api/import/tag-classes", "/api/import/customers", "/api/import/assignments",
				"/api/import/lineage", "/api/import/skos", "/api/imports/x/rollback")) {
			assertThat(anonymous.post(path, "code,name\nSEC-A,匿名\n", "text/csv", "application/json").status()).as(path)
				.isEqualTo(401);
		}
		assertThat(anonymous.raw(HttpRequest.newBuilder().GET(), "/api/reports/rules").statusCode()).isEqualTo(401);
		assertThat(anonymous.raw(HttpRequest.newBuilder().GET(), "/api/export/skos").statusCode()).isEqualTo(401);
		var page = anonymous.raw(HttpRequest.newBuilder().GET().header("Accept", "text/html"), "/lineage");
		assertThat(page.statusCode()).as("a browser is sent to the login form").isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
		assertThat(ApiClient.signedIn(port, ApiClient.TESTER, "wrong").exchange("{ rootClasses { code } }").status())
			.isEqualTo(401);
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void everyMutationIsRefusedBelowItsRoleAndWritesNothing() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		List<String> viewerRefused = mutationsOfTheSchema(Role.STEWARD);
		assertThat(viewerRefused).as("every mutation of the schema").hasSizeGreaterThan(30);
		for (String mutation : viewerRefused) {
			forbidden(client.query(mutation, Map.of(), "viewer.sun"), mutation);
		}
		for (String mutation : mutationsOfTheSchema(Role.ADMIN)) {
			if (requiresAtLeast(mutation, Role.REVIEWER)) {
				forbidden(client.query(mutation, Map.of(), "steward.li"), mutation);
			}
			if (requiresAtLeast(mutation, Role.ADMIN)) {
				forbidden(client.query(mutation, Map.of(), "reviewer.chen"), mutation);
			}
		}
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(
				client.post("/api/import/tag-classes", "code,parent,name\nSEC-V,,看\n", "text/csv", "application/json")
					.status())
			.as("a steward imports")
			.isEqualTo(200);
		assertThat(client.as("viewer.sun")
			.post("/api/import/tag-classes", "code,parent,name\nSEC-W,,看\n", "text/csv", "application/json")
			.status()).as("a viewer may not").isEqualTo(403);
		BoltCypher.write(driver, "MATCH (n) WHERE n.code STARTS WITH 'SEC-' DETACH DELETE n", Map.of());
	}

	@Test
	void aViewerReadsTheLibraryButNotTheSensitiveTags() {
		Set<String> sensitive = sensitiveTags();
		assertThat(sensitive).as("the demo has F8.L3 and F8.L4 tags").hasSizeGreaterThan(5);
		String one = sensitive.iterator().next();
		String byValue = "{ facetValue(code: \"F8.L3\") { tags { code } } }";

		assertThat(client.query("query($c: ID!) { tag(code: $c) { code } }", Map.of("c", one), "steward.li")
			.data("tag.code")
			.asString()).isEqualTo(one);
		Reply viewer = client.query("query($c: ID!) { tag(code: $c) { code } }", Map.of("c", one), "viewer.sun");
		assertThat(viewer.hasErrors()).as(viewer.body().toString()).isFalse();
		assertThat(viewer.data("tag").isNull()).as("hidden as if it did not exist").isTrue();

		assertThat(client.query(byValue, Map.of(), "viewer.sun").data("facetValue.tags")).isEmpty();
		assertThat(ApiClient.codes(client.query(byValue, Map.of(), "steward.li").data("facetValue.tags")))
			.containsExactlyInAnyOrderElementsOf(codesWithValue("F8.L3"));

		String classOfOne = classOf(one);
		String tagsOfClass = "query($c: ID!) { tagClass(code: $c) { tags { code } } }";
		List<String> all = ApiClient.codes(client.query(tagsOfClass, Map.of("c", classOfOne)).data("tagClass.tags"));
		List<String> seen = ApiClient
			.codes(client.query(tagsOfClass, Map.of("c", classOfOne), "viewer.sun").data("tagClass.tags"));
		assertThat(all).contains(one);
		assertThat(seen).doesNotContain(one)
			.containsExactlyElementsOf(all.stream().filter(c -> !sensitive.contains(c)).toList());

		String paged = "{ tags(first: 200) { edges { node { code } } } }";
		Reply viewerPage = client.query(paged, Map.of(), "viewer.sun");
		assertThat(viewerPage.hasErrors()).as(viewerPage.body().toString()).isFalse();
		List<String> pageCodes = new ArrayList<>();
		viewerPage.data("tags.edges").forEach(edge -> pageCodes.add(edge.path("node").path("code").asString()));
		assertThat(pageCodes).isNotEmpty().doesNotContainAnyElementsOf(sensitive);
	}

	@Test
	void customerDataNeedsItsPermissionAndViewersStillMissTheSensitiveTags() {
		Map<String, Object> carrier = BoltCypher.read(driver, """
				MATCH (c:Customer)-[:HAS_TAG]->(t:Tag)-[:HAS_FACET_VALUE]->(:FacetValue {code: 'F8.L3'})
				RETURN c.id AS id, count(t) AS sensitive ORDER BY sensitive DESC, id LIMIT 1""").get(0);
		String id = (String) carrier.get("id");
		String portrait = "query($id: ID!) { customer(id: $id) { id tags { tag { code } } } }";

		Reply refused = client.query(portrait, Map.of("id", id), "viewer.sun");
		assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(refused.errorMessage()).contains("Query.customer").contains("customer data");
		assertThat(refused.data("customer").isNull()).isTrue();

		List<String> full = tagCodes(client.query(portrait, Map.of("id", id), "steward.li"));
		List<String> analyst = tagCodes(client.query(portrait, Map.of("id", id), "analyst.ma"));
		assertThat(full).containsAnyElementsOf(sensitiveTags());
		assertThat(analyst).isEqualTo(full.stream().filter(c -> !sensitiveTags().contains(c)).toList());
	}

	@Test
	void theAuditTrailNamesTheSignedInUserNotAHeader() {
		String mutation = "mutation { createTagClass(input: {code: \"SEC-H\", name: \"谁\"}) { code } }";
		var request = HttpRequest.newBuilder()
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + mutation.replace("\"", "\\\"") + "\"}"))
			.header("Content-Type", "application/json")
			.header("X-User", "mallory");
		var sent = client.as("steward.wang").raw(request, "/graphql");
		assertThat(sent.statusCode()).isEqualTo(200);
		try {
			Reply history = client.query("{ history(code: \"SEC-H\") { by } }");
			assertThat(history.data("history.0.by").asString()).isEqualTo("steward.wang");
			assertThat(client.query("{ history(code: \"SEC-H\") { by } }", Map.of(), "viewer.sun").errorCode())
				.as("the audit trail is for stewards and above")
				.isEqualTo("FORBIDDEN");
		}
		finally {
			BoltCypher.write(driver, "MATCH (n) WHERE n.code STARTS WITH 'SEC-' DETACH DELETE n", Map.of());
		}
	}

	private static List<String> tagCodes(Reply reply) {
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		List<String> codes = new ArrayList<>();
		reply.data("customer.tags").forEach(t -> codes.add(t.path("tag").path("code").asString()));
		return codes;
	}

	private Set<String> sensitiveTags() {
		return BoltCypher.read(driver,
				"""
						MATCH (t:Tag)-[:HAS_FACET_VALUE]->(v:FacetValue) WHERE v.code IN ['F8.L3', 'F8.L4'] RETURN t.code AS code""")
			.stream()
			.map(r -> (String) r.get("code"))
			.collect(Collectors.toSet());
	}

	private List<String> codesWithValue(String value) {
		return BoltCypher
			.read(driver,
					"MATCH (t:Tag)-[:HAS_FACET_VALUE]->(:FacetValue {code: '" + value + "'}) RETURN t.code AS code")
			.stream()
			.map(r -> (String) r.get("code"))
			.toList();
	}

	private String classOf(String tag) {
		return (String) BoltCypher
			.read(driver, "MATCH (:Tag {code: '" + tag + "'})-[:IN_CLASS]->(c) RETURN c.code AS code")
			.get(0)
			.get("code");
	}

	private static void forbidden(Reply reply, String mutation) {
		assertThat(reply.status()).as(mutation).isEqualTo(200);
		assertThat(reply.errorCode()).as(mutation + " → " + reply.body()).isEqualTo("FORBIDDEN");
		assertThat(reply.errorMessage()).as(mutation).startsWith("Mutation.").contains("needs role");
	}

	// ---- every mutation of the served schema, called with arguments made up from their
	// types ----

	private final Map<String, Role> required = new LinkedHashMap<>();

	private boolean requiresAtLeast(String mutation, Role role) {
		return required.get(mutation).includes(role);
	}

	/**
	 * One call of every mutation needing at most {@code upTo}, each with made-up
	 * arguments of the right types.
	 */
	private List<String> mutationsOfTheSchema(Role upTo) {
		GraphQLObjectType mutationType = graphQl.schema().getMutationType();
		List<String> calls = new ArrayList<>();
		for (GraphQLFieldDefinition field : mutationType.getFieldDefinitions()) {
			GraphQLAppliedDirective requires = field.getAppliedDirective("requires");
			Role role = requires == null ? Role.STEWARD
					: Role.valueOf(String.valueOf((Object) requires.getArgument("role").getValue()));
			String call = "mutation { " + field.getName() + arguments(field.getArguments()) + selection(field.getType())
					+ " }";
			required.put(call, role);
			if (upTo.includes(role)) {
				calls.add(call);
			}
		}
		return calls;
	}

	private static String arguments(List<GraphQLArgument> arguments) {
		List<String> given = new ArrayList<>();
		for (GraphQLArgument argument : arguments) {
			given.add(argument.getName() + ": " + value(argument.getType()));
		}
		return given.isEmpty() ? "" : "(" + String.join(", ", given) + ")";
	}

	private static String value(GraphQLInputType type) {
		GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
		if (bare instanceof GraphQLList list) {
			return "[" + value((GraphQLInputType) list.getWrappedType()) + "]";
		}
		if (bare instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		if (bare instanceof GraphQLInputObjectType input) {
			List<String> fields = new ArrayList<>();
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				fields.add(field.getName() + ": " + value(field.getType()));
			}
			return "{" + String.join(", ", fields) + "}";
		}
		return switch (((GraphQLScalarType) bare).getName()) {
			case "Int" -> "1";
			case "Float" -> "1.0";
			case "Boolean" -> "false";
			default -> "\"SEC-X\"";
		};
	}

	private static String selection(GraphQLType type) {
		return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType
				|| GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLEnumType ? "" : " { __typename }";
	}

}
