package com.taggraph.graph;

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

}
