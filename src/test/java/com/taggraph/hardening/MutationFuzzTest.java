package com.taggraph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every String and ID argument of every mutation of the served schema (read from the
 * schema, so a new mutation is covered without touching this test), nested input fields
 * and list elements included, gets every hostile string (issue 6 §5). Each answer is a
 * success or a clear GraphQL error; a refused call leaves the graph as it was; an
 * accepted one stored the text verbatim (found as a property value over Bolt) and nothing
 * was executed (the graph still holds everything else).
 * <p>
 * The other arguments get fresh FZ- codes (unknown references, new codes for creations)
 * or, where an argument names the thing a mutation edits, a fixture made for the test, so
 * texts reach storage.
 */
@TagGraphTest
class MutationFuzzTest extends ApiTest {

	/**
	 * Arguments naming the subject of an edit, by {@code mutation.argument[.field]}: the
	 * fixture's codes.
	 */
	private static final Map<String, String> SUBJECTS = Map.ofEntries(Map.entry("updateTagClass.code", "FZ-C"),
			Map.entry("createTag.input.classCode", "FZ-C"), Map.entry("updateTag.code", "FZ-T"),
			Map.entry("deriveTag.tagCode", "FZ-T"), Map.entry("updateFacet.code", "FZ-F"),
			Map.entry("createFacetValue.input.facetCode", "FZ-F"), Map.entry("updateFacetValue.code", "FZ-V"),
			Map.entry("updateSourceSystem.code", "FZ-S"), Map.entry("registerSourceTable.systemCode", "FZ-S"),
			Map.entry("updateSourceTable.code", "FZ-S.t"), Map.entry("registerSourceField.tableCode", "FZ-S.t"),
			Map.entry("updateSourceField.code", "FZ-S.t.f"));

	private static final String CLEAN_UP = """
			MATCH (n) WHERE (n:TagClass OR n:Tag OR n:Facet OR n:FacetValue OR n:SourceSystem OR n:SourceTable
			  OR n:SourceField) AND n.code STARTS WITH 'FZ-'
			DETACH DELETE n""";

	@Autowired
	GraphQlSource graphQl;

	/**
	 * Non-ASCII escaped, so a lone surrogate reaches the server as the JSON escape it is.
	 */
	private final JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private int fresh;

	@BeforeEach
	void fixture() {
		BoltCypher.write(driver, CLEAN_UP, Map.of());
		for (String mutation : List.of(
				"createTagClass(input: {code: \"FZ-C\", name: \"fuzz class\", criterion: \"fuzz criterion\"}) { code }",
				"createTag(input: {code: \"FZ-T\", name: \"fuzz tag\", classCode: \"FZ-C\"}) { code }",
				"createFacet(input: {code: \"FZ-F\", name: \"fuzz facet\", criterion: \"fuzz criterion\"}) { code }",
				"createFacetValue(input: {code: \"FZ-V\", name: \"fuzz value\", facetCode: \"FZ-F\"}) { code }",
				"registerSourceSystem(input: {code: \"FZ-S\", name: \"fuzz system\", kind: %s}) { code }"
					.formatted(((GraphQLEnumType) graphQl.schema().getType("SourceKind")).getValues().get(0).getName()),
				"registerSourceTable(systemCode: \"FZ-S\", tableName: \"t\") { code }",
				"registerSourceField(tableCode: \"FZ-S.t\", fieldName: \"f\") { code }")) {
			var reply = client.query("mutation { " + mutation + " }");
			assertThat(reply.hasErrors()).as(mutation + " -> " + reply.body()).isFalse();
		}
	}

	@AfterEach
	void cleanUp() {
		BoltCypher.write(driver, CLEAN_UP, Map.of());
		BoltCypher.write(driver, "MATCH (s:Segment) WHERE s.name STARTS WITH 'FZ' OR s.name IN $texts DETACH DELETE s",
				Map.of("texts", Hostile.STRINGS));
		// the segment index forgets the tags deleted behind its back
		client.query("mutation { refreshSegmentIndex { tags } }");
	}

	/**
	 * One String or ID input of a mutation: its path from the argument down (list
	 * elements as []).
	 */
	record Slot(String mutation, List<String> path) {

		String name() {
			return mutation + "." + String.join(".", path);
		}
	}

	@Test
	void everyTextArgumentOfEveryMutationTakesHostileStringsSafely() {
		GraphQLObjectType mutationType = graphQl.schema().getMutationType();
		List<Slot> slots = new ArrayList<>();
		for (GraphQLFieldDefinition mutation : mutationType.getFieldDefinitions()) {
			for (var argument : mutation.getArguments()) {
				collect(mutation.getName(), List.of(argument.getName()), argument.getType(), slots, 0);
			}
		}
		System.out.printf("MutationFuzzTest: %d mutations, %d String/ID inputs, %d hostile strings%n",
				mutationType.getFieldDefinitions().size(), slots.size(), Hostile.STRINGS.size());
		assertThat(mutationType.getFieldDefinitions()).hasSizeGreaterThanOrEqualTo(30);

		List<String> problems = new ArrayList<>();
		int cases = 0;
		int accepted = 0;
		long start = System.nanoTime();
		Map<String, Object> before = snapshot();
		long nodesAtStart = nodes();
		for (Slot slot : slots) {
			GraphQLFieldDefinition mutation = mutationType.getFieldDefinition(slot.mutation());
			for (String payload : Hostile.STRINGS) {
				cases++;
				Map<String, Object> variables = new LinkedHashMap<>();
				StringBuilder declarations = new StringBuilder();
				StringBuilder arguments = new StringBuilder();
				for (var argument : mutation.getArguments()) {
					boolean target = argument.getName().equals(slot.path().get(0));
					if (!target && !(argument.getType() instanceof GraphQLNonNull)) {
						continue;
					}
					variables.put(argument.getName(),
							value(slot, List.of(argument.getName()), argument.getType(), payload));
					declarations.append(declarations.isEmpty() ? "" : ", ")
						.append('$')
						.append(argument.getName())
						.append(": ")
						.append(GraphQLTypeUtil.simplePrint(argument.getType()));
					arguments.append(arguments.isEmpty() ? "" : ", ")
						.append(argument.getName())
						.append(": $")
						.append(argument.getName());
				}
				String query = "mutation Fuzz(%s) { %s(%s)%s }".formatted(declarations, slot.mutation(), arguments,
						selection(mutation.getType()));
				ApiClient.Reply reply = send(query, variables);
				String where = slot.name() + " = " + Hostile.label(payload);
				String problem = Hostile.problem(reply);
				if (problem != null) {
					problems.add(where + ": " + problem + " " + abbreviate(reply.body().toString()));
					before = snapshot();
					continue;
				}
				if (reply.hasErrors()) {
					String code = reply.errorCode();
					if (code == null) {
						problems
							.add(where + ": an error without extensions.code: " + abbreviate(reply.body().toString()));
					}
					Map<String, Object> after = snapshot();
					if (!after.equals(before)) {
						problems.add(where + ": refused (" + code + ") but the graph changed");
						before = after;
					}
				}
				else {
					accepted++;
					if (payload.equals(Hostile.ONE_MB)) {
						problems.add(where + ": a 1 MB text was accepted; every text field needs a maximum length");
					}
					if (!payload.isBlank() && storedVerbatim(payload) == 0) {
						problems.add(where + ": accepted but the text is stored nowhere verbatim: "
								+ abbreviate(reply.body().toString()));
					}
					if (nodes() < nodesAtStart) {
						problems.add(where + ": nodes disappeared");
					}
					before = snapshot();
				}
			}
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("MutationFuzzTest: %d cases (%d accepted and stored verbatim, %d refused) in %d ms%n", cases,
				accepted, cases - accepted, millis);
		// still up, still answering
		assertThat(client.query("{ tagClass(code: \"FZ-C\") { code } }").data("tagClass.code").asString())
			.isEqualTo("FZ-C");
		assertThat(problems).isEmpty();
		assertThat(accepted).as("some texts are legitimate and must be stored").isGreaterThan(20);
	}

	/**
	 * Legitimate hostile-looking texts come back exactly as sent, through GraphQL and
	 * over Bolt.
	 */
	@Test
	void cypherLookingNamesAreStoredAndReadBackVerbatim() {
		long nodes = nodes();
		for (String payload : Hostile.STRINGS.subList(0, 10)) {
			if (payload.contains("\uD800")) {
				continue; // a lone surrogate is not text; whether it is kept is the
							// store's business, not ours
			}
			var reply = send("""
					mutation Rename($name: String!, $criterion: String!) {
					  updateTagClass(code: "FZ-C", input: {name: $name, criterion: $criterion}) { name criterion }
					}""",
					Map.of("name", payload.length() > 200 ? payload.substring(0, 200) : payload, "criterion", payload));
			String name = payload.length() > 200 ? payload.substring(0, 200) : payload;
			if (reply.hasErrors()) {
				// only a text the rules refuse (control characters) may be refused,
				// clearly
				assertThat(reply.errorCode()).as(Hostile.label(payload) + " " + reply.body())
					.isEqualTo("INVALID_INPUT");
				continue;
			}
			assertThat(reply.data("updateTagClass.name").asString()).isEqualTo(name);
			assertThat(reply.data("updateTagClass.criterion").asString()).isEqualTo(payload);
			var read = client.query("{ tagClass(code: \"FZ-C\") { name criterion } }");
			assertThat(read.data("tagClass.name").asString()).isEqualTo(name);
			assertThat(read.data("tagClass.criterion").asString()).isEqualTo(payload);
			var bolt = BoltCypher.read(driver, "MATCH (c:TagClass {code: 'FZ-C'}) RETURN c.name AS name").get(0);
			assertThat(bolt.get("name")).isEqualTo(name);
			assertThat(nodes()).isEqualTo(nodes);
		}
	}

	private ApiClient.Reply send(String query, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		return client.post("/graphql", json.writeValueAsBytes(body), "application/json", ApiClient.GRAPHQL_RESPONSE);
	}

	private void collect(String mutation, List<String> path, GraphQLType type, List<Slot> slots, int depth) {
		GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
		if (inner instanceof GraphQLList list) {
			List<String> element = new ArrayList<>(path);
			element.add("[]");
			collect(mutation, element, list.getWrappedType(), slots, depth);
		}
		else if (inner instanceof GraphQLScalarType scalar
				&& (scalar.getName().equals("String") || scalar.getName().equals("ID"))) {
			slots.add(new Slot(mutation, path));
		}
		else if (inner instanceof GraphQLInputObjectType input && depth < 4) {
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				List<String> child = new ArrayList<>(path);
				child.add(field.getName());
				collect(mutation, child, field.getType(), slots, depth + 1);
			}
		}
	}

	/**
	 * The value at {@code path}: the payload on the slot's path, the fixture or a fresh
	 * code elsewhere.
	 */
	private Object value(Slot slot, List<String> path, GraphQLInputType type, String payload) {
		boolean onSlot = slot.path().size() >= path.size() && slot.path().subList(0, path.size()).equals(path);
		GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
		if (inner instanceof GraphQLList list) {
			List<String> element = new ArrayList<>(path);
			element.add("[]");
			return List.of(value(slot, element, (GraphQLInputType) list.getWrappedType(), payload));
		}
		if (inner instanceof GraphQLInputObjectType input) {
			Map<String, Object> object = new LinkedHashMap<>();
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				List<String> child = new ArrayList<>(path);
				child.add(field.getName());
				boolean target = slot.path().size() > path.size()
						&& slot.path().get(path.size()).equals(field.getName());
				if (target || field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue()) {
					object.put(field.getName(), value(slot, child, field.getType(), payload));
				}
			}
			return object;
		}
		if (inner instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		String scalar = ((GraphQLScalarType) inner).getName();
		if (onSlot && path.size() == slot.path().size()) {
			return payload;
		}
		return switch (scalar) {
			case "Int" -> 1;
			case "Float" -> 0.5;
			case "Boolean" -> false;
			case "String" -> "fuzz text";
			default -> {
				String subject = SUBJECTS.get(slot.mutation() + "." + String.join(".", path));
				yield subject != null ? subject : "FZ-" + (++fresh);
			}
		};
	}

	/** {@code { __typename }} for an object, nothing for a scalar. */
	private static String selection(GraphQLType type) {
		return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType
				|| GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLEnumType ? "" : " { __typename }";
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new LinkedHashMap<>(GraphSnapshot.of(driver));
		snapshot.put("catalogue", BoltCypher.read(driver,
				"""
						MATCH (n) WHERE n:Facet OR n:FacetValue OR n:SourceSystem OR n:SourceTable OR n:SourceField OR n:Segment OR n:FreeTag
						WITH n ORDER BY labels(n)[0], n.code, n.name, n.text
						RETURN collect(properties(n)) AS catalogue"""));
		snapshot.put("derivations", BoltCypher.read(driver,
				"MATCH (t:Tag)-[d:DERIVED_FROM]->(f) WITH t, d, f ORDER BY t.code, f.code RETURN collect([t.code, f.code, d.transform]) AS d"));
		return snapshot;
	}

	private long storedVerbatim(String text) {
		Object count = read("""
				CALL () { MATCH (n) WHERE NOT n:Customer AND NOT n:ChangeEvent AND any(k IN keys(n) WHERE n[k] = $text)
				          RETURN count(n) AS nodes }
				CALL () { MATCH (:Tag)-[d:DERIVED_FROM]->() WHERE d.transform = $text RETURN count(d) AS derivations }
				RETURN nodes + derivations AS found""", Map.of("text", text)).get(0).get("found");
		return ((Number) count).longValue();
	}

	private List<Map<String, Object>> read(String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, parameters).list(r -> r.asMap()));
		}
	}

	private long nodes() {
		return ((Number) BoltCypher.read(driver, "MATCH (n) WHERE NOT n:ChangeEvent RETURN count(n) AS n")
			.get(0)
			.get("n")).longValue();
	}

	private static String abbreviate(String text) {
		return text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}

}
