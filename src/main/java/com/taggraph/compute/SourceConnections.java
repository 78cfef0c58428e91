package com.taggraph.compute;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.stereotype.Component;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.error.InputRules;

/**
 * The JDBC databases a source system can be bound to: configured under
 * {@code taggraph.compute.connections} (or the environment), named in the graph, their
 * URL, user and password never stored there. Every text that leaves this class (a URL
 * shown, a driver's message) has the credentials masked.
 */
@Component
class SourceConnections {

	/**
	 * How long a check waits for a login, in seconds: a steward's bind must not hang on a
	 * database that does not answer.
	 */
	static final int LOGIN_TIMEOUT_SECONDS = 5;

	/** What a database said it is when it was checked. */
	record Database(String product, String version) {
	}

	private final Map<String, ComputeProperties.Connection> connections;

	SourceConnections(ComputeProperties properties) {
		this.connections = properties.connections();
	}

	/**
	 * The configured names, in order: the only part of the configuration a client sees.
	 */
	List<String> names() {
		return List.copyOf(connections.keySet());
	}

	/**
	 * The configured URL of a connection, credentials masked; null when not configured.
	 */
	String maskedUrl(String name) {
		ComputeProperties.Connection connection = connections.get(name);
		return connection == null ? null : CredentialMask.masked(connection.url(), connection);
	}

	/**
	 * Logs in to the named database and reads what it is. INVALID_INPUT, naming the
	 * system and the connection, for a name not configured (listing the names that are)
	 * and for a database that cannot be reached or refuses the login (with the driver's
	 * message, masked).
	 */
	Database check(String systemCode, String name) {
		ComputeProperties.Connection connection = connections.get(name);
		if (connection == null) {
			throw new DomainException(ErrorCode.INVALID_INPUT,
					"connection '%s' is not configured; configured connections: %s".formatted(shown(name),
							connections.isEmpty() ? "none (taggraph.compute.connections.<name>.url)"
									: String.join(", ", connections.keySet())),
					Map.of("field", "connection", "subject", systemCode));
		}
		if (connection.url() == null || connection.url().isBlank()) {
			throw refusal(systemCode, name, "taggraph.compute.connections.%s.url is not set".formatted(name));
		}
		Properties login = new Properties();
		if (connection.username() != null) {
			login.setProperty("user", connection.username());
		}
		if (connection.password() != null) {
			login.setProperty("password", connection.password());
		}
		// JDBC's own login timeout, which the PostgreSQL driver (like most) honours; it
		// is
		// process-wide, and the in-process DuckDB ignores it
		DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
		try (Connection open = DriverManager.getConnection(connection.url(), login)) {
			DatabaseMetaData metaData = open.getMetaData();
			return new Database(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
		}
		catch (SQLException | RuntimeException ex) {
			throw refusal(systemCode, name, CredentialMask.masked(String.valueOf(ex.getMessage()), connection));
		}
	}

	private static DomainException refusal(String systemCode, String name, String why) {
		return new DomainException(ErrorCode.INVALID_INPUT,
				"source system '%s' cannot be bound to connection '%s': %s".formatted(systemCode, name, why),
				Map.of("field", "connection", "subject", systemCode));
	}

	/** A name as typed, cut short when it is longer than any code. */
	private static String shown(String name) {
		return name.length() > InputRules.MAX_CODE ? name.substring(0, 20) + "…" : name;
	}

}
