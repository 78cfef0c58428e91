package com.taggraph.compute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Writes the demo's source extracts: {@code demo/source-data.sql} run in a throwaway
 * in-memory DuckDB for N customers (deterministic: the same N gives the same data), each
 * table then written as one Parquet file under {@code demo/<system>/
 *
<table>
 * .parquet} of the compute directory, where the demo catalogue's bindings point.
 */
@Component
class DemoSourceData {

	static final String SCRIPT = "demo/source-data.sql";

	private final SourceEngine engine;

	DemoSourceData(SourceEngine engine) {
		this.engine = engine;
	}

	boolean available() {
		return new ClassPathResource(SCRIPT).exists();
	}

	/** The binding of a demo table, relative to the compute directory. */
	static String binding(String tableCode) {
		int dot = tableCode.indexOf('.');
		return "demo/" + tableCode.substring(0, dot) + "/" + tableCode.substring(dot + 1) + ".parquet";
	}

	/** Generates the extracts for the customers; returns the table codes written. */
	List<String> generate(long customers) throws IOException, SQLException {
		String script;
		try (InputStream in = new ClassPathResource(SCRIPT).getInputStream()) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> tables = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("SET VARIABLE customers = " + customers);
			statement.execute(script);
			try (ResultSet rows = statement.executeQuery("""
					SELECT table_schema || '.' || table_name FROM information_schema.tables
					WHERE table_schema LIKE 'S%' AND table_type = 'BASE TABLE' ORDER BY 1""")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			for (String table : tables) {
				Path file = engine.directory().resolve(binding(table));
				Files.createDirectories(file.getParent());
				Path partial = file.resolveSibling(file.getFileName() + ".part");
				statement.execute("COPY " + SourceEngine.tableName(table) + " TO "
						+ SourceEngine.literal(partial.toString()) + " (FORMAT parquet)");
				Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
						java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			}
		}
		return tables;
	}

}
