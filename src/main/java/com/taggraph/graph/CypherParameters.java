package com.taggraph.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/** Cypher parameters built from key, value pairs. */
public final class CypherParameters {

	private CypherParameters() {
	}

	/**
	 * The pairs as an ordered map; unlike {@link Map#of}, a null value is kept, since
	 * Cypher parameters are often null on purpose.
	 */
	public static Map<String, Object> of(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
