package com.taggraph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;

import com.taggraph.importing.CommandMode;

/**
 * A command line naming a command starts the app without its web server; anything else
 * starts the service.
 */
class TagGraphApplicationTest {

	@Test
	void commandsRunWithoutAWebServer() {
		assertThat(TagGraphApplication.application(new String[] { "load", "--customers", "c.csv" })
			.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
		assertThat(TagGraphApplication.application(new String[] { "--server.port=0", "rollback", "imp-1" })
			.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
		assertThat(TagGraphApplication.application(new String[] { "--server.port=9090" }).getWebApplicationType())
			.isEqualTo(WebApplicationType.SERVLET);
		assertThat(TagGraphApplication.application(new String[] { "unknown-word" }).getWebApplicationType())
			.isEqualTo(WebApplicationType.SERVLET);
	}

	@Test
	void commandDefaultsYieldToTheCommandLine() {
		assertThat(CommandMode.withDefaults(new String[] { "load" })).containsExactlyInAnyOrder(
				"--taggraph.neo4j.embedded.http-enabled=false", "--taggraph.demo.customers=0", "load");
		assertThat(CommandMode.withDefaults(new String[] { "load", "--taggraph.demo.customers=500" }))
			.containsExactlyInAnyOrder("--taggraph.neo4j.embedded.http-enabled=false", "load",
					"--taggraph.demo.customers=500");
	}

}
