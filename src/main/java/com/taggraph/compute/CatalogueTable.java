package com.taggraph.compute;

import java.util.List;

/**
 * A source table as the catalogue holds it: its code ({@code S1.C_CONS}), what it is
 * bound to, and its registered fields.
 *
 * @param binding a Parquet or CSV file, or a glob of them, relative to the compute
 * directory or absolute inside it; null when unbound
 */
record CatalogueTable(String code, String binding, List<String> fields) {
}
