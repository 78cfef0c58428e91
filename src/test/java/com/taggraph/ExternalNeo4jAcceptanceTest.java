package com.taggraph;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The same acceptance checks against a standalone {@code neo4j:5.26} server, as
 * docker-compose runs it: no embedded DBMS starts, the schema and demo library are
 * applied over Bolt with authentication. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ExternalNeo4jAcceptanceTest extends ClassHierarchyAcceptanceTest {

	@Container
	static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:5.26").withAdminPassword("taggraph-secret");

	@DynamicPropertySource
	static void externalNeo4j(DynamicPropertyRegistry registry) {
		registry.add("taggraph.neo4j.embedded.enabled", () -> "false");
		registry.add("spring.neo4j.uri", neo4j::getBoltUrl);
		registry.add("spring.neo4j.authentication.username", () -> "neo4j");
		registry.add("spring.neo4j.authentication.password", () -> "taggraph-secret");
	}

}
