package com.taggraph.compute;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import com.taggraph.error.DomainException;
import com.taggraph.importing.CommandLine;
import com.taggraph.importing.CommandMode;
import com.taggraph.importing.ImportProgress;
import com.taggraph.importing.ProgressBars;

/**
 * The {@code compute} command: a run of the approved rules from the command line, in the
 * foreground with a progress bar per phase, then the process exits: 0 when the run
 * completed with no class refused, 1 when it completed with refusals, 2 for a wrong
 * command line or request, 3 when the run failed. Like {@code load}, it is for whoever
 * runs the service and owns its data directory: stop the service first.
 *
 * <pre>
 * java -jar taggraph.jar compute [--tags T1,T2] [--classes C1] [--dry-run] [--no-progress]
 * java -jar taggraph.jar compute runs | resume ID | rollback ID
 * </pre>
 */
@Component
class ComputeCommands implements ApplicationRunner {

	static final String COMMAND = "compute";

	private static final Set<String> FLAGS = Set.of("dry-run", "no-progress");

	private static final String USAGE = """
			usage: compute [--tags T1,T2] [--classes C1,C2] [--dry-run] [--no-progress]
			       compute runs | resume ID | rollback ID""";

	private final ComputeService compute;

	private final ConfigurableApplicationContext context;

	ComputeCommands(ComputeService compute, ConfigurableApplicationContext context) {
		this.compute = compute;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> raw = List.of(args.getSourceArgs());
		if (!COMMAND.equals(CommandMode.command(raw))) {
			return;
		}
		int code = execute(raw, System.out);
		System.out.flush();
		System.exit(SpringApplication.exit(context, () -> code));
	}

	/** Runs a command line; the exit status. */
	int execute(List<String> raw, PrintStream out) {
		try {
			CommandLine line = CommandLine.parse(raw, FLAGS);
			ImportProgress progress = line.flag("no-progress") ? ImportProgress.NONE : new ProgressBars();
			String verb = line.positional().isEmpty() ? "run" : line.positional().get(0);
			return switch (verb) {
				case "run" -> print(compute.runHere("run-",
						line.allowing(Set.of("tags", "classes", "dry-run", "no-progress")).list("tags"),
						line.list("classes"), line.flag("dry-run"), "command line", progress), out);
				case "runs" -> list(line.allowing(Set.of()), out);
				case "resume" -> print(compute.resumeHere(id(line), progress), out);
				case "rollback" -> {
					ComputeRun run = compute.rollback(id(line));
					out.printf("compute run %s %s%n", run.id(), run.state());
					yield 0;
				}
				default -> throw new IllegalArgumentException("unknown compute command '%s'".formatted(verb));
			};
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println(USAGE);
			return 2;
		}
		catch (DomainException ex) {
			out.printf("refused [%s]: %s%n", ex.code(), ex.getMessage());
			return 2;
		}
	}

	private static String id(CommandLine line) {
		if (line.positional().size() != 2) {
			throw new IllegalArgumentException(
					"compute %s needs exactly one run id".formatted(line.positional().get(0)));
		}
		line.allowing(Set.of("no-progress"));
		return line.positional().get(1);
	}

	private int list(CommandLine line, PrintStream out) {
		List<ComputeRun> runs = compute.latest(50);
		if (runs.isEmpty()) {
			out.println("no compute runs");
		}
		for (ComputeRun run : runs) {
			out.printf("%s  %-11s%s  %d/%d rules  %,d written  %s  by %s%n", run.id(), run.state(),
					run.dryRun() ? " DRY-RUN" : "", run.tagsDone(), run.tagsTotal(), run.assignmentsWritten(),
					run.startedAt(), run.by());
		}
		return 0;
	}

	private static int print(ComputeRun run, PrintStream out) {
		out.printf("%-8s %9s %9s %8s %8s %8s %10s %9s %8s%n", "tag", "rows read", "matched", "added", "removed",
				"changed", "unchanged", "carriers", "ms");
		for (TagRunStat tag : run.tags()) {
			out.printf("%-8s %,9d %,9d %,8d %,8d %,8d %,10d %,9d %,8d%n", tag.tag(), tag.rowsRead(),
					tag.customersMatched(), tag.added(), tag.removed(), tag.changed(), tag.unchanged(), tag.carriers(),
					tag.millis());
			if (!tag.sample().isEmpty()) {
				out.printf("         sample: %s%n", String.join(" ", tag.sample()));
			}
		}
		for (ClassRefusal refusal : run.refused()) {
			out.printf("refused %s [%s]: %s; %,d customers, e.g. %s%n", refusal.classCode(), refusal.check(),
					refusal.message(), refusal.customers(), String.join(" ", refusal.sample()));
		}
		out.printf("compute run %s %s%s: %d rules, %,d assignments written%s%n", run.id(), run.state(),
				run.dryRun() ? " (dry run, nothing written)" : "", run.tagsTotal(), run.assignmentsWritten(),
				run.error() == null ? "" : "; " + run.error());
		if (!ComputeRun.COMPLETED.equals(run.state())) {
			return 3;
		}
		return run.refused().isEmpty() ? 0 : 1;
	}

}
