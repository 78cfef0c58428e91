package com.taggraph.error;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The answer to whatever error the advice does not see (a filter's, the servlet
 * container's, an exception no handler takes): problem details with the error's status
 * and code, in place of Spring Boot's own error body. A server error says only that it is
 * one; the log has the rest.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = HttpStatus.resolve(code instanceof Integer n ? n : 500);
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		String detail = status.is5xxServerError() || message == null || message.toString().isBlank()
				? status.getReasonPhrase() : message.toString();
		ProblemDetail problem = ProblemDetails.of(status, ProblemDetails.codeOf(status), detail);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString()));
		}
		return ProblemDetailsAdvice.answer(problem);
	}

}
