package com.taggraph.taxonomy;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import com.taggraph.graph.DemoLibraryPart;

/** The demo library's scheme, classes and tags, all APPROVED: the first part, which the others link to. */
@Component
@Order(1)
class DemoTaxonomy implements DemoLibraryPart {

	private final Neo4jClient neo4j;

	DemoTaxonomy(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	@Override
	public void write(Map<String, Object> library) {
		neo4j.query("""
				CREATE (s:Scheme {code: $scheme.code, name: $scheme.name, version: $scheme.version,
				                  note: $scheme.note, loadedAt: datetime()})
				""").bind(library.get("scheme")).to("scheme").run();
		neo4j.query("""
				UNWIND $classes AS row
				CREATE (:TagClass {code: row.code, name: row.name, criterion: row.criterion,
				                   exclusive: coalesce(row.exclusive, false), exhaustive: coalesce(row.exhaustive, false),
				                   scope: row.scope, status: 'APPROVED'})
				""").bind(library.get("classes")).to("classes").run();
		neo4j.query("""
				UNWIND $classes AS row
				WITH row WHERE row.parent IS NOT NULL
				MATCH (c:TagClass {code: row.code}), (p:TagClass {code: row.parent})
				CREATE (c)-[:BROADER]->(p)
				""").bind(library.get("classes")).to("classes").run();
		neo4j.query("""
				UNWIND $tags AS row
				MATCH (c:TagClass {code: row.class})
				CREATE (t:Tag {code: row.code, name: row.name, rule: row.rule, status: 'APPROVED'})
				CREATE (t)-[:IN_CLASS]->(c)
				""").bind(library.get("tags")).to("tags").run();
		// a silently skipped MATCH would load half a library; counting the edges catches that
		long inClass = neo4j.query("RETURN COUNT { (:Tag)-[:IN_CLASS]->(:TagClass) } AS n").fetchAs(Long.class).one()
			.orElse(0L);
		int tags = ((List<?>) library.get("tags")).size();
		if (inClass != tags) {
			throw new IllegalStateException("Demo library references classes it does not define; loaded %d tags in a class, expected %d"
				.formatted(inClass, tags));
		}
	}
}
