package com.taggraph.importing;

import java.util.List;

/**
 * The outcome of a SKOS import, in the shape of the other imports: with any error nothing is written
 * and the counts are 0; on a dry run the counts say what would have been written. Counts cover
 * classes, tags, facets and values together; {@code classes} and the rest break them down.
 * {@code eventId} is the id of the change event the committed import recorded (null when nothing was written).
 */
record SkosImportResult(boolean dryRun, boolean committed, int created, int updated, int unchanged, int classes,
		int tags, int facets, int values, int synonyms, List<SkosProblem> errors, long millis, String eventId) {

	static SkosImportResult refused(boolean dryRun, List<SkosProblem> errors, long millis) {
		return new SkosImportResult(dryRun, false, 0, 0, 0, 0, 0, 0, 0, 0, List.copyOf(errors), millis, null);
	}
}
