package com.taggraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.Resource;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Applies {@code cypher/schema.cypher}, the constraints and indexes on every lookup key.
 * Every statement there is {@code IF NOT EXISTS}, so this is idempotent on any database.
 */
public final class GraphSchema {

	private static final Log log = LogFactory.getLog(GraphSchema.class);

	private final Neo4jClient neo4j;

	private final Resource script;

	GraphSchema(Neo4jClient neo4j, Resource script) {
		this.neo4j = neo4j;
		this.script = script;
	}

	void apply() {
		List<String> statements = statements(read(script));
		// schema changes cannot share a transaction with each other's data, so each runs
		// on its own
		statements.forEach(statement -> neo4j.query(statement).run());
		neo4j.query("CALL db.awaitIndexes(300)").run();
		log.info("Applied %d schema statements from %s".formatted(statements.size(), script.getDescription()));
	}

	/**
	 * Splits a Cypher script on semicolons that end a line, dropping {@code //} comment
	 * lines.
	 */
	public static List<String> statements(String script) {
		String code = script.lines().filter(line -> !line.strip().startsWith("//")).reduce("", (a, b) -> a + b + "\n");
		return Arrays.stream(code.split(";\\s*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String read(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read schema " + resource, ex);
		}
	}

}
