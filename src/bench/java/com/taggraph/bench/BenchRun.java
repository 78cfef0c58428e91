package com.taggraph.bench;

import java.util.HashMap;
import java.util.Map;

/** What the benchmark programs share around their run: argument pairs and the exit status. */
final class BenchRun {

	/** A benchmark's body; anything it throws fails the run. */
	interface Body {

		void run() throws Throwable;

	}

	private BenchRun() {
	}

	/** {@code --name value} pairs, without the dashes. */
	static Map<String, String> pairs(String[] argv) {
		Map<String, String> args = new HashMap<>();
		for (int i = 0; i + 1 < argv.length; i += 2) {
			args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
		}
		return args;
	}

	/**
	 * Runs the body and exits with 0, or 1 when it failed: Neo4j and Tomcat leave non-daemon
	 * threads behind, and the benchmark is done either way.
	 */
	static void exitAfter(Body body) {
		int status = 0;
		try {
			body.run();
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

}
