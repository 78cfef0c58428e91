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
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.taggraph.graph.DemoProperties;

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

	/** Where the extracts go, under the compute directory. */
	static final String DIRECTORY = "demo";

	private static final Log log = LogFactory.getLog(DemoSourceData.class);

	private final SourceEngine engine;

	/**
	 * The extracts being generated since the app began to start, when they may be needed:
	 * generating them takes seconds of the engine's own threads, which would otherwise
	 * wait for the embedded Neo4j to start and the library to load. Null when not begun.
	 */
	private final CompletableFuture<List<String>> early;

	private final long earlyCustomers;

	DemoSourceData(SourceEngine engine, DemoProperties demo) {
		this.engine = engine;
		boolean maybeFirst = demo.enabled() && demo.customers() > 0 && available()
				&& !Files.exists(engine.directory().resolve(DIRECTORY));
		this.earlyCustomers = demo.customers();
		this.early = maybeFirst ? CompletableFuture.supplyAsync(() -> {
			try {
				return write(demo.customers());
			}
			catch (IOException | SQLException ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
		}, task -> {
			Thread thread = new Thread(task, "demo-extracts");
			thread.setDaemon(true);
			thread.start();
		}) : null;
	}

	boolean available() {
		return new ClassPathResource(SCRIPT).exists();
	}

	/** The binding of a demo table, relative to the compute directory. */
	static String binding(String tableCode) {
		int dot = tableCode.indexOf('.');
		return DIRECTORY + "/" + tableCode.substring(0, dot) + "/" + tableCode.substring(dot + 1) + ".parquet";
	}

	/**
	 * The extracts for the customers, generated now or taken from the early start;
	 * returns the table codes written.
	 */
	List<String> generate(long customers) throws IOException, SQLException {
		if (early != null && customers == earlyCustomers) {
			try {
				return early.join();
			}
			catch (java.util.concurrent.CompletionException ex) {
				log.warn("Generating the demo extracts early failed; generating them again: " + ex.getMessage());
			}
		}
		return write(customers);
	}

	/**
	 * Not the first start after all (the graph has customers): the extracts begun early
	 * are not bound to anything, so they go.
	 */
	void discardEarly() {
		if (early == null) {
			return;
		}
		early.handle((tables, failure) -> null).join();
		try (var files = Files.walk(engine.directory().resolve(DIRECTORY))) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not remove the unused demo extracts: " + ex.getMessage());
		}
	}

	private List<String> write(long customers) throws IOException, SQLException {
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
