package com.taggraph.compute;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of tag computation.
 *
 * @param dataDir where the engine keeps its database and the demo extracts; by default
 * {@code compute} under the embedded Neo4j's data directory
 * @param schedule a cron expression (six fields, Spring's) that runs every approved rule;
 * {@code -} (the default) is off
 * @param driftShare the share a tag's carrier count may move between two runs before the
 * rule report flags it
 * @param sampleSize customer ids shown per tag by a dry run or a preview
 * @param provenanceRows source rows shown per table by {@code provenance}
 * @param maxRuleLength the longest rule text accepted, in characters
 * @param connections the JDBC databases a source system may be bound to, by name
 * ({@code taggraph.compute.connections.<name>.url}); the graph stores only the name
 */
@ConfigurationProperties("taggraph.compute")
public record ComputeProperties(Path dataDir, @DefaultValue("-") String schedule,
		@DefaultValue("0.2") double driftShare, @DefaultValue("10") int sampleSize,
		@DefaultValue("3") int provenanceRows, @DefaultValue("20000") int maxRuleLength,
		Map<String, Connection> connections) {

	public ComputeProperties {
		connections = connections == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(connections));
	}

	/**
	 * The directory to use, given the embedded Neo4j's (null with an external server).
	 */
	Path dataDir(Path neo4jDataDir) {
		Path dir = dataDir != null ? dataDir
				: neo4jDataDir != null ? neo4jDataDir.resolve("compute") : Path.of("data", "compute");
		return dir.toAbsolutePath().normalize();
	}

	/**
	 * A JDBC database, from configuration or the environment
	 * ({@code TAGGRAPH_COMPUTE_CONNECTIONS_WAREHOUSE_PASSWORD}), never from the graph.
	 *
	 * @param url its JDBC URL, e.g. {@code jdbc:postgresql://db:5432/warehouse}
	 * @param username the user to log in as; may be absent when the URL or the driver
	 * supplies it
	 * @param password that user's password
	 */
	public record Connection(String url, String username, String password) {

		/** Masked: a record's own text would put the credentials in any log line. */
		@Override
		public String toString() {
			return "Connection[url=" + CredentialMask.url(url) + ", username=" + (username == null ? null : "***")
					+ ", password=" + (password == null ? null : "***") + "]";
		}

	}

}
