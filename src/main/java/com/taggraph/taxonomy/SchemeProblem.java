package com.taggraph.taxonomy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a class scheme is refused: the line of the file, the class code and, where one
 * column is at fault, its name. A structural rule (the ones GraphQL writes refuse) also names
 * {@code errorCode} {@code STRUCTURAL_RULE} and the {@code rule}, as a refused write's extensions do.
 */
public record SchemeProblem(int line, String code, String field, String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) String errorCode,
		@JsonInclude(JsonInclude.Include.NON_NULL) String rule) {

	public SchemeProblem(int line, String code, String field, String message) {
		this(line, code, field, message, null, null);
	}

	static SchemeProblem structural(int line, String code, String field, String rule, String message) {
		return new SchemeProblem(line, code, field, message, com.taggraph.error.ErrorCode.STRUCTURAL_RULE.name(), rule);
	}
}
