package com.taggraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** TagGraph: the power-customer tag library as a Neo4j graph, served over GraphQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TagGraphApplication {

	public static void main(String[] args) {
		SpringApplication.run(TagGraphApplication.class, args);
	}
}
