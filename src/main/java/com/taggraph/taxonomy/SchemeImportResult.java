package com.taggraph.taxonomy;

import java.util.List;

/**
 * The outcome of a class-scheme import. With any problem nothing is written and the counts are 0;
 * on a dry run the counts say what would have been written. {@code eventId} is the id of the change
 * event the committed import recorded (null when nothing was written).
 */
public record SchemeImportResult(boolean dryRun, boolean committed, int created, int updated, int unchanged,
		List<SchemeProblem> errors, String eventId) {

	public static SchemeImportResult refused(boolean dryRun, List<SchemeProblem> errors) {
		return new SchemeImportResult(dryRun, false, 0, 0, 0, List.copyOf(errors), null);
	}
}
