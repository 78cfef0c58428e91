package com.taggraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** No embedded DBMS starts when an external server is configured or the switch is off. */
class EmbeddedNeo4jConditionTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedNeo4jConfiguration.class);

	@Test
	void anExternalUriKeepsTheEmbeddedDbmsOff() {
		runner.withPropertyValues("spring.neo4j.uri=neo4j://db.example:7687")
			.run(context -> assertThat(context).doesNotHaveBean(EmbeddedNeo4jServer.class));
	}

	@Test
	void theSwitchTurnsItOff() {
		runner.withPropertyValues("taggraph.neo4j.embedded.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(EmbeddedNeo4jServer.class));
	}

}
