package com.taggraph.taxonomy;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.Value;

/**
 * Builds a class chain (类链) from the class maps a Cypher path projection returns, root
 * first: levels and upper classes follow from the order, so no per-class counting is
 * needed.
 */
public final class ClassChains {

	/**
	 * The map projection to put in a Cypher list comprehension over a chain's nodes
	 * {@code n}.
	 */
	public static final String NODE_PROJECTION = "n {.code, .name, .criterion, .exclusive, .exhaustive, .scope, .overlapReason}";

	private ClassChains() {
	}

	public static List<TagClass> of(Value nodes) {
		List<TagClass> chain = new ArrayList<>();
		String parent = null;
		for (Value node : nodes.values()) {
			TagClass c = new TagClass(node.get("code").asString(), node.get("name").asString(null),
					node.get("criterion").asString(null), node.get("exclusive").asBoolean(false),
					node.get("exhaustive").asBoolean(false), node.get("scope").asString(null), chain.size() + 1, parent,
					node.get("overlapReason").asString(null));
			chain.add(c);
			parent = c.code();
		}
		return chain;
	}

}
