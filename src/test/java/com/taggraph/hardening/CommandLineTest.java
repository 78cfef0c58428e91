package com.taggraph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commands as an operator runs them: the app's own main in a JVM of its own, on a
 * data directory, started without a web server, exiting with the command's status. (A
 * command's logic is tested in the Spring context; this checks the app starts at all in
 * command mode, which the security configuration once kept it from doing.)
 */
class CommandLineTest {

	static Path dir;

	static ChildApp app;

	@BeforeAll
	static void directory() throws Exception {
		dir = Files.createTempDirectory("taggraph-cli");
		app = new ChildApp(dir);
	}

	@AfterAll
	static void cleanUp() throws Exception {
		ChildApp.deleteTree(dir);
	}

	record Ran(int status, String printed) {
	}

	Ran run(String... args) throws Exception {
		ChildApp.Child child = app.start(args);
		assertThat(child.process().waitFor(6, TimeUnit.MINUTES)).as("the command exited").isTrue();
		return new Ran(child.process().exitValue(), Files.readString(child.log()));
	}

	@Test
	void computeAndImportCommandsStartWithoutAWebServerAndExitWithTheirStatus() throws Exception {
		Ran runs = run("compute", "runs");
		assertThat(runs.status()).as(runs.printed()).isZero();
		assertThat(runs.printed()).contains("no compute runs").doesNotContain("Tomcat started", "Jetty started");

		// the command-line database has the demo library but no customers or rules
		Ran unknown = run("compute", "--tags", "T0101", "--no-progress");
		assertThat(unknown.status()).as(unknown.printed()).isEqualTo(2);
		assertThat(unknown.printed()).contains("tag 'T0101' cannot be computed: it has no rule");

		Ran all = run("compute", "--no-progress");
		assertThat(all.status()).as(all.printed()).isZero();
		assertThat(all.printed()).containsPattern("compute run run-[0-9a-f-]+ COMPLETED: 0 rules");

		Ran imports = run("imports");
		assertThat(imports.status()).as(imports.printed()).isZero();
		assertThat(imports.printed()).contains("no import runs");
	}

}
