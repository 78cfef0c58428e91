package com.taggraph.graph;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded DBMS starts unless it is switched off, or unless {@code spring.neo4j.uri}
 * names an external server: then a forgotten switch cannot make the app quietly use an
 * empty local store.
 */
class EmbeddedNeo4jCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var env = context.getEnvironment();
		if (!env.getProperty("taggraph.neo4j.embedded.enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch("taggraph.neo4j.embedded.enabled is false");
		}
		String uri = env.getProperty("spring.neo4j.uri");
		if (uri != null && !uri.isBlank()) {
			return ConditionOutcome.noMatch("spring.neo4j.uri is set to an external server: " + uri);
		}
		return ConditionOutcome.match("embedded Neo4j enabled");
	}

}
