package com.taggraph.facet;

import static com.taggraph.audit.AuditedRelationships.all;
import static com.taggraph.audit.AuditedRelationships.one;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.audit.AuditedRelationships;
import com.taggraph.audit.ChangeKind;
import com.taggraph.graph.GraphModel;

/**
 * The facets' relationships, as the change events of tags, facets and facet values record
 * them.
 */
@Configuration(proxyBeanMethods = false)
class FacetAudit {

	@Bean
	AuditedRelationships facetRelationships() {
		return AuditedRelationships.of(
				all(ChangeKind.TAG, "facetValues", GraphModel.HAS_FACET_VALUE, GraphModel.FACET_VALUE, "code"),
				one(ChangeKind.FACET, "parent", GraphModel.SUB_FACET_OF, GraphModel.FACET),
				one(ChangeKind.FACET_VALUE, "facet", GraphModel.OF_FACET, GraphModel.FACET));
	}

}
