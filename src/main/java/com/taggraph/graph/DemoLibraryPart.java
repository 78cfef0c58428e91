package com.taggraph.graph;

import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;

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
	 * @param neo4j the client to write with, in the loader's transaction
	 * @throws IllegalStateException when the library references codes it does not define
	 */
	void write(Map<String, Object> library, Neo4jClient neo4j);

	/**
	 * Checks that every link the library lists under each tag's {@code listKey} was
	 * written: a MATCH that silently found nothing would load half a library.
	 * @param pattern the links in the graph, such as {@code (:Tag)-[:DERIVED_FROM]->()};
	 * a constant, never request text
	 * @param targets what the links lead to, for the message ("facet values")
	 * @param links what the links are, for the message ("tag values")
	 */
	static void requireAllLinked(Neo4jClient neo4j, Map<String, Object> library, String listKey, String pattern,
			String targets, String links) {
		long written = neo4j.query("RETURN COUNT { %s } AS n".formatted(pattern)).fetchAs(Long.class).one().orElse(0L);
		long expected = ((List<?>) library.get("tags")).stream()
			.mapToLong(tag -> ((List<?>) ((Map<?, ?>) tag).get(listKey)).size())
			.sum();
		if (written != expected) {
			throw new IllegalStateException("Demo library references %s it does not define; loaded %d %s, expected %d"
				.formatted(targets, written, links, expected));
		}
	}

}
