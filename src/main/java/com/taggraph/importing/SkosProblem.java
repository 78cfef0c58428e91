package com.taggraph.importing;

/**
 * One reason a SKOS file is refused. Syntax errors carry their line and column; errors in the
 * vocabulary name the concept (or collection) by IRI and by the code it would get.
 */
record SkosProblem(Long line, Long column, String iri, String code, String message) {

	static SkosProblem syntax(long line, long column, String message) {
		return new SkosProblem(line > 0 ? line : null, column > 0 ? column : null, null, null, message);
	}

	static SkosProblem of(String iri, String code, String message) {
		return new SkosProblem(null, null, iri, code, message);
	}

	static SkosProblem general(String message) {
		return new SkosProblem(null, null, null, null, message);
	}
}
