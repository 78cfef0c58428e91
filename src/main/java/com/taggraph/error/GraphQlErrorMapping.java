package com.taggraph.error;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/**
 * Turns domain errors into GraphQL errors whose {@code extensions.code} a client can
 * switch on.
 */
@Component
class GraphQlErrorMapping extends DataFetcherExceptionResolverAdapter {

	private static final Log log = LogFactory.getLog(GraphQlErrorMapping.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof DomainException domain) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(domain.code().type())
				.message(domain.getMessage())
				.extensions(domain.extensions())
				.build();
		}
		if (ex instanceof DataIntegrityViolationException integrity) {
			// a uniqueness constraint caught a concurrent write that the service's own
			// check could not see
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message("Duplicate code: " + integrity.getMostSpecificCause().getMessage())
				.extensions(Map.of("code", ErrorCode.DUPLICATE_CODE.name()))
				.build();
		}
		log.error("Unexpected error in " + env.getExecutionStepInfo().getPath(), ex);
		return null;
	}

}
