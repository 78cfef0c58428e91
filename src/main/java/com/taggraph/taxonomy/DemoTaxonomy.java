package com.taggraph.taxonomy;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import com.taggraph.graph.DemoLibraryPart;
import com.taggraph.lifecycle.LifecycleStatus;

/**
 * The demo library's scheme, classes and tags, written as every bulk write of them is
 * (through {@link TaxonomyWriter}), APPROVED: the first part, which the others link to.
 */
@Component
@Order(1)
class DemoTaxonomy implements DemoLibraryPart {

	private static final String APPROVED = LifecycleStatus.APPROVED.name();

	private final TaxonomyWriter writer;

	DemoTaxonomy(TaxonomyWriter writer) {
		this.writer = writer;
	}

	@Override
	public void write(Map<String, Object> library, Neo4jClient neo4j) {
		neo4j.query("""
				CREATE (s:Scheme {code: $scheme.code, name: $scheme.name, version: $scheme.version,
				                  note: $scheme.note, loadedAt: datetime()})
				""").bind(library.get("scheme")).to("scheme").run();
		writer.writeClasses(rows(library, "classes").stream()
			.map(c -> new TaxonomyWriter.ClassRecord(text(c, "code"), text(c, "parent"), text(c, "name"),
					text(c, "criterion"), Boolean.TRUE.equals(c.get("exclusive")),
					Boolean.TRUE.equals(c.get("exhaustive")), text(c, "scope"), APPROVED, text(c, "overlapReason")))
			.toList(), TaxonomyWriter.Absent.CLEAR);
		List<Map<String, Object>> tags = rows(library, "tags");
		writer.writeTags(tags.stream()
			.map(t -> new TaxonomyWriter.TagRecord(text(t, "code"), text(t, "class"), text(t, "name"), text(t, "rule"),
					APPROVED))
			.toList());
		// a silently skipped MATCH would load half a library; counting the edges catches
		// that
		long inClass = neo4j.query("RETURN COUNT { (:Tag)-[:IN_CLASS]->(:TagClass) } AS n")
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		if (inClass != tags.size()) {
			throw new IllegalStateException(
					"Demo library references classes it does not define; loaded %d tags in a class, expected %d"
						.formatted(inClass, tags.size()));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> library, String key) {
		return (List<Map<String, Object>>) library.get(key);
	}

	private static String text(Map<String, Object> row, String key) {
		Object value = row.get(key);
		return value == null ? null : value.toString();
	}

}
