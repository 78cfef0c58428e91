package com.taggraph.lineage;

import java.util.List;

/**
 * One reason a lineage import is refused: the line of the file, the row's tag ({@code code}), the
 * column at fault ({@code field}) and what went wrong.
 *
 * @param kind MALFORMED, INVALID_VALUE, DUPLICATE, UNKNOWN_TAG, UNKNOWN_SYSTEM, UNKNOWN_TABLE,
 *             UNKNOWN_FIELD, CYCLE, TOO_MANY_ERRORS or REFUSED
 * @param path for a cycle, its tags from the row's tag round to it again, each derived from the next
 */
public record DerivationProblem(long line, String code, String field, String kind, String message,
		List<String> path) {

	public static DerivationProblem of(long line, String code, String field, String kind, String message) {
		return new DerivationProblem(line, code, field, kind, message, null);
	}

	/** A problem with the request or the file as a whole, not one row. */
	public static DerivationProblem general(String kind, String message) {
		return new DerivationProblem(0, null, null, kind, message, null);
	}
}
