package com.taggraph.compute;

import java.util.List;

/**
 * One computation run, as its {@code :ComputeRun} node and, while it runs, memory record
 * it.
 *
 * @param state QUEUED, RUNNING, COMPLETED, FAILED, INCOMPLETE (interrupted by a crash),
 * ROLLED_BACK
 * @param requestedTags the tags asked for (empty: every approved rule)
 */
public record ComputeRun(String id, String state, boolean dryRun, String by, String startedAt, String finishedAt,
		List<String> requestedTags, List<String> requestedClasses, int tagsDone, int tagsTotal, long assignmentsWritten,
		List<TagRunStat> tags, List<ClassRefusal> refused, String error) {

	static final String QUEUED = "QUEUED";

	static final String RUNNING = "RUNNING";

	static final String COMPLETED = "COMPLETED";

	static final String FAILED = "FAILED";

	static final String INCOMPLETE = "INCOMPLETE";

	static final String ROLLED_BACK = "ROLLED_BACK";

	ComputeRun withProgress(int done, int total, long written) {
		return new ComputeRun(id, state, dryRun, by, startedAt, finishedAt, requestedTags, requestedClasses, done,
				total, written, tags, refused, error);
	}

	ComputeRun finished(String newState, String at, List<TagRunStat> stats, List<ClassRefusal> refusals,
			String failure) {
		return new ComputeRun(id, newState, dryRun, by, startedAt, at, requestedTags, requestedClasses, tagsTotal,
				tagsTotal, assignmentsWritten, stats, refusals, failure);
	}

	ComputeRun inState(String newState) {
		return new ComputeRun(id, newState, dryRun, by, startedAt, finishedAt, requestedTags, requestedClasses,
				tagsDone, tagsTotal, assignmentsWritten, tags, refused, error);
	}

}
