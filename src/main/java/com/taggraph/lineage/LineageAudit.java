package com.taggraph.lineage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.audit.AuditedRelationships;
import com.taggraph.audit.ChangeKind;

/**
 * The source catalogue's and lineage's relationships, as the change events of tags and
 * sources record them.
 */
@Configuration(proxyBeanMethods = false)
class LineageAudit {

	@Bean
	AuditedRelationships tagDerivedFrom() {
		return new AuditedRelationships(ChangeKind.TAG,
				"derivedFrom: COLLECT { MATCH (n)-[:DERIVED_FROM]->(s) RETURN s.code ORDER BY s.code }");
	}

	@Bean
	AuditedRelationships tableSystem() {
		return new AuditedRelationships(ChangeKind.SOURCE_TABLE,
				"system: [(n)-[:IN_SYSTEM]->(s:SourceSystem) | s.code][0]");
	}

	@Bean
	AuditedRelationships fieldTable() {
		return new AuditedRelationships(ChangeKind.SOURCE_FIELD,
				"table: [(n)-[:IN_TABLE]->(t:SourceTable) | t.code][0]");
	}

}
