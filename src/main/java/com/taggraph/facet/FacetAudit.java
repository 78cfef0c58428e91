package com.taggraph.facet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.audit.AuditedRelationships;
import com.taggraph.audit.ChangeKind;

/**
 * The facets' relationships, as the change events of tags, facets and facet values record
 * them.
 */
@Configuration(proxyBeanMethods = false)
class FacetAudit {

	@Bean
	AuditedRelationships tagFacetValues() {
		return new AuditedRelationships(ChangeKind.TAG,
				"facetValues: COLLECT { MATCH (n)-[:HAS_FACET_VALUE]->(v:FacetValue) RETURN v.code ORDER BY v.code }");
	}

	@Bean
	AuditedRelationships facetParent() {
		return new AuditedRelationships(ChangeKind.FACET, "parent: [(n)-[:SUB_FACET_OF]->(p:Facet) | p.code][0]");
	}

	@Bean
	AuditedRelationships valueFacet() {
		return new AuditedRelationships(ChangeKind.FACET_VALUE, "facet: [(n)-[:OF_FACET]->(f:Facet) | f.code][0]");
	}

}
