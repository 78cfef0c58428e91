package com.taggraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;

/**
 * The example operations in {@code graphql/examples/} and the Browser queries in
 * {@code cypher/queries/} are what users copy first: each must still be valid against the
 * schema and the database.
 */
@TagGraphTest
class ExampleFilesTest extends ApiTest {

	@Autowired
	GraphQlSource graphQl;

	@Test
	void everyExampleOperationIsValidAgainstTheServedSchema() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path file : files("graphql/examples", ".graphql")) {
			var result = ParseAndValidate.parseAndValidate(graphQl.schema(),
					ExecutionInput.newExecutionInput(Files.readString(file)).build());
			result.getErrors().forEach(e -> problems.add(file.getFileName() + ": " + e.getMessage()));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyBrowserQueryCompiles() throws IOException {
		List<String> problems = new ArrayList<>();
		int statements = 0;
		for (Path file : files("cypher/queries", ".cypher")) {
			for (String statement : statements(Files.readString(file))) {
				statements++;
				try (var session = driver.session()) {
					// EXPLAIN plans without running, so parameters need no values
					session.run("EXPLAIN " + statement).consume();
				}
				catch (RuntimeException e) {
					problems.add(file.getFileName() + ": " + e.getMessage() + "\n" + statement);
				}
			}
		}
		assertThat(statements).isGreaterThan(10);
		assertThat(problems).isEmpty();
	}

	private static List<Path> files(String directory, String suffix) throws IOException {
		try (Stream<Path> list = Files.list(Path.of(directory))) {
			List<Path> files = list.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
			assertThat(files).as(directory).isNotEmpty();
			return files;
		}
	}

	/**
	 * The file's statements: comment lines dropped, split at the semicolons that end a
	 * line.
	 */
	private static List<String> statements(String text) {
		StringBuilder code = new StringBuilder();
		text.lines().filter(line -> !line.strip().startsWith("//")).forEach(line -> code.append(line).append('\n'));
		return Stream.of(code.toString().split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
