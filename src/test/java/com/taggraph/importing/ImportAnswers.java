package com.taggraph.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.taggraph.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * What every import's refusal looks like: problem details with the outcome's members
 * beside the code.
 */
public final class ImportAnswers {

	private ImportAnswers() {
	}

	/**
	 * The reply is a refusal in problem details ({@code application/problem+json}) with
	 * the status and stable code, and in the import outcome's shape: nothing committed,
	 * its problems listed.
	 */
	public static ApiClient.Reply refused(ApiClient.Reply reply, int status, String code) {
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
		assertThat(reply.contentType()).as("a refusal is problem details").startsWith("application/problem+json");
		assertThat(reply.body().path("status").asInt()).isEqualTo(status);
		assertThat(reply.body().path("code").asString()).isEqualTo(code);
		assertThat(reply.body().path("detail").asString()).isNotBlank();
		assertThat(reply.body().path("committed").asBoolean(true)).isFalse();
		assertThat(reply.body().path("problems").isEmpty()).as("the problems are listed").isFalse();
		return reply;
	}

	/**
	 * The reply is a refusal as {@link #refused} says, and its first problem's message
	 * says each of the words: where the file broke, or which limit it passed.
	 */
	public static ApiClient.Reply refusedSaying(ApiClient.Reply reply, int status, String code, String... words) {
		refused(reply, status, code);
		assertThat(reply.body().path("problems").path(0).path("message").asString()).contains(words);
		return reply;
	}

	/** The line of each problem, in the order the answer lists them. */
	public static List<Long> problemLines(JsonNode body) {
		return body.path("problems").valueStream().map(e -> e.path("line").asLong()).toList();
	}

	/** The problem the answer lists for the line; fails when there is none. */
	public static JsonNode problemOn(JsonNode body, long line) {
		return body.path("problems")
			.valueStream()
			.filter(e -> e.path("line").asLong() == line)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no error on line " + line + ": " + body));
	}

}
