package com.taggraph.web;

import java.io.IOException;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Names every HTTP request for the audit trail: a request id ({@code X-Request-Id} if the
 * client sent a usable one, else a new UUID, returned in the response header either way).
 * The user is the authenticated principal, set later by the security filter chain
 * ({@code security/AuthenticatedActor}); a client cannot name itself. Both are request
 * attributes, which context propagation carries into GraphQL data fetchers even when they
 * run on another thread:
 * {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor} registers Spring's
 * {@code RequestAttributesThreadLocalAccessor}, which Spring for GraphQL then restores
 * around every data fetcher.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdentity extends OncePerRequestFilter {

	public static final String USER = "taggraph.user";

	public static final String REQUEST_ID = "taggraph.requestId";

	/**
	 * The {@code Set<Role>} of the authenticated user (set once authentication has run).
	 */
	public static final String ROLES = "taggraph.roles";

	/** {@code Boolean}: whether the authenticated user may see customer data */
	public static final String CUSTOMER_DATA = "taggraph.customerData";

	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	public static final String ANONYMOUS = RequestUser.ANONYMOUS;

	static final int MAX_HEADER_LENGTH = 64;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = cleanHeader(request.getHeader(REQUEST_ID_HEADER));
		if (requestId == null) {
			requestId = UUID.randomUUID().toString();
		}
		request.setAttribute(USER, ANONYMOUS);
		request.setAttribute(REQUEST_ID, requestId);
		response.setHeader(REQUEST_ID_HEADER, requestId);
		chain.doFilter(request, response);
	}

	/**
	 * A header is free text from the client: kept only as a short single line, else null.
	 */
	static String cleanHeader(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		return text.length() > MAX_HEADER_LENGTH || text.chars().anyMatch(Character::isISOControl) ? null : text;
	}

}
