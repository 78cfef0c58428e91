package com.taggraph.importing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason an import is refused, the same for every import: where (the {@code line} of
 * a CSV file, with {@code column} for a syntax error; or the {@code iri} of a SKOS
 * concept), the item's {@code code} (a customer id, a class or tag code), the
 * {@code field} (column) at fault, what went wrong ({@code kind}) and a message. Members
 * that do not apply are left out.
 *
 * @param kind MALFORMED, INVALID_VALUE, DUPLICATE, UNKNOWN_CUSTOMER, UNKNOWN_TAG,
 * UNKNOWN_PARENT, UNKNOWN_SYSTEM, UNKNOWN_TABLE, UNKNOWN_FIELD, EXCLUSIVE_CONFLICT,
 * VALUE_CONFLICT, CYCLE, CODE_CONFLICT, NOT_DRAFT, STRUCTURAL_RULE, TOO_MANY_ERRORS,
 * INTERRUPTED or REFUSED
 * @param file which file of a bulk import (CUSTOMERS, ASSIGNMENTS)
 * @param rule for STRUCTURAL_RULE, the rule as the rule report names it
 * @param codes the codes the problem involves: the two tags of an exclusive conflict, the
 * tags of a cycle
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportProblem(Long line, Long column, String iri, String code, String field, String kind, String message,
		String file, String rule, List<String> codes) {

	/** A problem with the request or the file as a whole, not one row. */
	public static ImportProblem general(String kind, String message) {
		return new ImportProblem(null, null, null, null, null, kind, message, null, null, null);
	}

	/** A problem of a row of a CSV file; line 0 or less is none. */
	public static ImportProblem at(long line, String code, String field, String kind, String message) {
		return new ImportProblem(line > 0 ? line : null, null, null, code, field, kind, message, null, null, null);
	}

	/** A problem of a SKOS concept or collection. */
	public static ImportProblem ofIri(String iri, String code, String kind, String message) {
		return new ImportProblem(null, null, iri, code, null, kind, message, null, null, null);
	}

	/** A syntax error at a line and column (0: unknown). */
	public static ImportProblem syntax(long line, long column, String message) {
		return new ImportProblem(line > 0 ? line : null, column > 0 ? column : null, null, null, null, "MALFORMED",
				message, null, null, null);
	}

	public ImportProblem inFile(String file) {
		return new ImportProblem(line, column, iri, code, field, kind, message, file, rule, codes);
	}

	public ImportProblem withRule(String rule) {
		return new ImportProblem(line, column, iri, code, field, kind, message, file, rule, codes);
	}

	public ImportProblem withCodes(List<String> codes) {
		return new ImportProblem(line, column, iri, code, field, kind, message, file, rule, List.copyOf(codes));
	}

	public ImportProblem withMessage(String message) {
		return new ImportProblem(line, column, iri, code, field, kind, message, file, rule, codes);
	}

	/** The line, 0 when none: for sorting. */
	public long lineOrZero() {
		return line == null ? 0 : line;
	}
}
