package com.taggraph.importing;

import java.nio.file.Path;

/**
 * One file of a bulk import.
 *
 * @param kind what it holds, one of {@link BulkImportTarget#fileKinds()}
 * @param name what the user called it (an upload or the path given to {@code load}), for
 * reports
 */
public record ImportFile(String kind, Path path, String name) {
}
