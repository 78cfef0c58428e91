package com.taggraph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations of {@code graphql/examples/} (packed into the jar), which the bundled
 * GraphiQL page opens as its tabs and offers in its picker: one per file, with the
 * variables its {@code # Variables:} comment shows.
 */
@RestController
class GraphiqlExamples {

	/**
	 * One example file: its name, its operations, and the variables to run them with
	 * (JSON text, or empty).
	 */
	record Example(String name, String query, String variables) {
	}

	private final List<Example> examples;

	GraphiqlExamples(ResourcePatternResolver resources, JsonMapper json) throws IOException {
		Resource[] files = resources.getResources("classpath*:graphiql-examples/*.graphql");
		this.examples = Arrays.stream(files)
			.sorted(Comparator.comparing(Resource::getFilename))
			.map(file -> example(file, json))
			.toList();
	}

	@GetMapping("/graphiql/examples")
	List<Example> examples() {
		return examples;
	}

	private static Example example(Resource file, JsonMapper json) {
		try {
			String query = file.getContentAsString(StandardCharsets.UTF_8);
			return new Example(file.getFilename().replaceFirst("\\.graphql$", ""), query, variables(query, json));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The JSON after a {@code # Variables:} line, up to the first line that is no
	 * comment; empty when none parses.
	 */
	static String variables(String query, JsonMapper json) {
		StringBuilder text = new StringBuilder();
		boolean inside = false;
		for (String line : query.split("\n")) {
			if (!inside) {
				inside = line.strip().equals("# Variables:");
				continue;
			}
			if (!line.startsWith("#") || line.strip().equals("#")) {
				break;
			}
			text.append(line.substring(1)).append('\n');
		}
		if (text.isEmpty()) {
			return "";
		}
		try {
			return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readValue(text.toString(), Map.class));
		}
		catch (JacksonException notJson) {
			return "";
		}
	}

}
