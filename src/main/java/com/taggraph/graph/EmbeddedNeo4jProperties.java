package com.taggraph.graph;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Neo4j DBMS that runs inside the app when no external server is
 * configured.
 *
 * @param enabled start the embedded DBMS; off when {@code spring.neo4j.uri} points
 * elsewhere
 * @param dataDir the DBMS home: store files, transaction logs and Neo4j's own logs
 * @param listenAddress the interface Bolt and HTTP bind to; loopback by default, anything
 * else is logged as a warning
 * @param boltPort Bolt port, 0 for a free one
 * @param httpPort port of Neo4j's HTTP API and Browser, 0 for a free one
 * @param httpEnabled serve Neo4j's HTTP API and Browser
 * @param pageCache Neo4j page cache size, e.g. {@code 256m}
 * @param txLogRetention how many transaction logs to keep, in Neo4j's retention syntax
 * @param username the DBMS user the app (and analysts) log in as
 * @param password that user's password; blank means one generated on the first start of
 * the data directory and kept in {@link PasswordFile} there
 */
@ConfigurationProperties("taggraph.neo4j.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("true") boolean enabled, @DefaultValue("./data") Path dataDir,
		@DefaultValue("127.0.0.1") String listenAddress, @DefaultValue("7687") int boltPort,
		@DefaultValue("7474") int httpPort, @DefaultValue("true") boolean httpEnabled,
		@DefaultValue("256m") String pageCache, @DefaultValue("2 files") String txLogRetention,
		@DefaultValue("neo4j") String username, String password) {

	/**
	 * Loopback only, the generated password: what tests and benchmarks start beside the
	 * app.
	 */
	public static EmbeddedNeo4jProperties local(Path dataDir, boolean httpEnabled, String pageCache) {
		return new EmbeddedNeo4jProperties(true, dataDir, "127.0.0.1", 0, 0, httpEnabled, pageCache, "2 files", "neo4j",
				null);
	}

	public EmbeddedNeo4jProperties withPassword(String username, String password) {
		return new EmbeddedNeo4jProperties(enabled, dataDir, listenAddress, boltPort, httpPort, httpEnabled, pageCache,
				txLogRetention, username, password);
	}

	/**
	 * A record's generated toString would print a configured password into any log that
	 * shows the settings.
	 */
	@Override
	public String toString() {
		return "EmbeddedNeo4jProperties[dataDir=%s, listenAddress=%s, boltPort=%d, httpPort=%d, httpEnabled=%s, username=%s, password=%s]"
			.formatted(dataDir, listenAddress, boltPort, httpPort, httpEnabled, username,
					password == null || password.isBlank() ? "(generated)" : "(configured)");
	}
}
