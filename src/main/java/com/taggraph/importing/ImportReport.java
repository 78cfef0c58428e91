package com.taggraph.importing;

import java.util.List;

/**
 * The outcome of a bulk import, in the shape of the class-scheme import ({@code dryRun, committed,
 * created, updated, unchanged, errors}) plus the import's id and its figures. With any error nothing
 * is written and the counts are 0; on a dry run the counts say what would have been written.
 *
 * @param importId   the {@code :ImportRun} that records the write (null for a dry run or a refusal)
 * @param status     the run's status after this request: COMPLETE, or RUNNING when the write was interrupted
 * @param errorCount every error found; {@code errors} lists at most {@code taggraph.import.max-errors}
 * @param customers  counts of the customers file, if the import had one
 * @param assignments counts of the assignments file, if the import had one
 */
record ImportReport(boolean dryRun, boolean committed, long created, long updated, long unchanged,
		List<ImportProblem> errors, String importId, String status, long rows, long rowsWritten, long errorCount,
		Counts customers, Counts assignments, long validateMillis, long writeMillis) {

	/** What one file would change (or changed): rows, and rows that create, update or leave things as they are. */
	record Counts(long rows, long created, long updated, long unchanged) {

		Counts plus(Counts other) {
			if (other == null) {
				return this;
			}
			return new Counts(rows + other.rows, created + other.created, updated + other.updated,
					unchanged + other.unchanged);
		}
	}

	static ImportReport refused(boolean dryRun, List<ImportProblem> errors, long errorCount, Counts customers,
			Counts assignments, long validateMillis) {
		return new ImportReport(dryRun, false, 0, 0, 0, List.copyOf(errors), null, null,
				rowsOf(customers) + rowsOf(assignments), 0, errorCount, customers, assignments, validateMillis, 0);
	}

	static ImportReport refused(boolean dryRun, String kind, String message) {
		return refused(dryRun, List.of(ImportProblem.general(kind, message)), 1, null, null, 0);
	}

	private static long rowsOf(Counts counts) {
		return counts == null ? 0 : counts.rows();
	}
}
