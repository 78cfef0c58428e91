package com.taggraph.folksonomy;

import static com.taggraph.audit.AuditedRelationships.all;
import static com.taggraph.audit.AuditedRelationships.one;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.audit.AuditedRelationships;
import com.taggraph.audit.ChangeKind;
import com.taggraph.graph.GraphModel;

/**
 * Free tags' relationships, as the change events of customers and free tags record them.
 */
@Configuration(proxyBeanMethods = false)
class FolksonomyAudit {

	@Bean
	AuditedRelationships folksonomyRelationships() {
		return AuditedRelationships.of(
				all(ChangeKind.CUSTOMER, "freeTags", GraphModel.HAS_FREE_TAG, GraphModel.FREE_TAG, "normalized"),
				one(ChangeKind.FREE_TAG, "promotedTo", GraphModel.PROMOTED_TO, GraphModel.TAG),
				one(ChangeKind.FREE_TAG, "synonymOf", GraphModel.SYNONYM_OF, GraphModel.TAG));
	}

}
