package com.taggraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.taggraph.importing.CommandMode;

/** TagGraph: the power-customer tag library as a Neo4j graph, served over GraphQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TagGraphApplication {

	public static void main(String[] args) {
		application(args).run(CommandMode.requested(args) ? CommandMode.withDefaults(args) : args);
	}

	/**
	 * The service, or for a command line naming a command, the app without a web server.
	 */
	static SpringApplication application(String[] args) {
		SpringApplication application = new SpringApplication(TagGraphApplication.class);
		if (CommandMode.requested(args)) {
			application.setWebApplicationType(WebApplicationType.NONE);
		}
		return application;
	}

}
