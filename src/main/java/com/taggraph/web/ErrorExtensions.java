package com.taggraph.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import com.taggraph.error.DomainException;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

/**
 * Gives every GraphQL error the same {@code extensions}: a {@code code} to switch on and
 * {@code subject}, the codes it is about, always a list. Domain errors carry both
 * already; errors of the engine itself (a document that does not validate, an unexpected
 * failure) get a code from their classification and an empty subject.
 */
@Component
class ErrorExtensions implements WebGraphQlInterceptor {

	/** A document that does not parse or validate against the schema. */
	static final String INVALID_QUERY = "INVALID_QUERY";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			List<GraphQLError> errors = response.getExecutionResult().getErrors();
			if (errors.stream().allMatch(ErrorExtensions::uniform)) {
				return response;
			}
			return response
				.transform(builder -> builder.errors(errors.stream().map(ErrorExtensions::uniformed).toList()));
		});
	}

	private static boolean uniform(GraphQLError error) {
		Map<String, Object> extensions = error.getExtensions();
		return extensions != null && extensions.get("code") instanceof String
				&& extensions.get(DomainException.SUBJECT) instanceof List<?>;
	}

	private static GraphQLError uniformed(GraphQLError error) {
		if (uniform(error)) {
			return error;
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		// code first, as in domain errors
		extensions.put("code", codeOf(error));
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.put("code", codeOf(error));
		extensions.put(DomainException.SUBJECT, DomainException.subjects(extensions.get(DomainException.SUBJECT)));
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(extensions)
			.build();
	}

	private static String codeOf(GraphQLError error) {
		if (error.getExtensions() != null && error.getExtensions().get("code") instanceof String code) {
			return code;
		}
		if (error.getErrorType() instanceof graphql.ErrorType engine) {
			return switch (engine) {
				case InvalidSyntax, ValidationError, OperationNotSupported -> INVALID_QUERY;
				default -> ErrorType.INTERNAL_ERROR.name();
			};
		}
		return error.getErrorType() instanceof ErrorType type ? type.name() : ErrorType.INTERNAL_ERROR.name();
	}

}
