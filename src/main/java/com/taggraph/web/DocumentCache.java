package com.taggraph.web;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Caches parsed and validated GraphQL documents by their text. Applications send the same
 * few operations with different variables, so parsing and validating each time is wasted
 * work.
 */
@Component
class DocumentCache implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

	private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(1_000).build();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture
			.completedFuture(documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
	}

	@Override
	public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
		builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

}
