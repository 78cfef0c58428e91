package com.taggraph.customer;

import static com.taggraph.audit.AuditedRelationships.all;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.audit.AuditedRelationships;
import com.taggraph.audit.ChangeKind;
import com.taggraph.graph.GraphModel;

/** A customer's tags, as its change events record them. */
@Configuration(proxyBeanMethods = false)
class CustomerAudit {

	@Bean
	AuditedRelationships customerRelationships() {
		return AuditedRelationships.of(all(ChangeKind.CUSTOMER, "tags", GraphModel.HAS_TAG, GraphModel.TAG, "code"));
	}

}
