package com.taggraph.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the app starts when its arguments name a command ({@code load}, {@code generate},
 * …): the command needs the database and nothing a user talks to, so there is no web
 * server and no Neo4j HTTP server, and no demo customers are generated into an empty
 * database before a load. Each default yields to the same property given on the command
 * line.
 */
public final class CommandMode {

	private static final Map<String, String> DEFAULTS = Map.of("taggraph.neo4j.embedded.http-enabled", "false",
			"taggraph.demo.customers", "0");

	private CommandMode() {
	}

	public static boolean requested(String[] args) {
		return ImportCommands.command(Arrays.asList(args)) != null;
	}

	/**
	 * The arguments with the command defaults added for every property they do not set.
	 */
	public static String[] withDefaults(String[] args) {
		List<String> result = new ArrayList<>();
		DEFAULTS.forEach((property, value) -> {
			if (Arrays.stream(args).noneMatch(a -> a.equals("--" + property) || a.startsWith("--" + property + "="))) {
				result.add("--" + property + "=" + value);
			}
		});
		result.addAll(Arrays.asList(args));
		return result.toArray(String[]::new);
	}

}
