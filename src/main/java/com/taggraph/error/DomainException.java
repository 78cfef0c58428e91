package com.taggraph.error;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused request: its {@link ErrorCode}, a message that names the offending code, and
 * where the problem is (a field, the codes it is about). Thrown before anything is
 * written, or inside the transaction it rolls back.
 */
public class DomainException extends RuntimeException {

	/**
	 * The extension naming the codes an error is about, always a list (empty when it is
	 * about none).
	 */
	public static final String SUBJECT = "subject";

	private final ErrorCode code;

	private final Map<String, Object> details;

	/**
	 * {@code details.subject}, one code or several, is kept as a list: clients read the
	 * same shape from every error.
	 */
	public DomainException(ErrorCode code, String message, Map<String, Object> details) {
		super(message);
		this.code = code;
		Map<String, Object> kept = new LinkedHashMap<>(details);
		kept.put(SUBJECT, subjects(details.get(SUBJECT)));
		this.details = Map.copyOf(kept);
	}

	public DomainException(ErrorCode code, String message) {
		this(code, message, Map.of());
	}

	public static DomainException notFound(String kind, String code) {
		return new DomainException(ErrorCode.NOT_FOUND, "%s '%s' does not exist".formatted(kind, code),
				Map.of("subject", code));
	}

	public static DomainException invalid(String field, String message) {
		return new DomainException(ErrorCode.INVALID_INPUT, field + ": " + message, Map.of("field", field));
	}

	public ErrorCode code() {
		return code;
	}

	/** {@code code} plus the details, as GraphQL error extensions. */
	public Map<String, Object> extensions() {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.putAll(details);
		return extensions;
	}

	/** One code, several, or none, as a list of codes. */
	public static List<String> subjects(Object subject) {
		if (subject == null) {
			return List.of();
		}
		if (subject instanceof Collection<?> many) {
			return many.stream().map(String::valueOf).toList();
		}
		return List.of(String.valueOf(subject));
	}

}
