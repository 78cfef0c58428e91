package com.taggraph.error;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every REST error as RFC 9457 problem details ({@code application/problem+json}) with a
 * stable {@code code}: refused imports and requests, domain errors, and Spring MVC's own
 * (unknown paths, wrong methods and media types, oversized uploads). Whatever else fails
 * reaches {@link ProblemErrorController}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private final JsonMapper json;

	ProblemDetailsAdvice(JsonMapper json) {
		this.json = json;
	}

	/**
	 * A refusal with its status, code and message, and what its body says beside them (an
	 * import's outcome).
	 */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> refused(DomainException ex) {
		ProblemDetail problem = ProblemDetails.of(ex);
		if (ex instanceof RefusedRequest refused && refused.body() != null) {
			ProblemDetails.addProperties(problem,
					json.convertValue(refused.body(), new TypeReference<Map<String, Object>>() {
					}));
		}
		return answer(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		ProblemDetail problem = body instanceof ProblemDetail given ? given
				: ProblemDetail.forStatusAndDetail(status, String.valueOf(body));
		if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
			problem.setProperty("code", ProblemDetails.codeOf(status).name());
		}
		HttpHeaders answerHeaders = new HttpHeaders();
		answerHeaders.putAll(headers);
		answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, answerHeaders, status);
	}

	static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
