package com.taggraph.skos;

/**
 * Turtle for the SKOS tests: the prefixes most of their files declare, then the file's
 * own statements.
 */
final class Turtle {

	private Turtle() {
	}

	/**
	 * The statements after the prefixes {@code skos:}, {@code tg:} (TagGraph's own terms)
	 * and {@code ex:} for the example base IRI.
	 */
	static String withPrefixes(String exampleBase, String statements) {
		return """
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				@prefix tg: <https://taggraph.example/ns#> .
				@prefix ex: <%s> .
				""".formatted(exampleBase) + statements;
	}

}
