package com.taggraph.lineage;

/**
 * A table of a source system.
 *
 * @param code qualified by the system, e.g. S1.C_CONS
 * @param tableName the table's own name in the system, e.g. C_CONS
 */
public record SourceTable(String code, String tableName, String name, String systemCode) {
}
