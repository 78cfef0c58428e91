package com.taggraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of the tests that use the running app as its clients do: the GraphQL client
 * (signed in as {@value ApiClient#TESTER}, other users through {@link #as}), the Bolt
 * driver to arrange a test or check what Neo4j holds, and the clean-up a test registers
 * with {@link #cleanUp}.
 */
public abstract class ApiTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected Driver driver;

	protected ApiClient client;

	private final List<String> cleanUps = new ArrayList<>();

	@BeforeEach
	void signIn() {
		client = ApiClient.on(port);
	}

	@AfterEach
	void runCleanUps() {
		cleanUps.forEach(cypher -> write(cypher, Map.of()));
		cleanUps.clear();
	}

	/** The client signed in as another test user. */
	protected ApiClient as(String user) {
		return client.as(user);
	}

	/** Runs {@code cypher} over Bolt after this test, to remove what it made. */
	protected void cleanUp(String cypher) {
		cleanUps.add(cypher);
	}

	/** Asserts a GraphQL answer has no errors (the tester's check) and gives it back. */
	protected static ApiClient.Reply ok(ApiClient.Reply reply) {
		return reply.ok();
	}

	/** Cypher written over Bolt beside the app, as an analyst would send it. */
	protected void write(String cypher, Map<String, Object> parameters) {
		BoltCypher.write(driver, cypher, parameters);
	}

	protected List<Map<String, Object>> read(String cypher) {
		return BoltCypher.read(driver, cypher);
	}

	/** The {@code code} column of a Cypher read over Bolt. */
	protected List<String> codesOf(String cypher) {
		return read(cypher).stream().map(r -> (String) r.get("code")).toList();
	}

}
