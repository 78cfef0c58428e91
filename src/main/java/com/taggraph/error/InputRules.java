package com.taggraph.error;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape every code and name must have, whichever feature creates it (classes, tags,
 * facets, values), and the wording of the errors that say so.
 */
public final class InputRules {

	public static final int MAX_CODE = 64;

	public static final int MAX_NAME = 200;

	/** Longest free tag accepted, in characters (code points) as typed. */
	public static final int MAX_FREE_TAG = 64;

	/** Free text beside a name: descriptions, criteria, rules. */
	public static final int MAX_TEXT = 2000;

	private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/\\-]*");

	private InputRules() {
	}

	/** INVALID_INPUT on the field unless the value is a well-formed code. */
	public static void requireCode(String field, String value) {
		String problem = codeProblem(value);
		if (problem != null) {
			throw DomainException.invalid(field, problem);
		}
	}

	/**
	 * INVALID_INPUT on the field unless the value is a non-blank name of at most
	 * {@link #MAX_NAME} characters.
	 */
	public static void requireName(String field, String value) {
		String problem = nameProblem(value, MAX_NAME);
		if (problem != null) {
			throw DomainException.invalid(field, problem);
		}
	}

	/**
	 * INVALID_INPUT on the field when an optional text is longer than {@code max}
	 * characters.
	 */
	public static void optionalText(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw DomainException.invalid(field, "longer than %d characters".formatted(max));
		}
	}

	/** What is wrong with a code, or null if nothing. */
	public static String codeProblem(String code) {
		if (code == null || code.isBlank()) {
			return "code is empty";
		}
		if (code.length() > MAX_CODE) {
			return "code '%s…' is longer than %d characters".formatted(code.substring(0, 20), MAX_CODE);
		}
		if (!CODE.matcher(code).matches()) {
			return "code '%s' may hold only letters, digits and . _ - : / and must start with a letter or digit"
				.formatted(code);
		}
		return null;
	}

	/** What is wrong with a name, or null if nothing. */
	public static String nameProblem(String name, int max) {
		if (name == null || name.isBlank()) {
			return "name is empty";
		}
		if (name.length() > max) {
			return "name is longer than %d characters".formatted(max);
		}
		return null;
	}

	/**
	 * One kind of thing a container holds: its key in the error's details, how many there
	 * are, and its names.
	 */
	public record Held(String key, long count, String one, String many) {
	}

	/**
	 * NOT_EMPTY unless the container holds none of either kind, naming both counts and
	 * what to do first.
	 */
	public static void requireEmpty(String container, String code, Held first, Held second, String advice) {
		long a = first.count();
		long b = second.count();
		if (a > 0 || b > 0) {
			throw new DomainException(ErrorCode.NOT_EMPTY,
					"%s '%s' still holds %s and %s; %s".formatted(container, code, count(a, first.one(), first.many()),
							count(b, second.one(), second.many()), advice),
					Map.of("subject", code, first.key(), a, second.key(), b));
		}
	}

	/**
	 * DUPLICATE_CODE when the new item's code is already taken.
	 * @param takenBy what has the code ("class", "facet value"), null when it is free
	 */
	public static void requireFreeCode(String code, String takenBy) {
		if (takenBy != null) {
			throw new DomainException(ErrorCode.DUPLICATE_CODE,
					"code '%s' is already used by a %s".formatted(code, takenBy),
					Map.of("field", "code", "subject", code));
		}
	}

	/** "1 tag", "3 tags": counts in error messages. */
	public static String count(long n, String one, String many) {
		return n + " " + (n == 1 ? one : many);
	}

}
