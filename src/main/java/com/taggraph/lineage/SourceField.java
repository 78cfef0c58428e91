package com.taggraph.lineage;

/**
 * A field of a source table. Fields are identified by system, table and field, so two
 * tables may both have a CONS_NO field.
 *
 * @param code qualified by system and table, e.g. S1.C_CONS.CONS_NO
 * @param name the field's own name, e.g. CONS_NO
 */
public record SourceField(String code, String name, String description, String tableCode) {
}
