package com.taggraph.web;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Who sends a GraphQL request, for the writes that record it (free tags, promotions). Until
 * authentication exists the client names itself in the {@code X-User} header; without one the
 * writes are recorded as {@value #ANONYMOUS}.
 */
@Component
public class RequestUser implements WebGraphQlInterceptor {

	/** GraphQL context key under which resolvers find the user, via {@code @ContextValue}. */
	public static final String KEY = "taggraph.user";

	public static final String HEADER = "X-User";

	public static final String ANONYMOUS = "anonymous";

	static final int MAX_LENGTH = 64;

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String name = cleanHeader(request.getHeaders().getFirst(HEADER));
		String who = name == null ? ANONYMOUS : name;
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(c -> c.put(KEY, who)).build());
		return chain.next(request);
	}

	/** A header is free text from the client: kept only as a short single line, else null. */
	static String cleanHeader(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		return text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl) ? null : text;
	}
}
