package com.taggraph.error;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as every REST error of TagGraph answers them: the status, a
 * title and the message as {@code detail}, and a stable {@code code} ({@link ErrorCode})
 * a client can switch on.
 */
public final class ProblemDetails {

	private ProblemDetails() {
	}

	public static ProblemDetail of(HttpStatusCode status, ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("code", code.name());
		return problem;
	}

	/**
	 * The problem of a domain error: its status, code, message and details
	 * ({@code field}, {@code subject}).
	 */
	public static ProblemDetail of(DomainException ex) {
		HttpStatusCode status = ex instanceof RefusedRequest refused ? refused.status() : statusOf(ex.code());
		ProblemDetail problem = of(status, ex.code(), ex.getMessage());
		ex.extensions().forEach((name, value) -> {
			if (!"code".equals(name)) {
				problem.setProperty(name, value);
			}
		});
		return problem;
	}

	/** The HTTP status of a domain error that names none itself. */
	public static HttpStatus statusOf(ErrorCode code) {
		return switch (code) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN, SELF_APPROVAL -> HttpStatus.FORBIDDEN;
			case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
			case CONFLICT -> HttpStatus.CONFLICT;
			case REQUEST_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
			case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
			case IMPORT_REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
			case IMPORT_INTERRUPTED, INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
			default -> HttpStatus.BAD_REQUEST;
		};
	}

	/**
	 * The code of an error that has only its HTTP status (Spring MVC's own, the servlet
	 * container's).
	 */
	public static ErrorCode codeOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 401 -> ErrorCode.UNAUTHORIZED;
			case 403 -> ErrorCode.FORBIDDEN;
			case 404 -> ErrorCode.NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 406 -> ErrorCode.NOT_ACCEPTABLE;
			case 409 -> ErrorCode.CONFLICT;
			case 413 -> ErrorCode.REQUEST_TOO_LARGE;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			default -> status.is5xxServerError() ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_INPUT;
		};
	}

	/** Adds each member of {@code properties} that the problem does not define itself. */
	public static void addProperties(ProblemDetail problem, Map<String, ?> properties) {
		properties.forEach((name, value) -> {
			if (!Map.of("type", 0, "title", 0, "status", 0, "detail", 0, "instance", 0, "code", 0).containsKey(name)) {
				problem.setProperty(name, value);
			}
		});
	}

}
