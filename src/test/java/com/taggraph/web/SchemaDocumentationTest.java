package com.taggraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;

/**
 * The SDL is the API's documentation: every type, field and input field the app serves
 * has a description.
 */
@TagGraphTest
class SchemaDocumentationTest extends ApiTest {

	@Autowired
	GraphQlSource graphQl;

	@Test
	void everyTypeAndFieldIsDescribed() {
		List<String> undescribed = new ArrayList<>();
		for (GraphQLNamedType type : graphQl.schema().getAllTypesAsList()) {
			if (type.getName().startsWith("__") || type instanceof GraphQLScalarType) {
				continue;
			}
			if (blank(type.getDescription())) {
				undescribed.add(type.getName());
			}
			if (type instanceof GraphQLObjectType object) {
				object.getFieldDefinitions()
					.stream()
					.filter(f -> blank(f.getDescription()))
					.forEach(f -> undescribed.add(type.getName() + "." + f.getName()));
			}
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions()
					.stream()
					.filter(f -> blank(f.getDescription()))
					.forEach(f -> undescribed.add(type.getName() + "." + f.getName()));
			}
			if (type instanceof GraphQLEnumType enumType) {
				enumType.getValues()
					.stream()
					.filter(v -> blank(v.getDescription()))
					.forEach(v -> undescribed.add(type.getName() + "." + v.getName()));
			}
		}
		assertThat(undescribed).isEmpty();
	}

	@Test
	void everyDeprecatedFieldNamesItsReplacementOnTheSameType() {
		List<String> problems = new ArrayList<>();
		int deprecated = 0;
		for (GraphQLNamedType type : graphQl.schema().getAllTypesAsList()) {
			if (!(type instanceof GraphQLObjectType object) || type.getName().startsWith("__")) {
				continue;
			}
			for (var field : object.getFieldDefinitions()) {
				if (!field.isDeprecated()) {
					continue;
				}
				deprecated++;
				var named = java.util.regex.Pattern.compile("`(\\w+)")
					.matcher(String.valueOf(field.getDeprecationReason()));
				if (!named.find() || object.getFieldDefinition(named.group(1)) == null
						|| object.getFieldDefinition(named.group(1)).isDeprecated()) {
					problems.add(type.getName() + "." + field.getName() + ": " + field.getDeprecationReason());
				}
			}
		}
		assertThat(problems).isEmpty();
		// searchTags, freeTags, Query.history and history on the eight node types
		assertThat(deprecated).isGreaterThanOrEqualTo(11);
	}

	private static boolean blank(String description) {
		return description == null || description.isBlank();
	}

}
