package com.taggraph.compute;

import java.nio.file.Path;

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
 */
@ConfigurationProperties("taggraph.compute")
public record ComputeProperties(Path dataDir, @DefaultValue("-") String schedule,
		@DefaultValue("0.2") double driftShare, @DefaultValue("10") int sampleSize,
		@DefaultValue("3") int provenanceRows, @DefaultValue("20000") int maxRuleLength) {

	/**
	 * The directory to use, given the embedded Neo4j's (null with an external server).
	 */
	Path dataDir(Path neo4jDataDir) {
		Path dir = dataDir != null ? dataDir
				: neo4jDataDir != null ? neo4jDataDir.resolve("compute") : Path.of("data", "compute");
		return dir.toAbsolutePath().normalize();
	}

}
