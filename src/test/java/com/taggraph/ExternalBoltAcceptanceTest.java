package com.taggraph;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.taggraph.graph.EmbeddedNeo4jProperties;
import com.taggraph.graph.EmbeddedNeo4jServer;

/**
 * The external-server mode without Docker: a Neo4j DBMS outside the app (started here on
 * its own), and the app pointed at it with a {@code neo4j://} routing URI and that
 * server's credentials. No embedded DBMS starts in the app; it applies the schema and
 * loads the demo library over Bolt, and the acceptance checks pass as they do embedded.
 */
class ExternalBoltAcceptanceTest extends ClassHierarchyAcceptanceTest {

	@TempDir
	static Path externalStore;

	static EmbeddedNeo4jServer external;

	@DynamicPropertySource
	static void externalNeo4j(DynamicPropertyRegistry registry) {
		external = new EmbeddedNeo4jServer(EmbeddedNeo4jProperties.local(externalStore, false, "64m"));
		registry.add("spring.neo4j.uri", () -> "neo4j://127.0.0.1:" + external.boltPort());
		registry.add("spring.neo4j.authentication.username", () -> external.credentials().username());
		registry.add("spring.neo4j.authentication.password", () -> external.credentials().password());
	}

	@AfterAll
	static void stopExternal() {
		external.close();
	}

}
