package com.taggraph.error;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A REST request refused with an HTTP status, answered as problem details: its code and
 * message, and the properties of {@code body} beside them (an import's outcome: its
 * problems and counts).
 */
public class RefusedRequest extends DomainException {

	private final HttpStatus status;

	private final transient Object body;

	public RefusedRequest(HttpStatus status, ErrorCode code, String message, Object body) {
		super(code, message, Map.of());
		this.status = status;
		this.body = body;
	}

	public RefusedRequest(HttpStatus status, ErrorCode code, String message) {
		this(status, code, message, null);
	}

	public HttpStatus status() {
		return status;
	}

	/** What the answer carries beside the problem's own members, or null. */
	public Object body() {
		return body;
	}

}
