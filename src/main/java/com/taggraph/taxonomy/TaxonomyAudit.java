package com.taggraph.taxonomy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.audit.AuditedRelationships;
import com.taggraph.audit.ChangeKind;

/**
 * The hierarchy's relationships, as the change events of classes and tags record them.
 */
@Configuration(proxyBeanMethods = false)
class TaxonomyAudit {

	@Bean
	AuditedRelationships classParent() {
		return new AuditedRelationships(ChangeKind.TAG_CLASS, "parent: [(n)-[:BROADER]->(p:TagClass) | p.code][0]");
	}

	@Bean
	AuditedRelationships tagClass() {
		return new AuditedRelationships(ChangeKind.TAG, "tagClass: [(n)-[:IN_CLASS]->(c:TagClass) | c.code][0]");
	}

}
