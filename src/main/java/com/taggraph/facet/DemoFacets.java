package com.taggraph.facet;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import com.taggraph.graph.DemoLibraryPart;

/**
 * The demo library's facets and values, APPROVED, and the values of its tags (written by
 * the taxonomy part).
 */
@Component
@Order(2)
class DemoFacets implements DemoLibraryPart {

	private final Neo4jClient neo4j;

	DemoFacets(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	@Override
	public void write(Map<String, Object> library) {
		neo4j.query("""
				UNWIND $facets AS f
				CREATE (facet:Facet {code: f.code, name: f.name, criterion: f.criterion, status: 'APPROVED'})
				WITH facet, f
				UNWIND f.values AS v
				CREATE (value:FacetValue {code: v.code, name: v.name, customersWithAnyOf: v.customersWithAnyOf})
				CREATE (value)-[:OF_FACET]->(facet)
				""").bind(library.get("facets")).to("facets").run();
		neo4j.query("""
				UNWIND $tags AS row
				MATCH (t:Tag {code: row.code})
				UNWIND row.facetValues AS valueCode
				MATCH (v:FacetValue {code: valueCode})
				CREATE (t)-[:HAS_FACET_VALUE]->(v)
				""").bind(library.get("tags")).to("tags").run();
		long found = neo4j.query("RETURN COUNT { (:Tag)-[:HAS_FACET_VALUE]->(:FacetValue) } AS n")
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		DemoLibraryPart.requireAllLinked(library, "facetValues", found, "facet values", "tag values");
	}

}
