package com.taggraph.compute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.duckdb.DuckDBConnection;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.taggraph.graph.EmbeddedNeo4jProperties;

/**
 * The embedded DuckDB the rules run in, keeping its own file under the compute directory.
 * It lives in two phases: staging opens the file with file access to ingest the bound
 * extracts, then the file is reopened with external access switched off for good, so a
 * rule that got past the checks still cannot read the disk or the network. Each catalogue
 * system is a schema and each table a table in it ({@code S1.C_CONS}); tag results are
 * the tables of schema {@code TAG}.
 */
@Component
public class SourceEngine implements DisposableBean {

	private static final Log log = LogFactory.getLog(SourceEngine.class);

	/** The schema of computed tag results, one table (customer, value) per tag. */
	static final String TAG_SCHEMA = "TAG";

	/** Bookkeeping: what each table was staged from. */
	static final String OWN_SCHEMA = "_taggraph";

	private final Path dir;

	private final ReentrantReadWriteLock phase = new ReentrantReadWriteLock();

	private DuckDBConnection rules;

	SourceEngine(ComputeProperties properties, EmbeddedNeo4jProperties neo4j) {
		this.dir = properties.dataDir(neo4j.enabled() ? neo4j.dataDir() : null);
	}

	/** The compute directory: the database file and the demo extracts live here. */
	public Path directory() {
		return dir;
	}

	Path databaseFile() {
		return dir.resolve("sources.duckdb");
	}

	/** Work done with file access on, e.g. staging; rules are closed meanwhile. */
	interface StagingWork {

		void run(Connection staging) throws SQLException, IOException;

	}

	/**
	 * Closes the rules' connection, runs the work on the file with file access on, and
	 * reopens it locked down.
	 */
	void staging(StagingWork work) {
		phase.writeLock().lock();
		try {
			closeRules();
			Files.createDirectories(dir);
			try (Connection staging = DriverManager.getConnection("jdbc:duckdb:" + databaseFile())) {
				try (Statement statement = staging.createStatement()) {
					statement.execute("CREATE SCHEMA IF NOT EXISTS " + TAG_SCHEMA);
					statement.execute("CREATE SCHEMA IF NOT EXISTS " + OWN_SCHEMA);
				}
				work.run(staging);
			}
			openRules();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("staging the source data failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			phase.writeLock().unlock();
		}
	}

	/** Work on a connection of the locked-down engine. */
	interface RuleWork<T> {

		T run(Connection connection) throws SQLException;

	}

	/**
	 * Runs work on a new connection of the locked-down engine; staging waits for it. A
	 * failed statement closes its JDBC statement, so every piece of work gets its own
	 * connection.
	 */
	<T> T withRules(RuleWork<T> work) throws SQLException {
		phase.readLock().lock();
		try {
			if (rules == null) {
				openRules();
			}
			try (Connection connection = rules.duplicate()) {
				return work.run(connection);
			}
		}
		finally {
			phase.readLock().unlock();
		}
	}

	private synchronized void openRules() throws SQLException {
		if (rules != null) {
			return;
		}
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Properties config = new Properties();
		config.setProperty("enable_external_access", "false");
		config.setProperty("autoinstall_known_extensions", "false");
		config.setProperty("autoload_known_extensions", "false");
		rules = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + databaseFile(), config);
		try (Statement statement = rules.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + TAG_SCHEMA);
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + OWN_SCHEMA);
			// once off it cannot be switched on again while the database is open
			statement.execute("SET lock_configuration = true");
		}
		log.debug("Rule engine open on %s with external access off".formatted(databaseFile()));
	}

	private synchronized void closeRules() throws SQLException {
		if (rules != null) {
			rules.close();
			rules = null;
		}
	}

	@Override
	public void destroy() throws SQLException {
		phase.writeLock().lock();
		try {
			closeRules();
		}
		finally {
			phase.writeLock().unlock();
		}
	}

	/** A double-quoted SQL identifier. */
	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	/** A single-quoted SQL string literal. */
	static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/** The engine's name of a catalogue table code such as {@code S1.C_CONS}. */
	static String tableName(String tableCode) {
		int dot = tableCode.indexOf('.');
		return quote(tableCode.substring(0, dot)) + "." + quote(tableCode.substring(dot + 1));
	}

	/** The engine's name of a tag's result table. */
	static String tagTable(String tagCode) {
		return TAG_SCHEMA + "." + quote(tagCode);
	}

}
