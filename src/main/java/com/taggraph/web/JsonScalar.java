package com.taggraph.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;

/**
 * The {@code JSON} scalar: any JSON value (object, list, text, number, boolean), sent as
 * JSON itself rather than as text a client parses again. graphql-java's extended scalars
 * are not on the classpath; this small coercing is all the app needs.
 */
@Component
class JsonScalar implements RuntimeWiringConfigurer {

	static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
		.name("JSON")
		.description("Any JSON value")
		.coercing(new JsonCoercing())
		.build();

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.scalar(JSON);
	}

	private static final class JsonCoercing implements Coercing<Object, Object> {

		@Override
		public Object serialize(Object value, GraphQLContext context, Locale locale) {
			return json(value);
		}

		@Override
		public Object parseValue(Object input, GraphQLContext context, Locale locale) {
			return json(input);
		}

		@Override
		public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof ObjectValue object) {
				Map<String, Object> map = new LinkedHashMap<>();
				object.getObjectFields()
					.forEach(f -> map.put(f.getName(), parseLiteral(f.getValue(), variables, context, locale)));
				return map;
			}
			if (input instanceof ArrayValue array) {
				List<Object> list = new ArrayList<>();
				array.getValues().forEach(v -> list.add(parseLiteral(v, variables, context, locale)));
				return list;
			}
			if (input instanceof VariableReference ref) {
				return variables.get(ref.getName());
			}
			if (input instanceof StringValue text) {
				return text.getValue();
			}
			if (input instanceof IntValue number) {
				return number.getValue();
			}
			if (input instanceof FloatValue number) {
				return number.getValue();
			}
			if (input instanceof BooleanValue bool) {
				return bool.isValue();
			}
			if (input instanceof NullValue) {
				return null;
			}
			throw new CoercingParseLiteralException("not a JSON value: " + input);
		}

		/**
		 * Maps, lists, text, numbers and booleans are JSON as they are; anything else is
		 * not.
		 */
		private static Object json(Object value) {
			if (value == null || value instanceof Map<?, ?> || value instanceof List<?> || value instanceof String
					|| value instanceof Number || value instanceof Boolean) {
				return value;
			}
			throw new CoercingSerializeException("not a JSON value: " + value.getClass().getName());
		}

	}

}
