package com.taggraph.hardening;

import java.util.List;

import com.taggraph.ApiClient;

/**
 * The hostile strings the fuzz suite puts into every text field, and the checks every
 * answer to hostile input must pass: a 4xx or a GraphQL error a client can act on, never
 * a 5xx, an internal error or a stack trace.
 */
final class Hostile {

	static final String ONE_MB = "x".repeat(1 << 20);

	/** Cypher-looking, quoting, control characters, odd Unicode, blank, and 1 MB. */
	static final List<String> STRINGS = List.of("') DETACH DELETE n //", "\"}) MATCH (n) DETACH DELETE n", "$param",
			"`n`}) MATCH (n) DETACH DELETE n RETURN `x", "x' OR 1=1 WITH * MATCH (m) SET m.name = 'owned",
			"line one\nline \"two\" 'three'\r\n\tand a tab", "\uFEFFbom, a NUL \u0000 and a bell \u0007 inside",
			"lone surrogate \uD800 inside", "标签 😀 \u202Eright-to-left \u0301combining",
			"${jndi:ldap://127.0.0.1/x} {{7*7}} %s %n \\ \\\\", "", "   ", ONE_MB);

	private static final java.util.regex.Pattern EXCEPTION = java.util.regex.Pattern.compile(
			"\\b(java|jakarta|tools\\.jackson|graphql|org\\.springframework|org\\.neo4j|com\\.taggraph)\\.[\\w.$]*(Exception|Error)\\b");

	private Hostile() {
	}

	/** A short name for a payload in failure messages. */
	static String label(String payload) {
		return payload.length() > 40 ? "<" + payload.length() + " chars>"
				: payload.replace("\n", "\\n").replace("\r", "\\r");
	}

	/**
	 * What is wrong with an answer to hostile input, or null when it is a clear refusal
	 * or a success.
	 */
	static String problem(int status, String body) {
		if (status >= 500) {
			return "HTTP " + status;
		}
		if (body.contains("INTERNAL_ERROR") || body.contains("\tat ") || EXCEPTION.matcher(body).find()) {
			return "internal error or stack trace";
		}
		return null;
	}

	static String problem(ApiClient.Reply reply) {
		return problem(reply.status(), reply.body().toString());
	}

}
