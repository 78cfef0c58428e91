package com.taggraph.compute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky's embedded binaries, no Docker) on the port the test
 * configuration's {@code warehouse} connection names, started once per JVM by the first
 * test that needs it and stopped when the JVM exits. Its login role and password are the
 * connection's, and {@code pg_hba.conf} makes that role log in with its password (SCRAM),
 * so a wrong one is refused; only the superuser that sets it up is trusted.
 */
final class EmbeddedWarehouse {

	private static EmbeddedPostgres postgres;

	private EmbeddedWarehouse() {
	}

	/** Starts the database for the connection, unless it runs already. */
	static synchronized void startFor(ComputeProperties.Connection warehouse) {
		if (postgres != null) {
			return;
		}
		int port = URI.create(warehouse.url().substring("jdbc:".length())).getPort();
		try {
			postgres = EmbeddedPostgres.builder()
				.setPort(port)
				// an error never logs the statement, which would hold the password
				.setServerConfig("log_min_error_statement", "panic")
				.setDataDirectoryCustomizer(dir -> {
					try {
						Files.writeString(dir.toPath().resolve("pg_hba.conf"), """
								local all postgres trust
								host all postgres 127.0.0.1/32 trust
								host all postgres ::1/128 trust
								host all all 127.0.0.1/32 scram-sha-256
								host all all ::1/128 scram-sha-256
								""");
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				})
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("the embedded PostgreSQL did not start on port " + port
					+ " (taken? run with -Dtaggraph.test.warehouse-port=<a free port>)", ex);
		}
		try (Connection admin = postgres.getPostgresDatabase().getConnection();
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE ROLE %s LOGIN PASSWORD '%s'".formatted(warehouse.username(),
					warehouse.password().replace("'", "''")));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("setting up the warehouse role failed", ex);
		}
	}

	static int port() {
		return postgres.getPort();
	}

	/** The server's version, as its own superuser reads it. */
	static String version() {
		try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
			return admin.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
