package com.taggraph.security;

import java.io.IOException;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.taggraph.web.RequestIdentity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * After authentication, names the request's user, roles and customer-data permission as
 * request attributes, where the audit trail and the GraphQL authorisation read them
 * (context propagation carries request attributes into data fetchers on other threads).
 */
final class AuthenticatedActor extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			request.setAttribute(RequestIdentity.USER, authentication.getName());
			request.setAttribute(RequestIdentity.ROLES, Authorities.roles(authentication.getAuthorities()));
			request.setAttribute(RequestIdentity.CUSTOMER_DATA,
					Authorities.customerData(authentication.getAuthorities()));
		}
		chain.doFilter(request, response);
	}

}
