package com.taggraph.importing;

import java.util.List;

/**
 * One bulk import that reached the write phase, as its {@code :ImportRun} node records
 * it. Every write batch commits together with {@code rowsWritten}/{@code batchesDone}, so
 * after a crash they say exactly where the import stopped.
 *
 * @param kind CUSTOMERS, ASSIGNMENTS, or LOAD (customers then assignments)
 * @param status RUNNING, COMPLETE or ROLLED_BACK
 * @param incomplete RUNNING while nothing in this process is writing it: interrupted, to
 * resume or roll back
 * @param rows data rows in all its files; rows are written in file order, customers first
 * @param files the names the files came with; {@code checksums} (SHA-256) and
 * {@code fileRows} in the same order
 * @param workFiles the validated copies kept for a resume, until the import completes or
 * is rolled back
 */
record ImportRun(String id, String kind, String status, boolean incomplete, String origin, String startedAt,
		String finishedAt, long rows, long rowsWritten, long batchesDone, List<String> files, List<String> fileKinds,
		List<Long> fileRows, List<String> checksums, List<String> workFiles, long created, long updated, long unchanged,
		String message) {

	static final String RUNNING = "RUNNING";
	static final String COMPLETE = "COMPLETE";
	static final String ROLLED_BACK = "ROLLED_BACK";

	ImportRun withIncomplete(boolean value) {
		return new ImportRun(id, kind, status, value, origin, startedAt, finishedAt, rows, rowsWritten, batchesDone,
				files, fileKinds, fileRows, checksums, workFiles, created, updated, unchanged, message);
	}
}
