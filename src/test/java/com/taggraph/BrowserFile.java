package com.taggraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;

/**
 * A file of {@code cypher/queries/}, run as Neo4j Browser runs it: comment lines dropped,
 * one statement per {@code ;}, the {@code :param} values given as parameters. Tests
 * compare its answers with the application's on the same database, so the files cannot
 * drift from what users see.
 */
public final class BrowserFile {

	private final List<String> statements;

	private BrowserFile(List<String> statements) {
		this.statements = statements;
	}

	public static BrowserFile named(String name) {
		try {
			return new BrowserFile(statements(Files.readString(Path.of("cypher/queries", name))));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The file's statements, in order. */
	public List<String> statements() {
		return statements;
	}

	/**
	 * The rows of statement {@code number}, counted from 1 as the file's headings count
	 * them.
	 */
	public List<Map<String, Object>> rows(Driver driver, int number, Map<String, Object> parameters) {
		return BoltCypher.read(driver, statements.get(number - 1), parameters);
	}

	/** One column of statement {@code number}'s rows, as text, in the rows' order. */
	public List<String> column(Driver driver, int number, Map<String, Object> parameters, String column) {
		return rows(driver, number, parameters).stream().map(r -> String.valueOf(r.get(column))).toList();
	}

	static List<String> statements(String file) {
		StringBuilder code = new StringBuilder();
		file.lines().filter(line -> !line.strip().startsWith("//")).forEach(line -> code.append(line).append('\n'));
		List<String> statements = new ArrayList<>();
		for (String statement : code.toString().split(";")) {
			if (!statement.isBlank()) {
				statements.add(statement.strip());
			}
		}
		return statements;
	}

}
