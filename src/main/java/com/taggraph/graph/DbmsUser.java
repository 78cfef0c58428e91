package com.taggraph.graph;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Makes the embedded DBMS's user match the app's configuration at every start: created
 * (or the initial {@code neo4j} user renamed) if missing, its password set when it
 * differs. The configuration (or the password file) is the source of truth, so a password
 * changed in Browser is set back at the next start. The initial user with its well-known
 * password {@code neo4j} is never left behind: in Community Edition every user may do
 * everything.
 */
final class DbmsUser {

	private static final Log log = LogFactory.getLog(DbmsUser.class);

	private final GraphDatabaseAPI system;

	private final AuthManager auth;

	DbmsUser(GraphDatabaseAPI system) {
		this.system = system;
		this.auth = system.getDependencyResolver().resolveDependency(AuthManager.class);
	}

	void ensure(Neo4jCredentials credentials) {
		String user = credentials.username();
		List<String> users = users();
		boolean initialUserUntouched = users.contains(AuthManager.INITIAL_USER_NAME)
				&& login(AuthManager.INITIAL_USER_NAME,
						AuthManager.INITIAL_PASSWORD) == AuthenticationResult.PASSWORD_CHANGE_REQUIRED;
		if (!users.contains(user)) {
			if (initialUserUntouched) {
				run("RENAME USER $from TO $to", Map.of("from", AuthManager.INITIAL_USER_NAME, "to", user), user);
				initialUserUntouched = false;
			}
			else {
				run("CREATE USER $user SET PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("user", user, "password", credentials.password()), user);
				log.info("Created Neo4j user '%s'".formatted(user));
			}
		}
		switch (login(user, credentials.password())) {
			case SUCCESS -> {
			}
			// the right password, but Neo4j would only let the user change it
			case PASSWORD_CHANGE_REQUIRED ->
				run("ALTER USER $user SET PASSWORD CHANGE NOT REQUIRED", Map.of("user", user), user);
			default -> {
				run("ALTER USER $user SET PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("user", user, "password", credentials.password()), user);
				log.info("Set the password of Neo4j user '%s' to the configured one".formatted(user));
			}
		}
		if (initialUserUntouched && !user.equals(AuthManager.INITIAL_USER_NAME)) {
			run("DROP USER $user", Map.of("user", AuthManager.INITIAL_USER_NAME), AuthManager.INITIAL_USER_NAME);
			log.info("Dropped Neo4j's initial user 'neo4j', which still had its well-known password");
		}
	}

	private List<String> users() {
		return system.executeTransactionally("SHOW USERS YIELD user RETURN user", Map.of(),
				result -> result.stream().map(row -> (String) row.get("user")).toList());
	}

	private AuthenticationResult login(String user, String password) {
		try {
			return auth.login(AuthToken.newBasicAuthToken(user, password), ClientConnectionInfo.EMBEDDED_CONNECTION)
				.subject()
				.getAuthenticationResult();
		}
		catch (InvalidAuthTokenException ex) {
			return AuthenticationResult.FAILURE;
		}
	}

	/**
	 * The statement may carry the password, so the failure names the user and Neo4j's
	 * reason only.
	 */
	private void run(String cypher, Map<String, Object> parameters, String user) {
		try {
			system.executeTransactionally(cypher, parameters);
		}
		catch (QueryExecutionException ex) {
			throw new IllegalStateException("Cannot set up Neo4j user '%s': %s".formatted(user, ex.getMessage()), ex);
		}
	}

}
