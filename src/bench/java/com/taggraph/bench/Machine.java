package com.taggraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The machine a benchmark ran on, as Linux describes it under /proc and /etc. */
final class Machine {

	private Machine() {
	}

	/**
	 * The head of a report's machine table in Markdown, one row a line: CPU, memory and Java;
	 * a benchmark adds its own rows below.
	 */
	static List<String> factRows() {
		return List.of("| Fact | Value |", "|---|---|",
				"| CPU | %s, %d cores (nproc) |".formatted(cpuModel(), Runtime.getRuntime().availableProcessors()),
				"| Memory | %s total |".formatted(memTotal()),
				"| Java | %s %s (%s), max heap %d MiB |".formatted(System.getProperty("java.vm.name"),
						System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
						Runtime.getRuntime().maxMemory() / (1024 * 1024)));
	}

	/** The 1, 5 and 15 minute load averages, separated by spaces; empty where unknown. */
	static Optional<String> loadAverage() {
		return readLines("/proc/loadavg").stream()
			.findFirst()
			.map(l -> String.join(" ", Arrays.asList(l.split(" ")).subList(0, 3)));
	}

	static String cpuModel() {
		return readLines("/proc/cpuinfo").stream()
			.filter(l -> l.startsWith("model name"))
			.map(l -> l.substring(l.indexOf(':') + 1).strip())
			.findFirst()
			.orElse("unknown CPU");
	}

	static String memTotal() {
		return readLines("/proc/meminfo").stream()
			.filter(l -> l.startsWith("MemTotal:"))
			.map(l -> Long.parseLong(l.replaceAll("\\D", "")))
			.map(kb -> "%.1f GiB (%,d kB)".formatted(kb / 1024.0 / 1024.0, kb))
			.findFirst()
			.orElse("unknown");
	}

	static String osRelease() {
		return readLines("/etc/os-release").stream()
			.filter(l -> l.startsWith("PRETTY_NAME="))
			.map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", ""))
			.findFirst()
			.orElse("unknown OS");
	}

	private static List<String> readLines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
