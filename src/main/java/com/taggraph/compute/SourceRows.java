package com.taggraph.compute;

import java.util.List;
import java.util.Map;

/** Rows of one source table behind an assignment, with the columns the rule reads. */
public record SourceRows(String table, List<String> columns, List<Map<String, Object>> rows) {
}
