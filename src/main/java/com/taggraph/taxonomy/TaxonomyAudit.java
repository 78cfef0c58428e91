package com.taggraph.taxonomy;

import static com.taggraph.audit.AuditedRelationships.all;
import static com.taggraph.audit.AuditedRelationships.one;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.audit.AuditedRelationships;
import com.taggraph.audit.ChangeKind;
import com.taggraph.graph.GraphModel;

/**
 * The hierarchy's relationships, as the change events of classes, tags and tag
 * constraints record them.
 */
@Configuration(proxyBeanMethods = false)
class TaxonomyAudit {

	@Bean
	AuditedRelationships taxonomyRelationships() {
		return AuditedRelationships.of(one(ChangeKind.TAG_CLASS, "parent", GraphModel.BROADER, GraphModel.TAG_CLASS),
				one(ChangeKind.TAG, "tagClass", GraphModel.IN_CLASS, GraphModel.TAG_CLASS),
				one(ChangeKind.TAG_CONSTRAINT, "ifTag", GraphModel.IF_TAG, GraphModel.TAG),
				all(ChangeKind.TAG_CONSTRAINT, "thenTags", GraphModel.THEN_TAG, GraphModel.TAG, "code"));
	}

}
