package com.taggraph.lineage;

import java.util.List;

import com.taggraph.importing.ImportProblem;

/**
 * A lineage file as read: its well-formed rows, how many rows it had, and the problems
 * found while reading it (malformed rows, empty cells), listed up to a limit but all
 * counted.
 */
public record DerivationFile(List<DerivationRow> rows, long rowCount, List<ImportProblem> problems, long problemCount) {
}
