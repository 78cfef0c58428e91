package com.taggraph.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every REST error is RFC 9457 problem details with a stable {@code code}, whoever
 * refuses: Spring MVC (an unknown path, a wrong method), a controller (a format the
 * endpoint does not serve), or Spring Security before any controller (no credentials, a
 * role too low).
 */
@TagGraphTest
class ProblemDetailsTest extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anUnknownPathIsANotFoundProblem() {
		problem(client.raw(HttpRequest.newBuilder().GET().header("Accept", "application/json"), "/api/no-such-thing"),
				404, "NOT_FOUND");
	}

	@Test
	void aWrongMethodIsAMethodNotAllowedProblem() {
		problem(client.raw(HttpRequest.newBuilder().DELETE(), "/api/reports/rules"), 405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void anEndpointsOwnRefusalsAreProblems() {
		JsonNode format = problem(client.raw(HttpRequest.newBuilder().GET(), "/api/reports/rules?format=xml"), 400,
				"INVALID_INPUT");
		assertThat(format.path("detail").asString()).contains("format", "xml");
		problem(client.raw(HttpRequest.newBuilder().GET().header("Accept", "text/html"), "/api/reports/rules"), 406,
				"NOT_ACCEPTABLE");
	}

	@Test
	void securityRefusalsAreProblemsToo() {
		HttpResponse<String> anonymous = client.anonymous().raw(HttpRequest.newBuilder().GET(), "/api/reports/rules");
		problem(anonymous, 401, "UNAUTHORIZED");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");

		problem(client.as("viewer.sun")
			.raw(HttpRequest.newBuilder()
				.POST(HttpRequest.BodyPublishers.ofString("code,parent,name\nPD-X,,x\n"))
				.header("Content-Type", "text/csv"), "/api/import/tag-classes"), 403, "FORBIDDEN");
	}

	private static JsonNode problem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
			.startsWith("application/problem+json");
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("status").asInt()).isEqualTo(status);
		assertThat(body.path("code").asString()).isEqualTo(code);
		assertThat(body.path("title").asString()).isNotBlank();
		return body;
	}

}
