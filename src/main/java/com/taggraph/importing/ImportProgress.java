package com.taggraph.importing;

/**
 * Where an import reports how far it is: nowhere for HTTP, a progress bar for the command
 * line.
 */
public interface ImportProgress {

	ImportProgress NONE = new ImportProgress() {
	};

	/** Whether totals are worth a quick count of the file's lines first. */
	default boolean wantsTotals() {
		return false;
	}

	/** A phase begins; {@code total} rows, or -1 when unknown. */
	default void start(String task, long total) {
	}

	/** A phase counting something other than rows, such as {@code " rules"}. */
	default void start(String task, long total, String unit) {
		start(task, total);
	}

	default void step(long rows) {
	}

	default void finish() {
	}

}
