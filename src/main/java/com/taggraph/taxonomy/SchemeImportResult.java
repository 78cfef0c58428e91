package com.taggraph.taxonomy;

import java.util.List;

/**
 * The outcome of a class-scheme import. With any problem nothing is written and the counts are 0;
 * on a dry run the counts say what would have been written.
 */
public record SchemeImportResult(boolean dryRun, boolean committed, int created, int updated, int unchanged,
		List<SchemeProblem> errors) {

	public static SchemeImportResult refused(boolean dryRun, List<SchemeProblem> errors) {
		return new SchemeImportResult(dryRun, false, 0, 0, 0, List.copyOf(errors));
	}
}
