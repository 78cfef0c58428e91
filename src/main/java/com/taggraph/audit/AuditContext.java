package com.taggraph.audit;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import com.taggraph.web.RequestIdentity;

/**
 * The actor of the current write, read from the HTTP request being served (the request
 * attributes {@link RequestIdentity} sets, propagated to GraphQL data fetchers by context
 * propagation), or {@link Actor#SYSTEM} outside requests. The one place to switch to a
 * Spring Security principal.
 */
@Component
public class AuditContext {

	public Actor current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return Actor.SYSTEM;
		}
		Object user = request.getAttribute(RequestIdentity.USER, RequestAttributes.SCOPE_REQUEST);
		Object requestId = request.getAttribute(RequestIdentity.REQUEST_ID, RequestAttributes.SCOPE_REQUEST);
		return new Actor(user instanceof String name ? name : RequestIdentity.ANONYMOUS,
				requestId instanceof String id ? id : null);
	}

}
