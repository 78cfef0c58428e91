package com.taggraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.TagGraphTest;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The access policy holds on every read (issue 15 §5): every Query field of the served
 * schema and every REST GET endpoint of the app (both read at run time, so a new field or
 * endpoint is covered without editing this test), called by viewers over the demo data
 * with a selection reaching every tag code, name and count, answers without a sensitive
 * tag's code or name anywhere in its bytes, errors included; and without customer ids for
 * a viewer who may not see customer data.
 * <p>
 * Required ID and String arguments get every value that could reach a sensitive tag: the
 * sensitive codes and names, and their neighbours in the graph (classes, facet values,
 * the tags and source fields they derive from, the tags derived from them, a customer
 * carrying them).
 */
@TagGraphTest
class VisibilityTest extends ApiTest {

	private static final String VIEWER = "viewer.sun";

	/** a VIEWER allowed customer data: sees everything a viewer may */
	private static final String ANALYST = "analyst.ma";

	private static final int MAX_FIELDS = 450;

	private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/csv", "text/turtle",
			"application/rdf+xml", "application/ld+json", "application/n-triples");

	private static final Pattern CUSTOMER_ID = Pattern.compile("(?<![0-9])33[0-9]{8}(?![0-9])");

	@Autowired
	GraphQlSource graphQl;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping endpoints;

	Set<String> codes;

	Set<String> names;

	Pattern leak;

	@BeforeEach
	void sensitive() {
		codes = new TreeSet<>();
		names = new TreeSet<>();
		for (var row : BoltCypher.read(driver, """
				MATCH (t:Tag)-[:HAS_FACET_VALUE]->(v:FacetValue) WHERE v.code IN ['F8.L3', 'F8.L4']
				RETURN DISTINCT t.code AS code, t.name AS name""")) {
			codes.add((String) row.get("code"));
			names.add((String) row.get("name"));
		}
		// a name that is also part of a visible name (信用A级 in 信用A级以上) is no evidence of a
		// leak
		var visibleNames = BoltCypher
			.read(driver,
					"""
							MATCH (n) WHERE (n:Tag OR n:TagClass OR n:Facet OR n:FacetValue)
							  AND NOT (n:Tag AND EXISTS { (n)-[:HAS_FACET_VALUE]->(v:FacetValue) WHERE v.code IN ['F8.L3', 'F8.L4'] })
							RETURN n.name AS name""")
			.stream()
			.map(r -> (String) r.get("name"))
			.toList();
		names.removeIf(name -> visibleNames.stream().anyMatch(visible -> visible != null && visible.contains(name)));
		assertThat(codes).as("the demo has sensitive tags").hasSizeGreaterThan(5);
		assertThat(names).as("with names of their own").hasSizeGreaterThan(3);
		List<String> alternatives = new ArrayList<>();
		codes.forEach(code -> alternatives.add("(?<![A-Za-z0-9._-])" + Pattern.quote(code) + "(?![A-Za-z0-9_-])"));
		names.forEach(name -> alternatives.add(Pattern.quote(name)));
		leak = Pattern.compile(String.join("|", alternatives));
	}

	@Test
	void noQueryFieldShowsAViewerASensitiveTag() {
		List<String> problems = new ArrayList<>();
		List<String> codeValues = argumentValues();
		List<String> textValues = new ArrayList<>(codeValues);
		textValues.addAll(names);
		// a prefix of their codes: searches by text
		codes.forEach(code -> textValues.add(code.substring(0, Math.min(3, code.length()))));
		int calls = 0;
		GraphQLObjectType query = graphQl.schema().getQueryType();
		for (String user : List.of(ANALYST, VIEWER)) {
			boolean customerData = user.equals(ANALYST);
			for (GraphQLFieldDefinition field : query.getFieldDefinitions()) {
				if (field.getName().startsWith("__") || !forViewers(field, customerData)) {
					continue;
				}
				String selection = selection(field.getType(), customerData);
				boolean needsValue = field.getArguments().stream().anyMatch(VisibilityTest::required);
				// what a viewer without customer data sees is a part of what the analyst
				// sees: one call shows the refusals
				boolean takesText = field.getArguments()
					.stream()
					.filter(VisibilityTest::required)
					.anyMatch(a -> GraphQLTypeUtil.unwrapAll(a.getType()) instanceof GraphQLScalarType scalar
							&& scalar.getName().equals("String"));
				List<String> values = !needsValue ? List.of("")
						: !customerData ? codeValues.subList(0, 1) : takesText ? textValues : codeValues;
				for (String value : values) {
					calls++;
					String call = "{ " + field.getName() + arguments(field.getArguments(), value) + selection + " }";
					ApiClient.Reply reply = client.query(call, Map.of(), user);
					// the code the caller typed comes back in a NOT_FOUND's subject,
					// exactly as for an
					// unknown code: that says nothing; its name or any other code would
					String body = value.isEmpty() ? reply.body().toString()
							: reply.body().toString().replace(value, "");
					check(user + " " + abbreviate(call), body, customerData, problems);
					if (!needsValue && (reply.status() != 200 || reply.hasErrors())) {
						problems
							.add(user + " " + abbreviate(call) + ": not answered, so not checked: " + abbreviate(body));
					}
				}
			}
		}
		System.out.printf("VisibilityTest: %d GraphQL calls over %d Query fields, %d code and %d text values%n", calls,
				query.getFieldDefinitions().size(), codeValues.size(), textValues.size());
		assertThat(problems).isEmpty();
	}

	@Test
	void noRestEndpointShowsAViewerASensitiveTag() {
		List<String> problems = new ArrayList<>();
		Set<String> paths = new LinkedHashSet<>();
		endpoints.getHandlerMethods().forEach((mapping, method) -> {
			Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				// a path variable gets a value that names nothing
				mapping.getPatternValues().forEach(pattern -> paths.add(pattern.replaceAll("\\{[^}]*}", "x")));
				// GraphiQL's example operations are the team's documentation, not library
				// data
				paths.remove("/graphiql/examples");
			}
		});
		assertThat(paths).as("the REST GET endpoints").contains("/api/reports/rules", "/api/export/skos");
		int calls = 0;
		for (String user : List.of(ANALYST, VIEWER)) {
			for (String path : paths) {
				for (String accept : ACCEPTS) {
					calls++;
					HttpResponse<String> response = client.as(user)
						.raw(HttpRequest.newBuilder().GET().header("Accept", accept), path);
					check(user + " GET " + path + " (" + accept + ") " + response.statusCode(), response.body(),
							user.equals(ANALYST), problems);
				}
			}
		}
		System.out.printf("VisibilityTest: %d REST calls over %s%n", calls, paths);
		assertThat(problems).isEmpty();
	}

	private void check(String what, String body, boolean customerData, List<String> problems) {
		String text = unescaped(body);
		Matcher found = leak.matcher(text);
		if (found.find()) {
			int from = Math.max(0, found.start() - 120);
			problems.add(what + ": shows " + found.group() + " in …"
					+ text.substring(from, Math.min(text.length(), found.end() + 60)));
		}
		Matcher id = CUSTOMER_ID.matcher(text);
		if (!customerData && id.find()) {
			problems.add(what + ": shows customer " + id.group() + " to a user without customer data");
		}
	}

	/** JSON may escape non-ASCII as backslash-u; names are compared as text. */
	private static String unescaped(String body) {
		Matcher escape = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(body);
		StringBuilder text = new StringBuilder();
		while (escape.find()) {
			escape.appendReplacement(text,
					Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
		}
		return escape.appendTail(text).toString();
	}

	/**
	 * Every code that could lead to a sensitive tag, and the sensitive codes themselves.
	 */
	private List<String> argumentValues() {
		Set<String> values = new LinkedHashSet<>(codes);
		for (var row : BoltCypher.read(driver,
				"""
						MATCH (t:Tag)-[:HAS_FACET_VALUE]->(v:FacetValue) WHERE v.code IN ['F8.L3', 'F8.L4']
						OPTIONAL MATCH (t)-[:IN_CLASS]->(c:TagClass)
						OPTIONAL MATCH (t)-[:DERIVED_FROM]->(from)
						OPTIONAL MATCH (to:Tag)-[:DERIVED_FROM]->(t)
						OPTIONAL MATCH (from)-[:IN_TABLE|IN_SYSTEM*0..2]->(source) WHERE source:SourceTable OR source:SourceSystem
						WITH v, c, collect(DISTINCT from.code) + collect(DISTINCT to.code) + collect(DISTINCT source.code) AS near,
						  head(COLLECT { MATCH (customer:Customer)-[:HAS_TAG]->(t) RETURN customer.id LIMIT 1 }) AS carrier
						RETURN v.code AS value, c.code AS class, near, carrier""")) {
			values.add((String) row.get("value"));
			values.add((String) row.get("class"));
			((List<?>) row.get("near")).forEach(code -> values.add((String) code));
			values.add((String) row.get("carrier"));
		}
		values.remove(null);
		return List.copyOf(values);
	}

	// ---- calls made up from the schema ----

	private static boolean forViewers(GraphQLFieldDefinition field, boolean customerData) {
		GraphQLAppliedDirective requires = field.getAppliedDirective("requires");
		if (requires != null && !Role.VIEWER
			.includes(Role.valueOf(String.valueOf((Object) requires.getArgument("role").getValue())))) {
			return false;
		}
		return customerData || field.getAppliedDirective("customerData") == null;
	}

	private static boolean required(GraphQLArgument argument) {
		return argument.getType() instanceof GraphQLNonNull && !argument.hasSetDefaultValue();
	}

	/**
	 * Required arguments get {@code value}; {@code first} asks for 200 and Booleans for
	 * more (true).
	 */
	private static String arguments(List<GraphQLArgument> arguments, String value) {
		List<String> given = new ArrayList<>();
		for (GraphQLArgument argument : arguments) {
			GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(argument.getType());
			if (required(argument)) {
				given.add(argument.getName() + ": " + literal(argument.getType(), value));
			}
			else if (argument.getName().equals("first") && bare instanceof GraphQLScalarType) {
				given.add("first: 200");
			}
			else if (bare instanceof GraphQLScalarType scalar && scalar.getName().equals("Boolean")) {
				given.add(argument.getName() + ": true");
			}
		}
		return given.isEmpty() ? "" : "(" + String.join(", ", given) + ")";
	}

	private static String literal(GraphQLInputType type, String value) {
		GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
		if (bare instanceof GraphQLList list) {
			return "[" + literal((GraphQLInputType) list.getWrappedType(), value) + "]";
		}
		if (bare instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		if (bare instanceof GraphQLInputObjectType input) {
			List<String> fields = new ArrayList<>();
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				if (field.getType() instanceof GraphQLNonNull
						|| GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLInputObjectType
						|| GraphQLTypeUtil.isList(field.getType())) {
					fields.add(field.getName() + ": " + literal(field.getType(), value));
				}
			}
			return "{" + String.join(", ", fields) + "}";
		}
		return switch (((GraphQLScalarType) bare).getName()) {
			case "Int" -> "1";
			case "Float" -> "1.0";
			case "Boolean" -> "true";
			default -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		};
	}

	/**
	 * The deepest selection of every field a viewer may use that stays within the query
	 * limits.
	 */
	private static String selection(GraphQLOutputType type, boolean customerData) {
		if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType)) {
			return "";
		}
		for (int depth = 5; depth > 0; depth--) {
			int[] fields = { 0 };
			String selection = selection(type, depth, customerData, fields);
			if (fields[0] <= MAX_FIELDS) {
				return " " + selection;
			}
		}
		return " { __typename }";
	}

	private static String selection(GraphQLOutputType type, int depth, boolean customerData, int[] fields) {
		GraphQLObjectType object = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(type);
		List<String> selected = new ArrayList<>();
		for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
			if (!forViewers(field, customerData) || field.getArguments().stream().anyMatch(VisibilityTest::required)) {
				continue;
			}
			String arguments = arguments(field.getArguments(), "");
			if (!(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType)) {
				selected.add(field.getName() + arguments);
				fields[0]++;
			}
			else if (depth > 1) {
				selected.add(field.getName() + arguments + " "
						+ selection(field.getType(), depth - 1, customerData, fields));
				fields[0]++;
			}
		}
		if (selected.isEmpty()) {
			selected.add("__typename");
		}
		return "{ " + String.join(" ", selected) + " }";
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "…";
	}

}
