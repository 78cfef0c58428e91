package com.taggraph.folksonomy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.audit.AuditedRelationships;
import com.taggraph.audit.ChangeKind;

/**
 * Free tags' relationships, as the change events of customers and free tags record them.
 */
@Configuration(proxyBeanMethods = false)
class FolksonomyAudit {

	@Bean
	AuditedRelationships customerFreeTags() {
		return new AuditedRelationships(ChangeKind.CUSTOMER,
				"freeTags: COLLECT { MATCH (n)-[:HAS_FREE_TAG]->(f:FreeTag) RETURN f.normalized ORDER BY f.normalized }");
	}

	@Bean
	AuditedRelationships freeTagTargets() {
		return new AuditedRelationships(ChangeKind.FREE_TAG, """
				promotedTo: [(n)-[:PROMOTED_TO]->(t:Tag) | t.code][0],
				synonymOf: [(n)-[:SYNONYM_OF]->(t:Tag) | t.code][0]""");
	}

}
