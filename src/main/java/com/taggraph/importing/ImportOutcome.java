package com.taggraph.importing;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.taggraph.error.ErrorCode;
import com.taggraph.error.InputRules;
import com.taggraph.error.RefusedRequest;

/**
 * The outcome of every import (customers, assignments, class scheme, lineage, SKOS):
 * whether it was a dry run and whether it committed, its counts, its problems, and the
 * change event it recorded. With any problem nothing is written and the counts are 0; on
 * a dry run the counts say what would have been written. A refused import answers as
 * problem details (HTTP 422, code IMPORT_REFUSED) carrying these members.
 *
 * @param problemCount every problem found; {@code problems} lists at most
 * {@code taggraph.import.max-errors}
 * @param eventId the change event the committed import recorded; null (and there) when
 * nothing was written
 * @param run a bulk import's run: its id, status and figures (null for the other imports)
 * @param contents what the file holds, by kind (SKOS: classes, tags, facets, values,
 * synonyms)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportOutcome(boolean dryRun, boolean committed, Counts counts, List<ImportProblem> problems,
		long problemCount, @JsonInclude(JsonInclude.Include.ALWAYS) String eventId, Long millis, Run run,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> contents) {

	/** Rows in the file, and rows that create, update or leave things as they are. */
	public record Counts(long rows, long created, long updated, long unchanged) {

		public static final Counts NONE = new Counts(0, 0, 0, 0);

		public Counts plus(Counts other) {
			if (other == null) {
				return this;
			}
			return new Counts(rows + other.rows, created + other.created, updated + other.updated,
					unchanged + other.unchanged);
		}
	}

	/**
	 * A bulk import's run, as {@code GET /api/imports} lists it.
	 *
	 * @param importId the {@code :ImportRun} that records the write (null for a dry run
	 * or a refusal)
	 * @param status the run's status after this request: COMPLETE, or RUNNING when the
	 * write was interrupted
	 * @param files the counts of each file, by its kind
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Run(String importId, String status, long rowsWritten, Map<String, Counts> files, long validateMillis,
			long writeMillis) {
	}

	public static ImportOutcome written(boolean dryRun, Counts counts, String eventId, long millis) {
		return new ImportOutcome(dryRun, !dryRun, counts, List.of(), 0, eventId, millis, null, null);
	}

	/**
	 * Refused with these problems (of {@code problemCount}); rows is how many the file
	 * had.
	 */
	public static ImportOutcome refused(boolean dryRun, long rows, List<ImportProblem> problems, long problemCount,
			long millis) {
		return new ImportOutcome(dryRun, false, new Counts(rows, 0, 0, 0), List.copyOf(problems), problemCount, null,
				millis, null, null);
	}

	public ImportOutcome withRun(Run run) {
		return new ImportOutcome(dryRun, committed, counts, problems, problemCount, eventId, millis, run, contents);
	}

	public ImportOutcome withContents(Map<String, Integer> contents) {
		return new ImportOutcome(dryRun, committed, counts, problems, problemCount, eventId, millis, run, contents);
	}

	/**
	 * This outcome as the answer to its request: itself (HTTP 200) when it went through,
	 * else a refusal in problem details: 422 IMPORT_REFUSED for a file with problems, 500
	 * IMPORT_INTERRUPTED for a write that stopped.
	 */
	public ImportOutcome orRefuse() {
		if (committed || problems.isEmpty()) {
			return this;
		}
		if (run != null && ImportRun.RUNNING.equals(run.status())) {
			throw new RefusedRequest(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.IMPORT_INTERRUPTED,
					problems.get(0).message(), this);
		}
		throw new RefusedRequest(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.IMPORT_REFUSED,
				"the import is refused with %s; nothing was written"
					.formatted(InputRules.count(problemCount, "problem", "problems")),
				this);
	}

	/**
	 * A request refused before its file is read, answered in the shape of every import's
	 * refusal.
	 */
	public static RefusedRequest refusal(HttpStatus status, ErrorCode code, boolean dryRun, String message) {
		return new RefusedRequest(status, code, message,
				refused(dryRun, 0, List.of(ImportProblem.general("REFUSED", message)), 1, 0));
	}

	/**
	 * An {@link ImportRefusal} (a conflict, a status the caller may not ask for) in that
	 * shape.
	 */
	public static RefusedRequest refusal(ImportRefusal refusal, boolean dryRun) {
		return refusal(refusal.status(), refusal.code(), dryRun, refusal.getMessage());
	}
}
