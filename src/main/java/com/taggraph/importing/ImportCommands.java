package com.taggraph.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import com.taggraph.customer.BulkAssignments;
import com.taggraph.customer.CustomerGenerator;

/**
 * Commands for big files, run once the app (and its embedded database) has started, after which the
 * process exits: 0 on success, 1 when validation refused the files (the errors are printed), 2 for a
 * wrong command line, 3 when a write was interrupted or refused. Without a command the app runs as usual.
 *
 * <pre>
 * java -jar taggraph.jar load [--customers F] [--assignments G] [--dry-run] [--no-progress]
 * java -jar taggraph.jar generate --customers N --out DIR [--seed S] [--id-prefix P] [--no-progress]
 * java -jar taggraph.jar imports | resume ID | rollback ID
 * </pre>
 *
 * Spring properties ({@code --server.port=0}, {@code --taggraph.neo4j.embedded.data-dir=…}) may come anywhere.
 */
@Component
class ImportCommands implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(ImportCommands.class);
	private static final Set<String> COMMANDS = Set.of("load", "generate", "imports", "resume", "rollback");
	private static final Set<String> FLAGS = Set.of("dry-run", "no-progress");
	private static final String USAGE = """
			usage: load [--customers FILE] [--assignments FILE] [--dry-run] [--no-progress]
			       generate --customers N --out DIR [--seed S] [--id-prefix P] [--no-progress]
			       imports | resume ID | rollback ID""";

	private final BulkImportService imports;
	private final BulkAssignments bulk;
	private final ConfigurableApplicationContext context;

	ImportCommands(BulkImportService imports, BulkAssignments bulk, ConfigurableApplicationContext context) {
		this.imports = imports;
		this.bulk = bulk;
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

	/** The command: the first argument that is not an option, if it names one. */
	static String command(List<String> raw) {
		return raw.stream().filter(a -> !a.startsWith("-")).findFirst().filter(COMMANDS::contains).orElse(null);
	}

	private record Line(String command, Map<String, String> options, List<String> positional) {
	}

	/** Runs a command line; the exit status. */
	int execute(List<String> raw, PrintStream out) {
		Line line;
		try {
			line = parse(raw);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println(USAGE);
			return 2;
		}
		ImportProgress progress = line.options().containsKey("no-progress") ? ImportProgress.NONE : new ProgressBars();
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

	private static Line parse(List<String> raw) {
		String command = command(raw);
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
			if (FLAGS.contains(name)) {
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
		Set<String> allowed = switch (command) {
			case "load" -> Set.of("customers", "assignments", "dry-run", "no-progress");
			case "generate" -> Set.of("customers", "out", "seed", "id-prefix", "no-progress");
			default -> Set.of("no-progress");
		};
		for (String name : options.keySet()) {
			if (!allowed.contains(name)) {
				throw new IllegalArgumentException("unknown option --%s for %s".formatted(name, command));
			}
		}
		return new Line(command, options, positional);
	}

	// ---- load -------------------------------------------------------------------------------

	private int load(Line line, PrintStream out, ImportProgress progress) {
		List<ImportFile> files = new ArrayList<>();
		addFile(files, line.options().get("customers"), FileKind.CUSTOMERS);
		addFile(files, line.options().get("assignments"), FileKind.ASSIGNMENTS);
		if (files.isEmpty()) {
			throw new IllegalArgumentException("load needs --customers FILE, --assignments FILE or both");
		}
		boolean dryRun = line.options().containsKey("dry-run");
		ImportReport report = imports.importFiles(files, dryRun, "load", progress, false);
		print(report, out);
		if (report.committed() || (dryRun && report.errors().isEmpty())) {
			return 0;
		}
		return ImportRun.RUNNING.equals(report.status()) ? 3 : 1;
	}

	private static void addFile(List<ImportFile> files, String name, FileKind kind) {
		if (name == null) {
			return;
		}
		Path path = Path.of(name);
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new IllegalArgumentException("cannot read %s file %s".formatted(kind.name().toLowerCase(), name));
		}
		files.add(new ImportFile(kind, path, name));
	}

	private int resume(Line line, PrintStream out, ImportProgress progress) {
		ImportReport report = imports.resume(onlyId(line), progress);
		print(report, out);
		return report.committed() ? 0 : ImportRun.RUNNING.equals(report.status()) ? 3 : 1;
	}

	private int rollback(Line line, PrintStream out) {
		var result = imports.rollback(onlyId(line));
		out.printf("import %s %s: deleted %,d assignments and %,d customers in %,d ms%n", result.importId(),
				result.status(), result.deletedAssignments(), result.deletedCustomers(), result.millis());
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

	private static String onlyId(Line line) {
		if (line.positional().size() != 1) {
			throw new IllegalArgumentException("%s needs exactly one import id".formatted(line.command()));
		}
		return line.positional().get(0);
	}

	private static void print(ImportReport report, PrintStream out) {
		printCounts("customers", report.customers(), out);
		printCounts("assignments", report.assignments(), out);
		double writeSeconds = report.writeMillis() / 1000.0;
		out.printf("validate %.1f s, write %.1f s%s; %s%n", report.validateMillis() / 1000.0, writeSeconds,
				report.writeMillis() > 0 ? " (%,.0f rows/s)".formatted(report.rowsWritten() / Math.max(0.001, writeSeconds)) : "",
				report.dryRun() ? "dry run, nothing written"
						: report.committed() ? "import %s COMPLETE".formatted(report.importId())
								: report.importId() != null ? "import %s INCOMPLETE".formatted(report.importId())
										: "nothing written");
		if (!report.errors().isEmpty()) {
			out.printf("%,d error%s:%n", report.errorCount(), report.errorCount() == 1 ? "" : "s");
			for (ImportProblem p : report.errors()) {
				out.printf("  %s%s [%s]%s %s%n", p.file() == null ? "" : p.file().toLowerCase() + ".csv",
						p.line() > 0 ? ":" + p.line() : "", p.kind(), p.field() == null ? "" : " " + p.field() + ":",
						p.message());
			}
		}
	}

	private static void printCounts(String what, ImportReport.Counts counts, PrintStream out) {
		if (counts != null) {
			out.printf("%s: %,d rows, %,d created, %,d updated, %,d unchanged%n", what, counts.rows(), counts.created(),
					counts.updated(), counts.unchanged());
		}
	}

	// ---- generate ---------------------------------------------------------------------------

	private int generate(Line line, PrintStream out, ImportProgress progress) {
		long count = number(line, "customers", null);
		long seed = number(line, "seed", 1L);
		String dir = line.options().get("out");
		if (dir == null) {
			throw new IllegalArgumentException("generate needs --out DIR");
		}
		String prefix = line.options().getOrDefault("id-prefix", "");
		long[] assignments = { 0 };
		long started = System.nanoTime();
		try {
			generate(Path.of(dir), count, seed, prefix, progress, assignments);
		}
		catch (IOException | UncheckedIOException ex) {
			out.println("cannot write into %s: %s".formatted(dir, ex.getMessage()));
			return 3;
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		out.printf("generated %,d customers and %,d assignments into %s in %.1f s%n", count, assignments[0], dir, seconds);
		return 0;
	}

	/** Streams generated customers to {@code customers.csv} and their tags to {@code assignments.csv}. */
	void generate(Path dir, long count, long seed, String idPrefix, ImportProgress progress, long[] assignments)
			throws IOException {
		if (!ImportColumns.CUSTOMER_ID.matcher(idPrefix + "3300000000").matches() && !idPrefix.isEmpty()) {
			throw new IllegalArgumentException("--id-prefix '%s' does not make valid account numbers".formatted(idPrefix));
		}
		Files.createDirectories(dir);
		CustomerGenerator generator = bulk.generator(seed);
		progress.start("generate", count);
		try (Writer customers = writer(dir.resolve("customers.csv"));
				Writer tags = writer(dir.resolve("assignments.csv"))) {
			tags.write("customerId,tagCode\n");
			List<String> attributes = new ArrayList<>();
			long[] n = { 0 };
			generator.generate(count, seed, customer -> {
				try {
					if (n[0]++ == 0) {
						attributes.addAll(customer.attributes().keySet());
						customers.write("id,name");
						for (String key : attributes) {
							customers.write(',');
							customers.write(key);
						}
						customers.write('\n');
					}
					String id = idPrefix + customer.id();
					customers.write(id);
					customers.write(',');
					customers.write(csv(customer.name()));
					for (String key : attributes) {
						customers.write(',');
						Object value = customer.attributes().get(key);
						customers.write(value == null ? "" : csv(value.toString()));
					}
					customers.write('\n');
					for (String tag : customer.tags()) {
						tags.write(id);
						tags.write(',');
						tags.write(tag);
						tags.write('\n');
					}
					assignments[0] += customer.tags().size();
					if (n[0] % 1024 == 0) {
						progress.step(1024);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			if (count == 0) {
				customers.write("id,name\n");
			}
		}
		finally {
			progress.finish();
		}
		log.info("Generated %d customers with %d assignments into %s".formatted(count, assignments[0], dir));
	}

	private static Writer writer(Path file) throws IOException {
		return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
	}

	private static String csv(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	private static long number(Line line, String option, Long fallback) {
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
