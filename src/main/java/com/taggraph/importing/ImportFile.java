package com.taggraph.importing;

import java.nio.file.Path;

/**
 * One file of a bulk import.
 *
 * @param name what the user called it (an upload or the path given to {@code load}), for reports
 */
record ImportFile(FileKind kind, Path path, String name) {
}
