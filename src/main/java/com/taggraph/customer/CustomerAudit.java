package com.taggraph.customer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.audit.AuditedRelationships;
import com.taggraph.audit.ChangeKind;

/** A customer's tags, as its change events record them. */
@Configuration(proxyBeanMethods = false)
class CustomerAudit {

	@Bean
	AuditedRelationships customerTags() {
		return new AuditedRelationships(ChangeKind.CUSTOMER,
				"tags: COLLECT { MATCH (n)-[:HAS_TAG]->(t:Tag) RETURN t.code ORDER BY t.code }");
	}

}
