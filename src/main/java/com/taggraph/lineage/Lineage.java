package com.taggraph.lineage;

import java.util.List;

/**
 * A tag's lineage subgraph: the nodes reached with their degree (hops from the tag), the
 * edges between them, and the paths from the tag to each source system (upstream) or to
 * each tag derived from it (downstream).
 *
 * @param isPartial set when maxDepth or the size cap cut the result
 */
public record Lineage(String tagCode, List<Node> nodes, List<Edge> edges, List<List<String>> paths,
		List<String> sourceSystemCodes, boolean isPartial) {

	/** A tag, source field, source table or source system, by its code. */
	public record Node(String code, String kind, String name, int degree) {
	}

	/** An edge: a derivation (tag to field or tag), or where a field or table lives. */
	public record Edge(String from, String to, String kind, String transform) {
	}
}
