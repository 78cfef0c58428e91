package com.taggraph.error;

import org.springframework.graphql.execution.ErrorType;

/** The codes a client finds in {@code extensions.code} of every domain error. */
public enum ErrorCode {

	NOT_FOUND(ErrorType.NOT_FOUND),
	/** the user lacks the role (or the customer-data permission) the field requires */
	FORBIDDEN(ErrorType.FORBIDDEN),
	DUPLICATE_CODE(ErrorType.BAD_REQUEST),
	CYCLE(ErrorType.BAD_REQUEST),
	/**
	 * a write that would break a structural rule of the class tree; {@code extensions.rule} names it as
	 * the rule report does (DIVISION_WITHOUT_CRITERION, EXHAUSTIVE_CLASS_EMPTY)
	 */
	STRUCTURAL_RULE(ErrorType.BAD_REQUEST),
	NOT_EMPTY(ErrorType.BAD_REQUEST),
	INVALID_INPUT(ErrorType.BAD_REQUEST),
	/** two tags of one exclusive class on one customer */
	EXCLUSIVE_CONFLICT(ErrorType.BAD_REQUEST),
	/** two values of one facet on one tag */
	FACET_CONFLICT(ErrorType.BAD_REQUEST);

	private final ErrorType type;

	ErrorCode(ErrorType type) {
		this.type = type;
	}

	public ErrorType type() {
		return type;
	}
}
