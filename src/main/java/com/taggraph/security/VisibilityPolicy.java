package com.taggraph.security;

import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import com.taggraph.web.RequestIdentity;

import reactor.core.publisher.Mono;

/**
 * The one access policy for reading: STEWARD and above see every tag and customer data; a
 * VIEWER sees neither the sensitive tags ({@link SensitiveTags}) nor, unless allowed,
 * customer data. The {@link Visibility} is put into every GraphQL request's context
 * ({@link Visibility#KEY}) and handed to every REST handler that declares a
 * {@code Visibility} parameter, so GraphQL and REST read through the same policy.
 */
@Component
public class VisibilityPolicy implements WebGraphQlInterceptor, HandlerMethodArgumentResolver {

	private final SensitiveTags sensitive;

	VisibilityPolicy(SensitiveTags sensitive) {
		this.sensitive = sensitive;
	}

	/**
	 * The visibility of a user holding these roles (each role's included roles among
	 * them).
	 */
	public Visibility of(Set<?> roles, boolean customerData) {
		if (roles.contains(Role.STEWARD)) {
			return Visibility.ALL;
		}
		return new Visibility(sensitive.codes(), customerData);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Visibility visibility = of(request.getAttributes().get(RequestIdentity.ROLES),
				request.getAttributes().get(RequestIdentity.CUSTOMER_DATA));
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(c -> c.put(Visibility.KEY, visibility)).build());
		return chain.next(request);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Visibility.class;
	}

	@Override
	public Visibility resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
			WebDataBinderFactory binders) {
		return of(request.getAttribute(RequestIdentity.ROLES, RequestAttributes.SCOPE_REQUEST),
				request.getAttribute(RequestIdentity.CUSTOMER_DATA, RequestAttributes.SCOPE_REQUEST));
	}

	private Visibility of(Object roles, Object customerData) {
		return of(roles instanceof Set<?> held ? held : Set.of(), Boolean.TRUE.equals(customerData));
	}

}
