package com.taggraph.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.taggraph.ApiClient;

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

}
