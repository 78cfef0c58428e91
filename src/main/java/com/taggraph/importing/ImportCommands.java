package com.taggraph.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Commands for big files, run once the app (and its embedded database) has started, after
 * which the process exits: 0 on success, 1 when validation refused the files (the errors
 * are printed), 2 for a wrong command line, 3 when a write was interrupted or refused.
 * Without a command the app runs as usual.
 *
 * <pre>
 * java -jar taggraph.jar load [--customers F] [--assignments G] [--dry-run] [--no-progress]
 * java -jar taggraph.jar generate --customers N --out DIR [--seed S] [--id-prefix P] [--no-progress]
 * java -jar taggraph.jar imports | resume ID | rollback ID
 * </pre>
 *
 * Spring properties ({@code --server.port=0},
 * {@code --taggraph.neo4j.embedded.data-dir=…}) may come anywhere.
 */
@Component
class ImportCommands implements ApplicationRunner {

	private static final Set<String> COMMANDS = Set.of("load", "generate", "imports", "resume", "rollback");

	private static final Set<String> FLAGS = Set.of("dry-run", "no-progress");

	private static final String USAGE = """
			usage: load [--customers FILE] [--assignments FILE] [--dry-run] [--no-progress]
			       generate --customers N --out DIR [--seed S] [--id-prefix P] [--no-progress]
			       imports | resume ID | rollback ID""";

	private final BulkImportService imports;

	private final BulkImportTarget target;

	private final ImportFileGenerator generator;

	private final ConfigurableApplicationContext context;

	ImportCommands(BulkImportService imports, BulkImportTarget target, ImportFileGenerator generator,
			ConfigurableApplicationContext context) {
		this.imports = imports;
		this.target = target;
		this.generator = generator;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> raw = List.of(args.getSourceArgs());
		if (command(raw) == null) {
			return;
		}
		int code = execute(raw, System.out);
		System.out.flush();
		System.exit(SpringApplication.exit(context, () -> code));
	}

	/** The command, if it is one of these. */
	static String command(List<String> raw) {
		String command = CommandMode.command(raw);
		return command != null && COMMANDS.contains(command) ? command : null;
	}

	/** Runs a command line; the exit status. */
	int execute(List<String> raw, PrintStream out) {
		CommandLine line;
		try {
			line = parse(raw);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println(USAGE);
			return 2;
		}
		ImportProgress progress = line.flag("no-progress") ? ImportProgress.NONE : new ProgressBars();
		try {
			return switch (line.command()) {
				case "load" -> load(line, out, progress);
				case "generate" -> generate(line, out, progress);
				case "imports" -> list(out);
				case "resume" -> resume(line, out, progress);
				case "rollback" -> rollback(line, out);
				default -> 2;
			};
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println(USAGE);
			return 2;
		}
		catch (ImportRefusal ex) {
			out.println("refused: " + ex.getMessage());
			return 3;
		}
	}

	private CommandLine parse(List<String> raw) {
		CommandLine line = CommandLine.parse(raw, FLAGS);
		String command = line.command();
		Set<String> allowed = new java.util.HashSet<>(Set.of("no-progress"));
		switch (command) {
			case "load" -> {
				target.fileKinds().forEach(kind -> allowed.add(option(kind)));
				allowed.add("dry-run");
			}
			case "generate" -> allowed.addAll(Set.of(option(target.fileKinds().get(0)), "out", "seed", "id-prefix"));
			default -> {
			}
		}
		return line.allowing(allowed);
	}

	// ---- load
	// -------------------------------------------------------------------------------

	private int load(CommandLine line, PrintStream out, ImportProgress progress) {
		List<ImportFile> files = new ArrayList<>();
		target.fileKinds().forEach(kind -> addFile(files, line.options().get(option(kind)), kind));
		if (files.isEmpty()) {
			throw new IllegalArgumentException("load needs "
					+ String.join(", ",
							target.fileKinds().stream().map(kind -> "--%s FILE".formatted(option(kind))).toList())
					+ " or several");
		}
		boolean dryRun = line.flag("dry-run");
		ImportOutcome outcome = imports.importFiles(files, dryRun, "load", progress, false);
		print(outcome, out);
		if (outcome.committed() || (dryRun && outcome.problems().isEmpty())) {
			return 0;
		}
		return ImportRun.RUNNING.equals(outcome.run().status()) ? 3 : 1;
	}

	private static void addFile(List<ImportFile> files, String name, String kind) {
		if (name == null) {
			return;
		}
		Path path = Path.of(name);
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new IllegalArgumentException("cannot read %s file %s".formatted(option(kind), name));
		}
		files.add(new ImportFile(kind, path, name));
	}

	/** The command-line option of a file kind: CUSTOMERS is {@code --customers}. */
	private static String option(String kind) {
		return kind.toLowerCase(java.util.Locale.ROOT);
	}

	private int resume(CommandLine line, PrintStream out, ImportProgress progress) {
		ImportOutcome outcome = imports.resume(onlyId(line), progress);
		print(outcome, out);
		return outcome.committed() ? 0 : ImportRun.RUNNING.equals(outcome.run().status()) ? 3 : 1;
	}

	private int rollback(CommandLine line, PrintStream out) {
		var result = imports.rollback(onlyId(line));
		out.printf("import %s %s: deleted %s in %,d ms%n", result.importId(), result.status(), result.summary("%,d"),
				result.millis());
		return 0;
	}

	private int list(PrintStream out) {
		List<ImportRun> runs = imports.runs();
		if (runs.isEmpty()) {
			out.println("no import runs");
		}
		for (ImportRun run : runs) {
			out.printf("%s  %-11s %-11s%s  %,d/%,d rows  %s  %s%n", run.id(), run.kind(), run.status(),
					run.incomplete() ? " INCOMPLETE" : "", run.rowsWritten(), run.rows(), run.startedAt(),
					String.join(",", run.files()));
		}
		return 0;
	}

	private static String onlyId(CommandLine line) {
		return line.onlyPositional("import id");
	}

	private static void print(ImportOutcome outcome, PrintStream out) {
		ImportOutcome.Run run = outcome.run();
		run.files().forEach((kind, counts) -> printCounts(option(kind), counts, out));
		double writeSeconds = run.writeMillis() / 1000.0;
		out.printf("validate %.1f s, write %.1f s%s; %s%n", run.validateMillis() / 1000.0, writeSeconds,
				run.writeMillis() > 0 ? " (%,.0f rows/s)".formatted(run.rowsWritten() / Math.max(0.001, writeSeconds))
						: "",
				outcome.dryRun() ? "dry run, nothing written"
						: outcome.committed() ? "import %s COMPLETE".formatted(run.importId()) : run.importId() != null
								? "import %s INCOMPLETE".formatted(run.importId()) : "nothing written");
		if (!outcome.problems().isEmpty()) {
			out.printf("%,d error%s:%n", outcome.problemCount(), outcome.problemCount() == 1 ? "" : "s");
			for (ImportProblem p : outcome.problems()) {
				out.printf("  %s%s [%s]%s %s%n", p.file() == null ? "" : option(p.file()) + ".csv",
						p.line() != null ? ":" + p.line() : "", p.kind(),
						p.field() == null ? "" : " " + p.field() + ":", p.message());
			}
		}
	}

	private static void printCounts(String what, ImportOutcome.Counts counts, PrintStream out) {
		if (counts != null) {
			out.printf("%s: %,d rows, %,d created, %,d updated, %,d unchanged%n", what, counts.rows(), counts.created(),
					counts.updated(), counts.unchanged());
		}
	}

	// ---- generate
	// ---------------------------------------------------------------------------

	private int generate(CommandLine line, PrintStream out, ImportProgress progress) {
		long count = number(line, option(target.fileKinds().get(0)), null);
		long seed = number(line, "seed", 1L);
		String dir = line.options().get("out");
		if (dir == null) {
			throw new IllegalArgumentException("generate needs --out DIR");
		}
		String prefix = line.options().getOrDefault("id-prefix", "");
		long started = System.nanoTime();
		Map<String, Long> written;
		try {
			written = generate(Path.of(dir), count, seed, prefix, progress);
		}
		catch (IOException | UncheckedIOException ex) {
			out.println("cannot write into %s: %s".formatted(dir, ex.getMessage()));
			return 3;
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		out.printf("generated %s into %s in %.1f s%n", String.join(" and ",
				written.entrySet().stream().map(e -> "%,d %s".formatted(e.getValue(), option(e.getKey()))).toList()),
				dir, seconds);
		return 0;
	}

	/**
	 * Writes generated files for a load into {@code dir}; the rows of each, by file kind.
	 */
	Map<String, Long> generate(Path dir, long count, long seed, String idPrefix, ImportProgress progress)
			throws IOException {
		return generator.generate(dir, count, seed, idPrefix, progress);
	}

	private static long number(CommandLine line, String option, Long fallback) {
		String value = line.options().get(option);
		if (value == null) {
			if (fallback == null) {
				throw new IllegalArgumentException("%s needs --%s".formatted(line.command(), option));
			}
			return fallback;
		}
		try {
			long n = Long.parseLong(value.replace("_", ""));
			if (n < 0) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--%s must be a number, got '%s'".formatted(option, value));
		}
	}

}
