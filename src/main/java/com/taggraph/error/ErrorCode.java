package com.taggraph.error;

import org.springframework.graphql.execution.ErrorType;

/** The codes a client finds in {@code extensions.code} of every domain error. */
public enum ErrorCode {

	NOT_FOUND(ErrorType.NOT_FOUND),
	/** the user lacks the role (or the customer-data permission) the field requires */
	FORBIDDEN(ErrorType.FORBIDDEN), DUPLICATE_CODE(ErrorType.BAD_REQUEST), CYCLE(ErrorType.BAD_REQUEST),
	/**
	 * a write that would break a structural rule of the class tree;
	 * {@code extensions.rule} names it as the rule report does
	 * (DIVISION_WITHOUT_CRITERION, EXHAUSTIVE_CLASS_EMPTY)
	 */
	STRUCTURAL_RULE(ErrorType.BAD_REQUEST), NOT_EMPTY(ErrorType.BAD_REQUEST), INVALID_INPUT(ErrorType.BAD_REQUEST),
	/** two tags of one exclusive class on one customer */
	EXCLUSIVE_CONFLICT(ErrorType.BAD_REQUEST),
	/** two values of one facet on one tag */
	FACET_CONFLICT(ErrorType.BAD_REQUEST),
	/**
	 * an operation nested deeper than {@code taggraph.graphql.max-depth}; refused before
	 * anything runs
	 */
	QUERY_TOO_DEEP(ErrorType.BAD_REQUEST),
	/**
	 * an operation selecting more fields than {@code taggraph.graphql.max-complexity};
	 * refused before anything runs
	 */
	QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST),
	/**
	 * a GraphQL request body over {@code taggraph.graphql.max-request-bytes} (HTTP 413)
	 */
	REQUEST_TOO_LARGE(ErrorType.BAD_REQUEST),
	/** a reviewer approving a change they proposed themselves (admins included) */
	SELF_APPROVAL(ErrorType.FORBIDDEN),
	/**
	 * a lifecycle step the item's status does not allow (approving a decided change,
	 * deprecating a draft…)
	 */
	FORBIDDEN_TRANSITION(ErrorType.BAD_REQUEST),
	/** a change to an item that already has a pending change awaiting review */
	CHANGE_PENDING(ErrorType.BAD_REQUEST),
	/**
	 * REST: the request conflicts with what is going on (another import is writing, an
	 * import in the wrong state)
	 */
	CONFLICT(ErrorType.BAD_REQUEST),
	/** REST: no credentials, or credentials that do not verify (HTTP 401) */
	UNAUTHORIZED(ErrorType.UNAUTHORIZED),
	/** REST: no syntax the endpoint serves matches {@code Accept} (HTTP 406) */
	NOT_ACCEPTABLE(ErrorType.BAD_REQUEST),
	/**
	 * REST: a body of a {@code Content-Type} (or charset) the endpoint does not take
	 * (HTTP 415)
	 */
	UNSUPPORTED_MEDIA_TYPE(ErrorType.BAD_REQUEST),
	/** REST: the path exists, the method not (HTTP 405) */
	METHOD_NOT_ALLOWED(ErrorType.BAD_REQUEST),
	/**
	 * REST: an import's file has problems, listed in {@code problems}; nothing was
	 * written (HTTP 422)
	 */
	IMPORT_REFUSED(ErrorType.BAD_REQUEST),
	/** REST: an import's write stopped part way; resume or roll it back (HTTP 500) */
	IMPORT_INTERRUPTED(ErrorType.INTERNAL_ERROR),
	/** REST: a failure of the server, told in its log (HTTP 500) */
	INTERNAL_ERROR(ErrorType.INTERNAL_ERROR);

	private final ErrorType type;

	ErrorCode(ErrorType type) {
		this.type = type;
	}

	public ErrorType type() {
		return type;
	}

}
