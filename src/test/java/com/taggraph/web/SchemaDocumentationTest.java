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

/** The SDL is the API's documentation: every type, field and input field the app serves has a description. */
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
				object.getFieldDefinitions().stream().filter(f -> blank(f.getDescription()))
					.forEach(f -> undescribed.add(type.getName() + "." + f.getName()));
			}
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions().stream().filter(f -> blank(f.getDescription()))
					.forEach(f -> undescribed.add(type.getName() + "." + f.getName()));
			}
			if (type instanceof GraphQLEnumType enumType) {
				enumType.getValues().stream().filter(v -> blank(v.getDescription()))
					.forEach(v -> undescribed.add(type.getName() + "." + v.getName()));
			}
		}
		assertThat(undescribed).isEmpty();
	}

	private static boolean blank(String description) {
		return description == null || description.isBlank();
	}
}
