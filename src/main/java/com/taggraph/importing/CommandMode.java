package com.taggraph.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/**
	 * Every command's name: decided before Spring starts, so the modules' command runners
	 * cannot be asked. {@code compute} is the compute module's.
	 */
	private static final Set<String> COMMANDS = Set.of("load", "generate", "imports", "resume", "rollback", "compute");

	public static boolean requested(String[] args) {
		return command(Arrays.asList(args)) != null;
	}

	/** The command: the first argument that is not an option, if it names one. */
	public static String command(List<String> raw) {
		return raw.stream().filter(a -> !a.startsWith("-")).findFirst().filter(COMMANDS::contains).orElse(null);
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
