package com.taggraph.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused request: its {@link ErrorCode}, a message that names the offending code, and where the
 * problem is (a field, a code). Thrown before anything is written, or inside the transaction it rolls back.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;
	private final Map<String, Object> details;

	public DomainException(ErrorCode code, String message, Map<String, Object> details) {
		super(message);
		this.code = code;
		this.details = Map.copyOf(details);
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
		Map<String, Object> extensions = new LinkedHashMap<>(details);
		extensions.put("code", code.name());
		return extensions;
	}
}
