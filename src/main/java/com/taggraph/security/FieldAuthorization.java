package com.taggraph.security;

import java.util.Set;

import org.springframework.stereotype.Component;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.web.RequestUser;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;

/**
 * Authorises every GraphQL field by the rule its SDL declares ({@link FieldRules}): a
 * field the user may not use is refused with FORBIDDEN before its resolver runs, so a
 * refused mutation writes nothing. Which tags a user sees is not decided here but where
 * the data is read, by the {@link Visibility} the services take.
 */
@Component
class FieldAuthorization implements Instrumentation {

	private volatile FieldRules rules;

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		FieldRule rule = rules(parameters.getExecutionContext().getGraphQLSchema()).of(parameters.getField());
		if (rule.isOpen()) {
			return fetcher;
		}
		return env -> {
			Set<?> roles = env.getGraphQlContext().getOrDefault(RequestUser.ROLES, Set.of());
			if (rule.role() != null && !roles.contains(rule.role())) {
				throw refused(env, "needs role " + rule.role() + rolesHeld(roles));
			}
			if (rule.customerData() && !Boolean.TRUE.equals(env.getGraphQlContext().get(RequestUser.CUSTOMER_DATA))) {
				throw refused(env, "shows customer data, which " + user(env) + " may not see");
			}
			return fetcher.get(env);
		};
	}

	private FieldRules rules(GraphQLSchema schema) {
		FieldRules known = rules;
		if (known == null || known.schema() != schema) {
			known = new FieldRules(schema);
			rules = known;
		}
		return known;
	}

	private static DomainException refused(DataFetchingEnvironment env, String why) {
		String field = env.getParentType() instanceof graphql.schema.GraphQLNamedType type
				? type.getName() + "." + env.getField().getName() : env.getField().getName();
		return new DomainException(ErrorCode.FORBIDDEN, field + " " + why, java.util.Map.of("field", field));
	}

	private static String rolesHeld(Set<?> roles) {
		return roles.isEmpty() ? "; the user holds none"
				: "; the user holds " + roles.stream().map(String::valueOf).sorted().toList();
	}

	private static String user(DataFetchingEnvironment env) {
		return env.getGraphQlContext().getOrDefault(RequestUser.KEY, RequestUser.ANONYMOUS);
	}

}
