package com.taggraph.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes files a {@code load} can import, to try an import at scale ({@code generate});
 * supplied by the feature whose data they hold.
 */
public interface ImportFileGenerator {

	/**
	 * Writes {@code count} generated records, one file per kind, into {@code dir}.
	 * @param idPrefix put before every generated id, so several runs can load side by
	 * side
	 * @return the data rows written, by file kind, in the order a load writes them
	 * @throws IllegalArgumentException when the prefix makes ids the import would refuse
	 */
	Map<String, Long> generate(Path dir, long count, long seed, String idPrefix, ImportProgress progress)
			throws IOException;

}
