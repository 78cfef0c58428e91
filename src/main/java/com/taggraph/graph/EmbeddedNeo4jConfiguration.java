package com.taggraph.graph;

import org.neo4j.driver.AuthToken;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded DBMS and points Boot's Neo4j driver at its Bolt port, so Spring
 * Data Neo4j talks Bolt exactly as it would to an external server, with the embedded
 * DBMS's credentials.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jCondition.class)
class EmbeddedNeo4jConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedNeo4jServer embeddedNeo4jServer(EmbeddedNeo4jProperties properties) {
		return new EmbeddedNeo4jServer(properties);
	}

	@Bean
	Neo4jConnectionDetails neo4jConnectionDetails(EmbeddedNeo4jServer server) {
		return new Neo4jConnectionDetails() {
			@Override
			public java.net.URI getUri() {
				return server.boltUri();
			}

			@Override
			public AuthToken getAuthToken() {
				return server.credentials().authToken();
			}
		};
	}

}
