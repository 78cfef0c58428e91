package com.taggraph;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The running app's HTTP API as one user sees it: GraphQL through Spring for GraphQL's
 * {@link HttpGraphQlTester}, and the REST endpoints (imports, exports, pages) and raw
 * GraphQL-over-HTTP exchanges through a plain {@link HttpClient}, for tests that look at
 * statuses and bytes. Signed in with HTTP Basic as one of the users of
 * {@code application-testusers.properties} (password {@value #PASSWORD}),
 * {@value #TESTER} (an ADMIN) unless another is named, or anonymous.
 */
public final class ApiClient {

	public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	public static final String TESTER = "tester";

	public static final String PASSWORD = "secret";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final HttpGraphQlTester graphQl;

	private final String base;

	/** null: anonymous. */
	private final String user;

	private final String password;

	private ApiClient(HttpGraphQlTester graphQl, String base, String user, String password) {
		this.graphQl = graphQl;
		this.base = base;
		this.user = user;
		this.password = password;
	}

	/** A client of the app on {@code port}, signed in as {@value #TESTER}. */
	public static ApiClient on(int port) {
		return signedIn(port, TESTER, PASSWORD);
	}

	/** A client of the app on {@code port} signed in with any user name and password. */
	public static ApiClient signedIn(int port, String user, String password) {
		String base = "http://localhost:" + port;
		// imports and the large queries of the benchmarks take longer than
		// WebTestClient's 5 s default
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl(base + "/graphql")
			.responseTimeout(Duration.ofMinutes(5))
			// whole-library answers (the visibility sweep, exports) exceed the 256 KB
			// default
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
		return new ApiClient(HttpGraphQlTester.create(client), base, null, null).signedInAs(user, password);
	}

	/** The same client signed in as another test user. */
	public ApiClient as(String otherUser) {
		return signedInAs(otherUser, PASSWORD);
	}

	/** The same client without credentials. */
	public ApiClient anonymous() {
		return new ApiClient(graphQl.mutate().headers(h -> h.remove(HttpHeaders.AUTHORIZATION)).build(), base, null,
				null);
	}

	private ApiClient signedInAs(String name, String secret) {
		return new ApiClient(
				graphQl.mutate().headers(h -> h.setBasicAuth(name, secret, StandardCharsets.UTF_8)).build(), base, name,
				secret);
	}

	/**
	 * The GraphQL tester signed in as this client's user, for fluent assertions on paths
	 * and errors.
	 */
	public HttpGraphQlTester graphQl() {
		return graphQl;
	}

	/** The {@code Authorization} header value of HTTP Basic for a test user. */
	public static String basic(String name) {
		return basic(name, PASSWORD);
	}

	public static String basic(String name, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * An answer: of GraphQL, through the tester (which has already checked the HTTP
	 * status is 200 and the body JSON), or of a plain HTTP exchange.
	 */
	public record Reply(int status, String contentType, JsonNode body, Map<String, List<String>> headers,
			GraphQlTester.Response response) {

		public JsonNode data(String path) {
			JsonNode node = body.path("data");
			for (String part : path.split("\\.")) {
				node = part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
			}
			return node;
		}

		public String errorCode() {
			return body.path("errors").path(0).path("extensions").path("code").asString(null);
		}

		public String errorMessage() {
			return body.path("errors").path(0).path("message").asString(null);
		}

		public boolean hasErrors() {
			return body.path("errors").size() > 0;
		}

		/**
		 * Asserts the answer has no errors: the tester's own check for GraphQL answers.
		 */
		public Reply ok() {
			if (response != null) {
				response.errors().verify();
			}
			else if (hasErrors()) {
				throw new AssertionError("expected no errors, got " + body);
			}
			return this;
		}
	}

	/** The {@code code} of every element of a list of classes or tags. */
	public static List<String> codes(JsonNode array) {
		if (!array.isArray()) {
			throw new AssertionError("expected a list, got " + array);
		}
		return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("code").asString()).toList();
	}

	public Reply query(String query) {
		return query(query, Map.of());
	}

	public Reply query(String query, Map<String, Object> variables) {
		GraphQlTester.Response response = graphQl.document(query).variables(variables).execute();
		JsonNode body = json.valueToTree(response.returnResponse().toMap());
		return new Reply(200, GRAPHQL_RESPONSE, body, Map.of(), response);
	}

	/**
	 * {@code field(argument: code) { selection }} for every code, a few codes a request
	 * (aliases): each code's answer, in the codes' order.
	 */
	public Map<String, JsonNode> each(String field, String argument, List<String> codes, String selection) {
		Map<String, JsonNode> answers = new java.util.LinkedHashMap<>();
		for (int from = 0; from < codes.size(); from += 20) {
			List<String> batch = codes.subList(from, Math.min(codes.size(), from + 20));
			StringBuilder declared = new StringBuilder();
			StringBuilder asked = new StringBuilder();
			Map<String, Object> variables = new java.util.HashMap<>();
			for (int i = 0; i < batch.size(); i++) {
				declared.append(i == 0 ? "" : ", ").append("$c").append(i).append(": ID!");
				asked.append(" a%d: %s(%s: $c%d) { %s }".formatted(i, field, argument, i, selection));
				variables.put("c" + i, batch.get(i));
			}
			Reply reply = query("query(" + declared + ") {" + asked + " }", variables).ok();
			for (int i = 0; i < batch.size(); i++) {
				answers.put(batch.get(i), reply.data("a" + i));
			}
		}
		return answers;
	}

	/** As the named test user, or as this client's user when null. */
	public Reply query(String query, Map<String, Object> variables, String user) {
		return (user != null ? as(user) : this).query(query, variables);
	}

	/**
	 * A GraphQL request as a plain HTTP exchange, for tests of refusals that may come
	 * with any status.
	 */
	public Reply exchange(String query) {
		return exchange(query, Map.of(), null);
	}

	public Reply exchange(String query, Map<String, Object> variables) {
		return exchange(query, variables, null);
	}

	/**
	 * A GraphQL request as a plain HTTP exchange, sending {@code requestId} (unless null)
	 * as the {@code X-Request-Id} header, for tests that read the answer's headers.
	 */
	public Reply exchange(String query, Map<String, Object> variables, String requestId) {
		HttpRequest.Builder request = HttpRequest.newBuilder()
			.POST(HttpRequest.BodyPublishers.ofString(
					json.writeValueAsString(Map.of("query", query, "variables", variables)), StandardCharsets.UTF_8))
			.header("Accept", GRAPHQL_RESPONSE)
			.header("Content-Type", "application/json");
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		return reply(raw(request, "/graphql"));
	}

	/** {@code GET /graphql?query=...} as a plain HTTP exchange. */
	public Reply get(String query, String accept) {
		return reply(raw(HttpRequest.newBuilder().header("Accept", accept).GET(),
				"/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
	}

	public Reply post(String path, String body, String contentType, String accept) {
		return post(path, body.getBytes(StandardCharsets.UTF_8), contentType, accept);
	}

	public Reply post(String path, byte[] body, String contentType, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder()
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Accept", accept);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return reply(raw(request, path));
	}

	/** Sends a request built by the caller, signed as this client's user. */
	public HttpResponse<String> raw(HttpRequest.Builder request, String path) {
		if (user != null) {
			request.header("Authorization", basic(user, password));
		}
		try {
			return http.send(request.uri(URI.create(base + path)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Reply reply(HttpResponse<String> response) {
		JsonNode body = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
		if ((response.statusCode() == 401 || response.statusCode() == 403) && body.path("errors").isMissingNode()
				&& body instanceof ObjectNode refused) {
			// a refusal by the security filters is no GraphQL answer: shown as an error,
			// so an ok() check fails loudly
			refused.putArray("errors")
				.addObject()
				.put("message", "HTTP " + response.statusCode())
				.putObject("extensions")
				.put("code", response.statusCode() == 401 ? "HTTP_401" : "HTTP_403");
		}
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
				response.headers().map(), null);
	}

}
