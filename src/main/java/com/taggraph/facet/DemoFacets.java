package com.taggraph.facet;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import com.taggraph.graph.DemoLibraryPart;

/**
 * The demo library's facets, sub-facets and values, APPROVED, and the values of its tags
 * (written by the taxonomy part).
 */
@Component
@Order(2)
class DemoFacets implements DemoLibraryPart {

	@Override
	public void write(Map<String, Object> library, Neo4jClient neo4j) {
		neo4j.query("""
				UNWIND $facets AS f
				CREATE (facet:Facet {code: f.code, name: f.name, criterion: f.criterion, status: 'APPROVED'})
				WITH facet, f
				UNWIND f.values AS v
				CREATE (value:FacetValue {code: v.code, name: v.name, customersWithAnyOf: v.customersWithAnyOf})
				CREATE (value)-[:OF_FACET]->(facet)
				""").bind(library.get("facets")).to("facets").run();
		// sub-facets (亚面) divide a facet by finer criteria; each keeps its own values
		// exclusive
		neo4j.query("""
				UNWIND $facets AS f
				MATCH (facet:Facet {code: f.code})
				UNWIND coalesce(f.subFacets, []) AS s
				CREATE (sub:Facet {code: s.code, name: s.name, criterion: s.criterion, status: 'APPROVED'})
				CREATE (sub)-[:SUB_FACET_OF]->(facet)
				WITH sub, s
				UNWIND s.values AS v
				CREATE (value:FacetValue {code: v.code, name: v.name, customersWithAnyOf: v.customersWithAnyOf})
				CREATE (value)-[:OF_FACET]->(sub)
				""").bind(library.get("facets")).to("facets").run();
		neo4j.query("""
				UNWIND $tags AS row
				MATCH (t:Tag {code: row.code})
				UNWIND row.facetValues AS valueCode
				MATCH (v:FacetValue {code: valueCode})
				CREATE (t)-[:HAS_FACET_VALUE]->(v)
				""").bind(library.get("tags")).to("tags").run();
		DemoLibraryPart.requireAllLinked(neo4j, library, "facetValues", "(:Tag)-[:HAS_FACET_VALUE]->(:FacetValue)",
				"facet values", "tag values");
	}

}
