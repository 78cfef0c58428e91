package com.taggraph.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.springframework.stereotype.Component;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.web.RequestUser;

import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;

/**
 * Authorises every GraphQL field by the rule its SDL declares ({@link FieldRules}): a field the user may not use
 * is refused with FORBIDDEN before its resolver runs, so a refused mutation writes nothing; and for users below
 * STEWARD the sensitive tags ({@link SensitiveTags}) are taken out of every list and single value that holds tags.
 */
@Component
class FieldAuthorization implements Instrumentation {

	private final SensitiveTags sensitive;

	private volatile FieldRules rules;

	FieldAuthorization(SensitiveTags sensitive) {
		this.sensitive = sensitive;
	}

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
			Object value = fetcher.get(env);
			return rule.carriesTags() && !roles.contains(Role.STEWARD) ? withoutSensitive(value, env) : value;
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

	private Object withoutSensitive(Object value, DataFetchingEnvironment env) {
		if (value instanceof CompletionStage<?> later) {
			return later.thenApply(done -> withoutSensitive(done, env));
		}
		if (value instanceof DataFetcherResult<?> result) {
			return DataFetcherResult.newResult()
				.data(withoutSensitive(result.getData(), env))
				.errors(result.getErrors())
				.localContext(result.getLocalContext())
				.extensions(result.getExtensions())
				.build();
		}
		Set<String> hidden = sensitive.codes();
		if (value == null || hidden.isEmpty()) {
			return value;
		}
		if (value instanceof Collection<?> list) {
			List<?> kept = list.stream().filter(item -> !hidden.contains(sensitive.tagCodeOf(item))).toList();
			return kept.size() == list.size() ? value : kept;
		}
		String code = sensitive.tagCodeOf(value);
		if (code == null || !hidden.contains(code)) {
			return value;
		}
		if (env.getFieldType() instanceof GraphQLNonNull) {
			throw new DomainException(ErrorCode.FORBIDDEN, "tag " + code + " is restricted to stewards and above",
					java.util.Map.of(DomainException.SUBJECT, List.of(code)));
		}
		return null;
	}

	private static DomainException refused(DataFetchingEnvironment env, String why) {
		String field = env.getParentType() instanceof graphql.schema.GraphQLNamedType type
				? type.getName() + "." + env.getField().getName() : env.getField().getName();
		return new DomainException(ErrorCode.FORBIDDEN, field + " " + why, java.util.Map.of("field", field));
	}

	private static String rolesHeld(Set<?> roles) {
		return roles.isEmpty() ? "; the user holds none" : "; the user holds " + roles.stream().map(String::valueOf).sorted().toList();
	}

	private static String user(DataFetchingEnvironment env) {
		return env.getGraphQlContext().getOrDefault(RequestUser.KEY, RequestUser.ANONYMOUS);
	}
}
