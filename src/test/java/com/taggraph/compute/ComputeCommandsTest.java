package com.taggraph.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.TagGraphTest;
import com.taggraph.importing.CommandMode;

/**
 * Issue 16, §4: the {@code compute} command runs the approved rules in the foreground and
 * prints each tag's line; its exit status says how it went, and a wrong command line or
 * request is refused by name without starting a run.
 */
@TagGraphTest
class ComputeCommandsTest extends ApiTest {

	@Autowired
	ComputeCommands commands;

	record Printed(int status, String text) {
	}

	Printed run(String... args) {
		var out = new ByteArrayOutputStream();
		int status = commands.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Printed(status, out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void aDryRunPrintsEachTagsLineWritesNothingAndIsListed() {
		long before = ruleCarriers("T0101");
		long assignments = count("MATCH ()-[a:HAS_TAG]->() RETURN count(a) AS n");

		Printed printed = run("compute", "--tags", "T0101,T0102", "--dry-run", "--no-progress", "--server.port=0");

		assertThat(printed.status()).as(printed.text()).isZero();
		assertThat(printed.text()).contains("dry run, nothing written", "COMPLETED");
		Matcher line = Pattern
			.compile("(?m)^T0101 +([\\d,]+) +([\\d,]+) +([\\d,]+) +([\\d,]+) +([\\d,]+) +([\\d,]+) +([\\d,]+)")
			.matcher(printed.text());
		assertThat(line.find()).as(printed.text()).isTrue();
		long matched = number(line.group(2));
		long added = number(line.group(3));
		long removed = number(line.group(4));
		long carriers = number(line.group(7));
		assertThat(matched).isPositive();
		assertThat(carriers).isEqualTo(before + added - removed);
		assertThat(printed.text()).containsPattern("(?m)^T0102 ").containsPattern("(?m)^ +sample: 33\\d{8}");
		assertThat(count("MATCH ()-[a:HAS_TAG]->() RETURN count(a) AS n")).isEqualTo(assignments);

		String id = printed.text().replaceAll("(?s).*compute run (run-[0-9a-f-]+) COMPLETED.*", "$1");
		assertThat(BoltCypher.read(driver, "MATCH (r:ComputeRun {id: $id}) RETURN r.dryRun AS dry, r.by AS by",
				Map.of("id", id)))
			.singleElement()
			.satisfies(run -> assertThat(run).containsEntry("dry", true).containsEntry("by", "command line"));
		Printed runs = run("compute", "runs");
		assertThat(runs.status()).isZero();
		// T0101 and T0102 come from one rule, their class's
		assertThat(runs.text()).containsPattern(Pattern.quote(id) + " +COMPLETED +DRY-RUN +1/1 rules");
		// a dry run wrote nothing, so there is nothing to resume or take back
		Printed resume = run("compute", "resume", id, "--no-progress");
		assertThat(resume.status()).isEqualTo(2);
		assertThat(resume.text()).contains("refused [CONFLICT]", id);
	}

	@Test
	void aRunWritesUnderItsIdAndLandsAsTheGraphQlRunsDo() {
		Printed printed = run("compute", "--tags=T0101", "--no-progress");

		assertThat(printed.status()).as(printed.text()).isZero();
		String id = printed.text().replaceAll("(?s).*compute run (run-[0-9a-f-]+) COMPLETED.*", "$1");
		assertThat(BoltCypher.read(driver, "MATCH (r:ComputeRun {id: $id}) RETURN r.state AS state, r.dryRun AS dry",
				Map.of("id", id)))
			.singleElement()
			.satisfies(run -> assertThat(run).containsEntry("state", "COMPLETED").containsEntry("dry", false));
		Matcher line = Pattern.compile("(?m)^T0101 .* ([\\d,]+) +[\\d,]+$").matcher(printed.text());
		assertThat(line.find()).as(printed.text()).isTrue();
		assertThat(ruleCarriers("T0101")).isEqualTo(number(line.group(1)));
	}

	@Test
	void aWrongCommandLineOrRequestIsRefusedByNameAndStartsNoRun() {
		long runs = count("MATCH (r:ComputeRun) RETURN count(r) AS n");

		assertThat(run("compute", "--tags", "NOPE9", "--no-progress")).satisfies(p -> {
			assertThat(p.status()).isEqualTo(2);
			assertThat(p.text()).contains("NOPE9", "has no rule");
		});
		assertThat(run("compute", "--bogus", "x")).satisfies(p -> {
			assertThat(p.status()).isEqualTo(2);
			assertThat(p.text()).contains("unknown option --bogus for compute", "usage: compute");
		});
		assertThat(run("compute", "--tags")).satisfies(p -> {
			assertThat(p.status()).isEqualTo(2);
			assertThat(p.text()).contains("option --tags needs a value");
		});
		assertThat(run("compute", "resume")).satisfies(p -> {
			assertThat(p.status()).isEqualTo(2);
			assertThat(p.text()).contains("compute resume needs exactly one run id");
		});
		assertThat(run("compute", "rollback", "run-nope")).satisfies(p -> {
			assertThat(p.status()).isEqualTo(2);
			assertThat(p.text()).contains("run-nope");
		});
		assertThat(run("compute", "frobnicate")).satisfies(p -> {
			assertThat(p.status()).isEqualTo(2);
			assertThat(p.text()).contains("unknown compute command 'frobnicate'");
		});
		assertThat(count("MATCH (r:ComputeRun) RETURN count(r) AS n")).isEqualTo(runs);
		// the app knows the command before Spring starts, so it starts without a web
		// server
		assertThat(CommandMode.requested(new String[] { "--server.port=0", "compute", "--dry-run" })).isTrue();
	}

	private long ruleCarriers(String tag) {
		return count("MATCH (:Customer)-[a:HAS_TAG {source: 'RULE'}]->(:Tag {code: $tag}) RETURN count(a) AS n",
				Map.of("tag", tag));
	}

	private long count(String cypher) {
		return count(cypher, Map.of());
	}

	private long count(String cypher, Map<String, Object> parameters) {
		return ((Number) BoltCypher.read(driver, cypher, parameters).get(0).get("n")).longValue();
	}

	private static long number(String printed) {
		return Long.parseLong(printed.replace(",", ""));
	}

}
