package com.taggraph.security;

import java.util.IdentityHashMap;
import java.util.Map;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/** The {@link FieldRule} of every field of a schema, keyed by the field definition itself. */
final class FieldRules {

	/** object types whose values are tags, or hold one tag in a field named {@code tag} or {@code node} */
	private static boolean holdsTag(GraphQLType type) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		if (!(named instanceof GraphQLObjectType object)) {
			return false;
		}
		if (object.getName().equals("Tag")) {
			return true;
		}
		for (String name : new String[] { "tag", "node" }) {
			GraphQLFieldDefinition field = object.getFieldDefinition(name);
			if (field != null && !GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))
					&& GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType held
					&& held.getName().equals("Tag")) {
				return true;
			}
		}
		return false;
	}

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

	/** The rule of a field; introspection's own fields ({@code __schema}, {@code __type}) need a VIEWER. */
	FieldRule of(GraphQLFieldDefinition field) {
		FieldRule rule = rules.get(field);
		if (rule != null) {
			return rule;
		}
		return field.getName().startsWith("__") && !field.getName().equals("__typename")
				? new FieldRule(Role.VIEWER, false, false) : FieldRule.OPEN;
	}

	private static FieldRule rule(GraphQLFieldDefinition field, Role byDefault) {
		Role role = byDefault;
		GraphQLAppliedDirective requires = field.getAppliedDirective("requires");
		if (requires != null) {
			role = Role.valueOf(String.valueOf((Object) requires.getArgument("role").getValue()));
		}
		boolean customerData = field.getAppliedDirective("customerData") != null;
		return new FieldRule(role, customerData, holdsTag(field.getType()));
	}
}
