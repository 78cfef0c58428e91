package com.taggraph.compute;

import java.util.List;

/**
 * A rule that parsed and bound: what it reads, as the engine's own plan says.
 *
 * @param fields the catalogue fields it reads ({@code S1.C_CONS.CONS_NO}), in filters
 * too, sorted
 * @param tags the tags whose results it reads, sorted
 * @param columns its output columns: {@code customer}, then {@code tag} for a class rule,
 * then {@code value} if it gives one
 */
record BoundRule(String sql, List<String> fields, List<String> tags, List<String> columns) {

	boolean valued() {
		return columns.contains("value");
	}

}
