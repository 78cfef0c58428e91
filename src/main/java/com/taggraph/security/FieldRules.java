package com.taggraph.security;

import java.util.IdentityHashMap;
import java.util.Map;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

/**
 * The {@link FieldRule} of every field of a schema, keyed by the field definition itself.
 */
final class FieldRules {

	private final GraphQLSchema schema;

	private final Map<GraphQLFieldDefinition, FieldRule> rules = new IdentityHashMap<>();

	FieldRules(GraphQLSchema schema) {
		this.schema = schema;
		for (GraphQLType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
				Role byDefault = object == schema.getQueryType() ? Role.VIEWER
						: object == schema.getMutationType() ? Role.STEWARD : null;
				for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
					rules.put(field, rule(field, byDefault));
				}
			}
		}
	}

	GraphQLSchema schema() {
		return schema;
	}

	/**
	 * The rule of a field; introspection's own fields ({@code __schema}, {@code __type})
	 * need a VIEWER.
	 */
	FieldRule of(GraphQLFieldDefinition field) {
		FieldRule rule = rules.get(field);
		if (rule != null) {
			return rule;
		}
		return field.getName().startsWith("__") && !field.getName().equals("__typename")
				? new FieldRule(Role.VIEWER, false) : FieldRule.OPEN;
	}

	private static FieldRule rule(GraphQLFieldDefinition field, Role byDefault) {
		Role role = byDefault;
		GraphQLAppliedDirective requires = field.getAppliedDirective("requires");
		if (requires != null) {
			role = Role.valueOf(String.valueOf((Object) requires.getArgument("role").getValue()));
		}
		boolean customerData = field.getAppliedDirective("customerData") != null;
		return new FieldRule(role, customerData);
	}

}
