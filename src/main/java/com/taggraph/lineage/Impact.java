package com.taggraph.lineage;

import java.util.List;

/**
 * What a change to a source touches: the tags derived from it, transitively, the classes
 * they sit in and the distinct customers carrying any of them.
 *
 * @param source the system, table or field asked about, at degree 0
 * @param nodes the subgraph to draw: source side, affected tags, their classes
 * @param fieldCount source fields in scope, whether or not a tag is derived from them
 * @param customerCount distinct customers carrying an affected tag (all of them, even
 * past the tag cap)
 * @param isPartial set when maxDepth or the tag cap cut the result
 */
public record Impact(Lineage.Node source, List<Lineage.Node> nodes, List<Lineage.Edge> edges, List<Affected> tags,
		List<AffectedClass> classes, int fieldCount, int tagCount, int classCount, int customerCount,
		boolean isPartial) {

	/** One affected tag. @param degree derivation hops from the source's fields */
	public record Affected(String code, String classCode, int degree, int customerCount) {
	}

	/** A class holding affected tags. */
	public record AffectedClass(String code, int affectedTags) {
	}
}
