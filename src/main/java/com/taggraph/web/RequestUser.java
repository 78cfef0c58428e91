package com.taggraph.web;

import java.util.Set;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Who sends a GraphQL request, for the resolvers that record it and for the field
 * authorisation: the authenticated user's name, roles and customer-data permission,
 * copied from the request attributes the security filter chain set into the GraphQL
 * context.
 */
@Component
public class RequestUser implements WebGraphQlInterceptor {

	/**
	 * GraphQL context key under which resolvers find the user name, via
	 * {@code @ContextValue}.
	 */
	public static final String KEY = "taggraph.user";

	/** GraphQL context key of the user's {@code Set<Role>}. */
	public static final String ROLES = "taggraph.roles";

	/** GraphQL context key of the user's customer-data permission ({@code Boolean}). */
	public static final String CUSTOMER_DATA = "taggraph.customerData";

	public static final String ANONYMOUS = "anonymous";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Object user = request.getAttributes().get(RequestIdentity.USER);
		Object roles = request.getAttributes().get(RequestIdentity.ROLES);
		Object customerData = request.getAttributes().get(RequestIdentity.CUSTOMER_DATA);
		request
			.configureExecutionInput((input,
					builder) -> builder.graphQLContext(c -> c.put(KEY, user instanceof String name ? name : ANONYMOUS)
						.put(ROLES, roles instanceof Set<?> held ? held : Set.of())
						.put(CUSTOMER_DATA, Boolean.TRUE.equals(customerData))).build());
		return chain.next(request);
	}

}
