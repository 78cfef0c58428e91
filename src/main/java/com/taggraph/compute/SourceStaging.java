package com.taggraph.compute;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;

/**
 * Ingests each bound table's files into the engine, so rules read tables and never files.
 * A table is staged again only when its binding or its files (names, sizes, modification
 * times) changed; an unbound table is an empty table of its catalogue fields, so rules
 * over it still bind.
 */
@Component
class SourceStaging {

	private static final Log log = LogFactory.getLog(SourceStaging.class);

	private final SourceEngine engine;

	private final ComputeRepository repository;

	SourceStaging(SourceEngine engine, ComputeRepository repository) {
		this.engine = engine;
		this.repository = repository;
	}

	/** Stages every table of the catalogue whose data changed; returns how many. */
	int stageAll() {
		List<CatalogueTable> tables = repository.catalogue();
		int[] staged = { 0 };
		long started = System.nanoTime();
		engine.staging(connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + SourceEngine.OWN_SCHEMA
						+ ".staged (table_code VARCHAR PRIMARY KEY, binding VARCHAR, fingerprint VARCHAR)");
			}
			Map<String, String> before = fingerprints(connection);
			for (CatalogueTable table : tables) {
				if (stage(connection, table, before.get(table.code()))) {
					staged[0]++;
				}
			}
		});
		if (staged[0] > 0) {
			log.info(
					"Staged %d source tables in %d ms".formatted(staged[0], (System.nanoTime() - started) / 1_000_000));
		}
		return staged[0];
	}

	/**
	 * Where a binding's files are: inside the compute directory only, so a binding cannot
	 * point the engine at the rest of the disk.
	 */
	Path resolve(String tableCode, String binding) {
		Path dir = engine.directory();
		Path resolved = dir.resolve(binding).normalize();
		if (!resolved.startsWith(dir)) {
			throw new DomainException(ErrorCode.INVALID_INPUT,
					"binding '%s' of table '%s' lies outside the compute directory %s; put the extracts under it"
						.formatted(binding, tableCode, dir),
					Map.of("field", "binding", "subject", tableCode));
		}
		String name = resolved.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!(name.endsWith(".parquet") || name.endsWith(".csv") || name.endsWith(".csv.gz"))) {
			throw new DomainException(ErrorCode.INVALID_INPUT,
					"binding '%s' of table '%s' must name .parquet or .csv files".formatted(binding, tableCode),
					Map.of("field", "binding", "subject", tableCode));
		}
		return resolved;
	}

	/** The files a binding names now, with sizes and times; empty when none match. */
	String fingerprint(String tableCode, String binding) throws IOException {
		Path pattern = resolve(tableCode, binding);
		Path root = pattern;
		while (root.toString().matches(".*[*?\\[{].*")) {
			root = root.getParent();
		}
		if (root.equals(pattern)) {
			return Files.isRegularFile(pattern)
					? pattern + ":" + Files.size(pattern) + ":" + Files.getLastModifiedTime(pattern).toMillis() : "";
		}
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
		if (!Files.isDirectory(root)) {
			return "";
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(matcher::matches).filter(Files::isRegularFile).sorted().map(path -> {
				try {
					return path + ":" + Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis();
				}
				catch (IOException ex) {
					return path + ":?";
				}
			}).collect(Collectors.joining(";"));
		}
	}

	private boolean stage(Connection connection, CatalogueTable table, String stagedFingerprint)
			throws SQLException, IOException {
		String name = SourceEngine.tableName(table.code());
		String schema = table.code().substring(0, table.code().indexOf('.'));
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + SourceEngine.quote(schema));
		}
		if (table.binding() == null) {
			if (exists(connection, table.code())) {
				return false;
			}
			String columns = table.fields()
				.stream()
				.map(field -> SourceEngine.quote(field) + " VARCHAR")
				.collect(Collectors.joining(", "));
			try (Statement statement = connection.createStatement()) {
				statement
					.execute("CREATE TABLE " + name + " (" + (columns.isEmpty() ? "\"_\" VARCHAR" : columns) + ")");
			}
			return false;
		}
		String fingerprint = table.binding() + "|" + fingerprint(table.code(), table.binding());
		if (fingerprint.equals(stagedFingerprint) && exists(connection, table.code())) {
			return false;
		}
		if (fingerprint.endsWith("|")) {
			throw new DomainException(ErrorCode.INVALID_INPUT,
					"binding '%s' of table '%s' matches no file".formatted(table.binding(), table.code()),
					Map.of("field", "binding", "subject", table.code()));
		}
		Path files = resolve(table.code(), table.binding());
		String reader = files.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")
				? "read_parquet(" + SourceEngine.literal(files.toString()) + ")"
				: "read_csv(" + SourceEngine.literal(files.toString()) + ", header = true)";
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE OR REPLACE TABLE " + name + " AS SELECT * FROM " + reader);
		}
		try (PreparedStatement record = connection.prepareStatement("INSERT OR REPLACE INTO " + SourceEngine.OWN_SCHEMA
				+ ".staged (table_code, binding, fingerprint) VALUES (?, ?, ?)")) {
			record.setString(1, table.code());
			record.setString(2, table.binding());
			record.setString(3, fingerprint);
			record.executeUpdate();
		}
		return true;
	}

	private static boolean exists(Connection connection, String tableCode) throws SQLException {
		int dot = tableCode.indexOf('.');
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
			query.setString(1, tableCode.substring(0, dot));
			query.setString(2, tableCode.substring(dot + 1));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1) > 0;
			}
		}
	}

	private static Map<String, String> fingerprints(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT table_code, fingerprint FROM " + SourceEngine.OWN_SCHEMA + ".staged")) {
			Map<String, String> found = new java.util.HashMap<>();
			while (rows.next()) {
				found.put(rows.getString(1), rows.getString(2));
			}
			return found;
		}
	}

}
