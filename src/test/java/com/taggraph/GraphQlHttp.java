package com.taggraph;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the app's real GraphQL and import endpoints, as any outside client would use them:
 * HTTP Basic as one of the test users of {@code application-testusers.properties} (password {@value #PASSWORD}),
 * {@value #TESTER} (an ADMIN) unless another is named, or anonymous from {@link #anonymous()}.
 */
public final class GraphQlHttp {

	public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	public static final String TESTER = "tester";

	public static final String PASSWORD = "secret";

	private final HttpClient http = HttpClient.newHttpClient();
	private final JsonMapper json = JsonMapper.builder().build();
	private final String base;
	private final String user;
	private final String password;

	public GraphQlHttp(int port) {
		this("http://localhost:" + port, TESTER, PASSWORD);
	}

	private GraphQlHttp(String base, String user, String password) {
		this.base = base;
		this.user = user;
		this.password = password;
	}

	/** A client of the app on {@code port} signed in with any user name and password. */
	public static GraphQlHttp signedIn(int port, String user, String password) {
		return new GraphQlHttp("http://localhost:" + port, user, password);
	}

	/** The same client signed in as another test user. */
	public GraphQlHttp as(String otherUser) {
		return new GraphQlHttp(base, otherUser, PASSWORD);
	}

	/** The same client without credentials. */
	public GraphQlHttp anonymous() {
		return new GraphQlHttp(base, null, null);
	}

	/** The {@code Authorization} header value of HTTP Basic for a test user. */
	public static String basic(String name) {
		return basic(name, PASSWORD);
	}

	public static String basic(String name, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder signed(HttpRequest.Builder request, String name) {
		if (name == null) {
			return request;
		}
		return request.header("Authorization", basic(name, name.equals(user) ? password : PASSWORD));
	}

	public record Reply(int status, String contentType, JsonNode body, Map<String, java.util.List<String>> headers) {

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
	}

	/** The {@code code} of every element of a list of classes or tags. */
	public static java.util.List<String> codes(JsonNode array) {
		if (!array.isArray()) {
			throw new AssertionError("expected a list, got " + array);
		}
		return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path("code").asString()).toList();
	}

	public Reply query(String query) {
		return query(query, Map.of());
	}

	public Reply query(String query, Map<String, Object> variables) {
		return query(query, variables, null);
	}

	/** As the named test user, or as this client's user when null. */
	public Reply query(String query, Map<String, Object> variables, String user) {
		return query(query, variables, user, null);
	}

	/** As the named user, sending {@code requestId} as the {@code X-Request-Id} header when not null. */
	public Reply query(String query, Map<String, Object> variables, String user, String requestId) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("query", query);
		payload.put("variables", variables);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload), StandardCharsets.UTF_8))
			.header("Accept", GRAPHQL_RESPONSE)
			.header("Content-Type", "application/json");
		signed(request, user != null ? user : this.user);
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		return send(request.build());
	}

	public Reply get(String query, String accept) {
		return send(signed(HttpRequest.newBuilder(URI.create(base + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))),
				user).header("Accept", accept).GET().build());
	}

	public Reply post(String path, String body, String contentType, String accept) {
		return post(path, body.getBytes(StandardCharsets.UTF_8), contentType, accept);
	}

	public Reply post(String path, byte[] body, String contentType, String accept) {
		HttpRequest.Builder request = signed(HttpRequest.newBuilder(URI.create(base + path)), user)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Accept", accept);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request.build());
	}

	/** Sends a request built by the caller, signed as this client's user. */
	public HttpResponse<String> raw(HttpRequest.Builder request, String path) {
		try {
			return http.send(signed(request, user).uri(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Reply send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			JsonNode body = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
			if ((response.statusCode() == 401 || response.statusCode() == 403) && body.path("errors").isMissingNode()
					&& body instanceof tools.jackson.databind.node.ObjectNode refused) {
				// a refusal by the security filters is no GraphQL answer: shown as an error, so an ok() check fails loudly
				refused.putArray("errors").addObject().put("message", "HTTP " + response.statusCode())
					.putObject("extensions").put("code", response.statusCode() == 401 ? "HTTP_401" : "HTTP_403");
			}
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
					response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
