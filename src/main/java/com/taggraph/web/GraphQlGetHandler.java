package com.taggraph.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's GraphQL handler plus GET, as the GraphQL over HTTP specification allows: the
 * request is read from {@code query}, {@code operationName}, {@code variables} and
 * {@code extensions} parameters; mutations are refused with 405 since GET must be safe.
 * Status codes and media types then follow the same rules as POST.
 */
class GraphQlGetHandler extends GraphQlHttpHandler {

	private final WebGraphQlHandler graphQl;

	private final JsonMapper json;

	GraphQlGetHandler(WebGraphQlHandler graphQl, JsonMapper json) {
		super(graphQl);
		this.graphQl = graphQl;
		this.json = json;
	}

	ServerResponse handleGet(ServerRequest request) {
		String query;
		String operationName;
		Map<String, String> rawJson = new LinkedHashMap<>();
		try {
			query = request.param("query").orElse(null);
			operationName = request.param("operationName").filter(s -> !s.isEmpty()).orElse(null);
			for (String param : List.of("variables", "extensions")) {
				rawJson.put(param, request.param(param).filter(s -> !s.isEmpty()).orElse(null));
			}
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// Tomcat refuses to decode parameters that are not UTF-8
			// (InvalidParameterException): the client's fault
			return badRequest(request,
					"the query string is not valid UTF-8; percent-encode the UTF-8 bytes of each parameter");
		}
		if (query == null) {
			if (accepted(request).stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype)) {
				return ServerResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/graphiql").build();
			}
			return badRequest(request, "missing 'query' parameter");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		if (operationName != null) {
			body.put("operationName", operationName);
		}
		for (var param : rawJson.entrySet()) {
			String raw = param.getValue();
			if (raw != null) {
				Object value;
				try {
					value = json.readValue(raw, Object.class);
				}
				catch (JacksonException ex) {
					return badRequest(request,
							"'%s' parameter is not valid JSON: %s".formatted(param.getKey(), ex.getOriginalMessage()));
				}
				if (!(value instanceof Map)) {
					return badRequest(request, "'%s' parameter must be a JSON object".formatted(param.getKey()));
				}
				body.put(param.getKey(), value);
			}
		}
		OperationDefinition.Operation operation = operation(query, (String) body.get("operationName"));
		if (operation != null && operation != OperationDefinition.Operation.QUERY) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.header(HttpHeaders.ALLOW, "POST")
				.contentType(responseType(request))
				.body(errors("%s operations are not allowed over GET; use POST"
					.formatted(operation.name().toLowerCase(Locale.ROOT))));
		}
		WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), null,
				request.remoteAddress().orElse(null), request.attributes(), body, UUID.randomUUID().toString(),
				LocaleContextHolder.getLocale());
		return prepareResponse(request, graphQl.handleRequest(graphQlRequest));
	}

	/**
	 * The operation's type, or null when the document does not parse (the engine then
	 * reports it).
	 */
	private static OperationDefinition.Operation operation(String query, String operationName) {
		try {
			Document document = Parser.parse(query);
			return document.getDefinitionsOfType(OperationDefinition.class)
				.stream()
				.filter(op -> operationName == null || operationName.equals(op.getName()))
				.map(OperationDefinition::getOperation)
				.findFirst()
				.orElse(null);
		}
		catch (InvalidSyntaxException ex) {
			return null;
		}
	}

	private ServerResponse badRequest(ServerRequest request, String message) {
		return ServerResponse.badRequest().contentType(responseType(request)).body(errors(message));
	}

	private static Map<String, Object> errors(String message) {
		return Map.of("errors", List.of(Map.of("message", message)));
	}

	/**
	 * The Accept header's types; none when it is unreadable (answered as JSON, not with a
	 * 500).
	 */
	private static List<MediaType> accepted(ServerRequest request) {
		try {
			return request.headers().accept();
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return List.of();
		}
	}

	private static MediaType responseType(ServerRequest request) {
		return accepted(request).stream()
			.filter(MediaTypes.APPLICATION_GRAPHQL_RESPONSE::equalsTypeAndSubtype)
			.findFirst()
			.map(t -> MediaTypes.APPLICATION_GRAPHQL_RESPONSE)
			.orElse(MediaType.APPLICATION_JSON);
	}

}
