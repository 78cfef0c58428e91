package com.taggraph.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line as the commands read it: the command (the first argument that is not an
 * option), its options ({@code --name value}, {@code --name=value} or a bare flag) and
 * the other words after it. Spring properties ({@code --server.port=0}) may come anywhere
 * and are left to Spring.
 */
public record CommandLine(String command, Map<String, String> options, List<String> positional) {

	/**
	 * Reads {@code raw}; an option that is neither a flag nor followed by a value is
	 * refused.
	 */
	public static CommandLine parse(List<String> raw, Set<String> flags) {
		String command = CommandMode.command(raw);
		Map<String, String> options = new LinkedHashMap<>();
		List<String> positional = new ArrayList<>();
		boolean seen = false;
		for (int i = 0; i < raw.size(); i++) {
			String arg = raw.get(i);
			if (!arg.startsWith("--")) {
				if (seen) {
					positional.add(arg);
				}
				seen = true;
				continue;
			}
			String name = arg.substring(2);
			String value = null;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			if (name.contains(".")) {
				continue; // a Spring property, for Spring
			}
			if (flags.contains(name)) {
				options.put(name, "true");
				continue;
			}
			if (value == null) {
				if (i + 1 >= raw.size() || raw.get(i + 1).startsWith("--")) {
					throw new IllegalArgumentException("option --%s needs a value".formatted(name));
				}
				value = raw.get(++i);
			}
			options.put(name, value);
		}
		return new CommandLine(command, options, positional);
	}

	/** Refuses any option not among {@code allowed}, naming it. */
	public CommandLine allowing(Collection<String> allowed) {
		for (String name : options.keySet()) {
			if (!allowed.contains(name)) {
				throw new IllegalArgumentException("unknown option --%s for %s".formatted(name, command));
			}
		}
		return this;
	}

	public boolean flag(String name) {
		return options.containsKey(name);
	}

	/** The value of {@code --name} split at commas, blanks dropped; empty when absent. */
	public List<String> list(String name) {
		String value = options.get(name);
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** The one word after the command, such as an id. */
	public String onlyPositional(String what) {
		if (positional.size() != 1) {
			throw new IllegalArgumentException("%s needs exactly one %s".formatted(command, what));
		}
		return positional.get(0);
	}

}
