package com.taggraph.importing;

import java.util.List;

/**
 * One reason a bulk import is refused, in the report shape of every import: the line of the file,
 * the row's key ({@code code}: the customer id), the column at fault, and a message.
 *
 * @param file which file of the import (CUSTOMERS or ASSIGNMENTS)
 * @param kind what went wrong: MALFORMED, INVALID_VALUE, DUPLICATE, UNKNOWN_CUSTOMER, UNKNOWN_TAG,
 *             EXCLUSIVE_CONFLICT, VALUE_CONFLICT, TOO_MANY_ERRORS, REFUSED
 * @param tags for an exclusive conflict, the two tags
 */
record ImportProblem(long line, String code, String field, String message, String file, String kind,
		List<String> tags) {

	static ImportProblem general(String kind, String message) {
		return new ImportProblem(0, null, null, message, null, kind, null);
	}
}
