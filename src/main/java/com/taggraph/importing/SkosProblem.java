package com.taggraph.importing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a SKOS file is refused. Syntax errors carry their line and column; errors in the
 * vocabulary name the concept (or collection) by IRI and by the code it would get. A structural rule
 * (the ones GraphQL writes refuse) also names {@code errorCode} {@code STRUCTURAL_RULE} and the {@code rule}.
 */
record SkosProblem(Long line, Long column, String iri, String code, String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) String errorCode,
		@JsonInclude(JsonInclude.Include.NON_NULL) String rule) {

	SkosProblem(Long line, Long column, String iri, String code, String message) {
		this(line, column, iri, code, message, null, null);
	}

	static SkosProblem syntax(long line, long column, String message) {
		return new SkosProblem(line > 0 ? line : null, column > 0 ? column : null, null, null, message);
	}

	static SkosProblem of(String iri, String code, String message) {
		return new SkosProblem(null, null, iri, code, message);
	}

	static SkosProblem general(String message) {
		return new SkosProblem(null, null, null, null, message);
	}

	static SkosProblem structural(String iri, String code, String rule, String message) {
		return new SkosProblem(null, null, iri, code, message, com.taggraph.error.ErrorCode.STRUCTURAL_RULE.name(), rule);
	}
}
