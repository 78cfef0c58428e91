package com.taggraph.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.taggraph.ApiClient;

import tools.jackson.databind.JsonNode;

/** Computation runs as a client drives them: start one, then poll it until it ends. */
final class ComputeApi {

	static final String RUN_FIELDS = "id state dryRun tagsDone tagsTotal assignmentsWritten error "
			+ "tags { tag rule ruleVersion rowsRead customersMatched added removed changed unchanged carriers "
			+ "skippedUnknown millis sample } refused { classCode check message customers sample tags }";

	private ComputeApi() {
	}

	/** Starts a run as a steward and waits for it to end; returns the finished run. */
	static JsonNode compute(ApiClient client, String arguments) {
		ApiClient.Reply started = client.query("mutation { computeTags(" + arguments + ") { id state } }", Map.of(),
				"steward.li");
		started.ok();
		return await(client, started.data("computeTags.id").asString());
	}

	static JsonNode await(ApiClient client, String id) {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			ApiClient.Reply polled = client.query("query($id: ID!) { computeRun(id: $id) { " + RUN_FIELDS + " } }",
					Map.of("id", id), "steward.li");
			polled.ok();
			JsonNode run = polled.data("computeRun");
			String state = run.path("state").asString();
			if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
				return run;
			}
			assertThat(System.nanoTime()).as("run %s still %s", id, state).isLessThan(deadline);
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** One tag's line of a run's report. */
	static JsonNode stat(JsonNode run, String tag) {
		for (JsonNode line : run.path("tags")) {
			if (line.path("tag").asString().equals(tag)) {
				return line;
			}
		}
		throw new AssertionError("no line for " + tag + " in " + run);
	}

}
