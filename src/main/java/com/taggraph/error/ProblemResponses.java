package com.taggraph.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details written by a servlet filter, before any controller: Spring Security's
 * refusals (401 without credentials, 403 without the role) answer as every other REST
 * error does.
 */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/**
	 * 401 UNAUTHORIZED, with the {@code WWW-Authenticate} challenge (such as
	 * {@code Basic realm="Realm"}) a client answers with credentials.
	 */
	public static AuthenticationEntryPoint unauthorized(String challenge) {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
			write(response, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED, "sign in: this needs credentials",
					request.getRequestURI());
		};
	}

	/** 403 FORBIDDEN: signed in, without the role the request needs. */
	public static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(response, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
				"your role does not allow this request", request.getRequestURI());
	}

	private static void write(HttpServletResponse response, HttpStatus status, ErrorCode code, String detail,
			String instance) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", instance);
		problem.put("code", code.name());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(JSON.writeValueAsString(problem));
	}

}
