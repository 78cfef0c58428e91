package com.taggraph.graph;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

/**
 * The user and password of the embedded DBMS, as the app's driver and any Bolt or HTTP
 * client present them.
 */
public record Neo4jCredentials(String username, String password) {

	public AuthToken authToken() {
		return AuthTokens.basic(username, password);
	}

	/** {@code Authorization} header value for Neo4j's HTTP API. */
	public String basicAuthorization() {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "Neo4jCredentials[username=" + username + ", password=****]";
	}
}
