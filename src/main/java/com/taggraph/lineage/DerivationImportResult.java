package com.taggraph.lineage;

import java.util.List;

/**
 * The outcome of a lineage import, in the shape of the other imports. With any error nothing is
 * written and the counts are 0; on a dry run they say what would have been written.
 *
 * @param rows       the file's rows (derivations), without the header
 * @param created    derivations that are new
 * @param updated    derivations already declared whose transform the file changes
 * @param unchanged  derivations already declared as the file has them
 * @param errorCount every error found; {@code errors} lists at most {@code taggraph.import.max-errors}
 * @param eventId    the id of the change event the committed import recorded; null when nothing was written
 */
public record DerivationImportResult(boolean dryRun, boolean committed, long rows, long created, long updated,
		long unchanged, long errorCount, List<DerivationProblem> errors, long millis, String eventId) {

	public static DerivationImportResult refused(boolean dryRun, long rows, List<DerivationProblem> errors,
			long errorCount, long millis) {
		return new DerivationImportResult(dryRun, false, rows, 0, 0, 0, errorCount, List.copyOf(errors), millis, null);
	}

	public static DerivationImportResult refused(boolean dryRun, String kind, String message) {
		return refused(dryRun, 0, List.of(DerivationProblem.general(kind, message)), 1, 0);
	}
}
