package com.taggraph.importing;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a bulk import loads, supplied by the feature that owns the data (customers and
 * their tag assignments). importing runs the import: it keeps the files, commits the
 * batches together with the import's progress and takes an interrupted import back; the
 * target says what the files hold, how they are checked, read and written, and how what
 * an import wrote is deleted.
 */
public interface BulkImportTarget {

	/**
	 * The kinds of file, in the order a load writes them; a kind in lower case is its
	 * command-line option.
	 */
	List<String> fileKinds();

	/**
	 * Checks the files of one import completely (against each other and the database)
	 * before anything is written, adding every problem to {@code problems}.
	 */
	Checked check(List<ImportFile> files, ImportProblems problems, ImportProgress progress) throws IOException;

	/**
	 * Reads the rows of a validated file of the kind, for the write pass; {@code header}
	 * is its first record.
	 */
	RowReader reader(String kind, CsvRows.Row header);

	/**
	 * Writes one batch of rows of the kind, each marked with the import's id, in the
	 * caller's transaction.
	 */
	void write(String kind, List<Object> rows, String importId);

	/**
	 * Deletes up to {@code limit} of what the import wrote from a file of the kind, in
	 * the caller's transaction.
	 */
	long deleteWritten(String kind, String importId, int limit);

	/**
	 * An import, its resume, its interruption or its rollback changed the data
	 * ({@code reason}) in bulk.
	 */
	void changed(String importId, String reason);

	/**
	 * What a check found: its problems, listed up to the limit, in file and line order.
	 *
	 * @param counts each file's counts, by kind
	 * @param checksums each file's SHA-256, by kind (null for a file that could not be
	 * read to the end)
	 */
	record Checked(List<ImportProblem> problems, Map<String, ImportOutcome.Counts> counts,
			Map<String, String> checksums) {
	}

	/** Turns a record of a validated file into a row to write. */
	interface RowReader {

		BulkRow read(CsvRows.Row row);

	}

	/**
	 * One row to write, with the key a batch may not split: rows of one key lock the same
	 * nodes, so two writers sharing a key would wait on each other.
	 */
	record BulkRow(Object key, Object row) {
	}

}
