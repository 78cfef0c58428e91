package com.taggraph.graph;

import java.util.List;
import java.util.Map;

/**
 * What one module writes of the bundled demo library ({@code demo/tag-library.json}) into
 * an empty database. The graph module reads the file and runs every part in
 * {@code @Order}, all in one transaction, so a part may link to what an earlier part
 * wrote (the facets to the tags, the lineage to both) and a failed part loads nothing.
 */
public interface DemoLibraryPart {

	/**
	 * Writes this module's share of the library.
	 * @param library the whole file as read (scheme, classes, tags, facets,
	 * sourceSystems)
	 * @throws IllegalStateException when the library references codes it does not define
	 */
	void write(Map<String, Object> library);

	/**
	 * Checks that every link the library lists under each tag's {@code listKey} was
	 * written: a MATCH that silently found nothing would load half a library.
	 * @param written how many such links the graph now holds
	 * @param targets what the links lead to, for the message ("facet values")
	 * @param links what the links are, for the message ("tag values")
	 */
	static void requireAllLinked(Map<String, Object> library, String listKey, long written, String targets,
			String links) {
		long expected = ((List<?>) library.get("tags")).stream()
			.mapToLong(tag -> ((List<?>) ((Map<?, ?>) tag).get(listKey)).size())
			.sum();
		if (written != expected) {
			throw new IllegalStateException("Demo library references %s it does not define; loaded %d %s, expected %d"
				.formatted(targets, written, links, expected));
		}
	}

}
