package com.taggraph.lineage;

import static com.taggraph.audit.AuditedRelationships.all;
import static com.taggraph.audit.AuditedRelationships.one;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.audit.AuditedRelationships;
import com.taggraph.audit.ChangeKind;
import com.taggraph.graph.GraphModel;

/**
 * The source catalogue's and lineage's relationships, as the change events of tags and
 * sources record them.
 */
@Configuration(proxyBeanMethods = false)
class LineageAudit {

	@Bean
	AuditedRelationships lineageRelationships() {
		// a tag derives from fields and other tags alike
		return AuditedRelationships.of(all(ChangeKind.TAG, "derivedFrom", GraphModel.DERIVED_FROM, null, "code"),
				one(ChangeKind.SOURCE_TABLE, "system", GraphModel.IN_SYSTEM, GraphModel.SOURCE_SYSTEM),
				one(ChangeKind.SOURCE_FIELD, "table", GraphModel.IN_TABLE, GraphModel.SOURCE_TABLE));
	}

}
