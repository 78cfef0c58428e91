package com.taggraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import com.taggraph.ApiTest;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedOperationFactory;

/**
 * The GraphQL limits (issue 6 §4): depth and field count refused before anything runs,
 * the body size refused before it is parsed, and every paged argument capped with
 * INVALID_INPUT naming it; the defaults leave room for every example operation, every
 * query the tests send and GraphiQL's introspection.
 */
@TagGraphTest
class QueryLimitsTest extends ApiTest {

	@Autowired
	GraphQlSource graphQl;

	@Autowired
	QueryLimits limits;

	@Test
	void everyExampleAndTestQueryAndIntrospectionIsWithinTheDefaultLimits() throws IOException {
		List<String> measured = new ArrayList<>();
		List<String> over = new ArrayList<>();
		int deepest = 0;
		int widest = 0;
		List<Document> documents = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("graphql/examples"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".graphql")).sorted().toList()) {
				documents.add(graphql.parser.Parser.parse(Files.readString(file)));
				names.add(file.getFileName().toString());
			}
		}
		int examples = documents.size();
		// every text block in the tests that is a valid operation against the schema as
		// it stands
		Pattern block = Pattern.compile("\"\"\"\\s*\\n(.*?)\"\"\"", Pattern.DOTALL);
		try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
				Matcher m = block.matcher(Files.readString(file));
				while (m.find()) {
					String text = m.group(1);
					var parsed = ParseAndValidate.parseAndValidate(graphQl.schema(),
							ExecutionInput.newExecutionInput(text).build());
					if (!text.contains("%") && parsed.getErrors().isEmpty()) {
						documents.add(parsed.getDocument());
						names.add(file.getFileName().toString());
					}
				}
			}
		}
		documents.add(graphql.parser.Parser.parse(IntrospectionQuery.INTROSPECTION_QUERY));
		names.add("GraphiQL's introspection query");
		for (int i = 0; i < documents.size(); i++) {
			for (OperationDefinition op : documents.get(i).getDefinitionsOfType(OperationDefinition.class)) {
				Map<String, Object> variables = new java.util.HashMap<>();
				op.getVariableDefinitions().forEach(v -> variables.put(v.getName(), placeholder(v.getType())));
				var operation = ExecutableNormalizedOperationFactory
					.createExecutableNormalizedOperationWithRawVariables(graphQl.schema(), documents.get(i),
							op.getName(), graphql.execution.RawVariables.of(variables));
				int depth = operation.getOperationDepth();
				int fields = operation.getOperationFieldCount();
				deepest = Math.max(deepest, depth);
				widest = Math.max(widest, fields);
				measured.add("%s %s: depth %d, %d fields".formatted(names.get(i), op.getName(), depth, fields));
				if (depth > limits.maxDepth() || fields > limits.maxComplexity()) {
					over.add(measured.get(measured.size() - 1));
				}
			}
		}
		System.out.printf(
				"QueryLimitsTest: %d operations (%d example files), deepest %d (max %d), most fields %d (max %d)%n",
				measured.size(), examples, deepest, limits.maxDepth(), widest, limits.maxComplexity());
		assertThat(examples).isGreaterThanOrEqualTo(10);
		assertThat(measured.size()).isGreaterThan(100);
		assertThat(over).isEmpty();
	}

	/**
	 * Some value of the variable's type, so the operation can be normalised without real
	 * input.
	 */
	private Object placeholder(graphql.language.Type<?> type) {
		if (type instanceof graphql.language.NonNullType nonNull) {
			return placeholder(nonNull.getType());
		}
		if (type instanceof graphql.language.ListType) {
			return List.of();
		}
		return placeholder((graphql.schema.GraphQLInputType) graphQl.schema()
			.getType(((graphql.language.TypeName) type).getName()));
	}

	private Object placeholder(graphql.schema.GraphQLInputType type) {
		if (type instanceof graphql.schema.GraphQLNonNull nonNull) {
			return placeholder((graphql.schema.GraphQLInputType) nonNull.getWrappedType());
		}
		if (type instanceof graphql.schema.GraphQLList) {
			return List.of();
		}
		if (type instanceof graphql.schema.GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		if (type instanceof graphql.schema.GraphQLInputObjectType input) {
			Map<String, Object> value = new java.util.HashMap<>();
			input.getFieldDefinitions()
				.stream()
				.filter(f -> f.getType() instanceof graphql.schema.GraphQLNonNull && !f.hasSetDefaultValue())
				.forEach(f -> value.put(f.getName(), placeholder(f.getType())));
			return value;
		}
		return switch (((graphql.schema.GraphQLScalarType) type).getName()) {
			case "Int" -> 1;
			case "Float" -> 1.0;
			case "Boolean" -> true;
			default -> "x";
		};
	}

	@Test
	void aQueryDeeperThanTheMaximumIsRefusedBeforeAnythingRuns() {
		// narrower nested 20 times: 21 levels with code at the bottom
		String query = "{ tagClass(code: \"C01\") { " + "narrower { ".repeat(20) + "code" + " }".repeat(20) + " } }";
		StatementCounter.reset();
		var reply = client.exchange(query);
		assertThat(StatementCounter.count()).isZero();
		assertThat(reply.errorCode()).isEqualTo("QUERY_TOO_DEEP");
		assertThat(reply.errorMessage()).contains("22 levels deep")
			.contains("at most " + limits.maxDepth())
			.contains("taggraph.graphql.max-depth");
		var extensions = reply.body().path("errors").path(0).path("extensions");
		assertThat(extensions.path("value").asInt()).isEqualTo(22);
		assertThat(extensions.path("max").asInt()).isEqualTo(limits.maxDepth());
		assertThat(reply.body().path("data").isMissingNode() || reply.body().path("data").isNull()).isTrue();
		assertThat(client.query("{ tagClass(code: \"C01\") { code } }").data("tagClass.code").asString())
			.isEqualTo("C01");
	}

	@Test
	void aQuerySelectingTooManyFieldsIsRefusedWithTheCountAndTheMaximum() {
		StringBuilder query = new StringBuilder("{ ");
		for (int i = 0; i < limits.maxComplexity(); i++) {
			query.append("a").append(i).append(": rootClasses { code } ");
		}
		query.append("}");
		StatementCounter.reset();
		var reply = client.exchange(query.toString());
		assertThat(StatementCounter.count()).isZero();
		assertThat(reply.errorCode()).isEqualTo("QUERY_TOO_COMPLEX");
		int fields = 2 * limits.maxComplexity();
		assertThat(reply.errorMessage()).contains("selects " + fields + " fields")
			.contains("at most " + limits.maxComplexity());
		assertThat(reply.body().path("errors").path(0).path("extensions").path("value").asInt()).isEqualTo(fields);
	}

	@Test
	void aFragmentBombIsRefusedQuicklyWithoutBeingExpanded() {
		// ten aliases on each of nine levels, through fragments: 10^9 fields once
		// expanded, 200 tokens written
		StringBuilder query = new StringBuilder("{ tagClass(code: \"C01\") { ...F0 } }\n");
		for (int level = 0; level < 9; level++) {
			query.append("fragment F").append(level).append(" on TagClass { ");
			for (int alias = 0; alias < 10; alias++) {
				query.append(level == 8 ? "c%d: code ".formatted(alias)
						: "n%d: narrower { ...F%d } ".formatted(alias, level + 1));
			}
			query.append("}\n");
		}
		long start = System.nanoTime();
		StatementCounter.reset();
		var reply = client.exchange(query.toString());
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(StatementCounter.count()).isZero();
		assertThat(reply.errorCode()).isEqualTo("QUERY_TOO_COMPLEX");
		assertThat(reply.errorMessage()).contains("more than");
		System.out.printf("QueryLimitsTest: a fragment bomb of 10^9 fields refused in %d ms%n", millis);
		assertThat(millis).as("refusal time in ms").isLessThan(3_000);
	}

	@Test
	void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() {
		// a query string of 3 MB, past the 2 MB default
		String query = "{ rootClasses { code } }" + " ".repeat(3 << 20);
		var reply = client.exchange(query);
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.errorCode()).isEqualTo("REQUEST_TOO_LARGE");
		assertThat(reply.errorMessage()).contains("taggraph.graphql.max-request-bytes");
		// sent chunked, without a length to check first
		byte[] body = ("{\"query\":\"{ rootClasses { code } }" + " ".repeat(3 << 20) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> chunked = client.raw(HttpRequest.newBuilder()
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
			.header("Content-Type", "application/json"), "/graphql");
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(chunked.body()).contains("REQUEST_TOO_LARGE").contains("more than");
		// a chunked body within the limit still works
		byte[] small = "{\"query\":\"{ tagClass(code: \\\"C01\\\") { code } }\"}".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> ok = client.raw(HttpRequest.newBuilder()
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(small)))
			.header("Content-Type", "application/json"), "/graphql");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("\"C01\"");
	}

	@Test
	void everyPagedArgumentHasAMaximumNamedInItsError() {
		// every paged or depth argument in graphql/*.graphqls with a value past its
		// maximum
		Map<String, String> pastTheMaximum = Map.of("{ searchTags(text: \"a\", first: 201) { code } }",
				"first: must be between 1 and 200", "{ tags(first: 201) { totalCount } }",
				"first: must be between 1 and 200", "{ freeTags(first: 1001) { text } }",
				"first: must be between 1 and 1000", "{ changes(first: 501) { pageInfo { hasNextPage } } }",
				"first: must be between 1 and 500", "{ segment(where: {}) { customers(first: 1001) { totalCount } } }",
				"first: must be between 1 and 1000", "{ lineage(tagCode: \"T0101\", maxDepth: 21) { isPartial } }",
				"maxDepth: must be between 0 and 20", "{ impact(sourceCode: \"X\", maxDepth: 21) { isPartial } }",
				"maxDepth: must be between 1 and 20", "{ impactCounts(sourceCode: \"X\", maxDepth: 21) { tagCount } }",
				"maxDepth: must be between 1 and 20");
		List<String> wrong = new ArrayList<>();
		pastTheMaximum.forEach((query, message) -> {
			var reply = client.exchange(query);
			if (!"INVALID_INPUT".equals(reply.errorCode()) || reply.errorMessage() == null
					|| !reply.errorMessage().startsWith(message)) {
				wrong.add(query + " -> " + reply.body());
			}
		});
		assertThat(wrong).isEmpty();
	}

}
