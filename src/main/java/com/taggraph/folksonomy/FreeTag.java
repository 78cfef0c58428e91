package com.taggraph.folksonomy;

import java.util.List;

/**
 * A free tag: all spellings with one normalised form, and how they are used now.
 *
 * @param resolvesToCode the controlled tag it was promoted to or merged into, or null
 * @param resolution PROMOTED or SYNONYM, or null while it is still free
 */
public record FreeTag(String text, String normalized, int customers, int taggers, String firstUsedAt, String lastUsedAt,
		List<FreeTagSpelling> spellings, String resolvesToCode, String resolution) {

	/** One spelling exactly as typed, and on how many customers. */
	public record FreeTagSpelling(String text, int customers) {
	}

	boolean resolved() {
		return resolvesToCode != null;
	}
}
