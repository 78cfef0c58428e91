package com.taggraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded DBMS on its own (no Spring context), started over the same data directory
 * with different settings: Bolt lets in only the configured user with the current
 * password, whichever way it was chosen.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedNeo4jAuthTest {

	@TempDir
	Path dataDir;

	@TempDir
	Path otherDir;

	@Test
	void aConfiguredPasswordReplacesTheGeneratedOneAndIsNeverLogged(CapturedOutput output) {
		String generated;
		try (var server = new EmbeddedNeo4jServer(EmbeddedNeo4jProperties.local(dataDir, false, "16m"))) {
			generated = server.credentials().password();
			assertThat(generated).hasSizeGreaterThanOrEqualTo(32);
			assertThat(answers(server, server.credentials().authToken())).isTrue();
			assertRefused(server, AuthTokens.none());
			assertRefused(server, AuthTokens.basic("neo4j", "neo4j"));
			assertRefused(server, AuthTokens.basic("neo4j", generated + "x"));
		}

		String chosen = "chosen-by-the-operator-" + System.nanoTime();
		try (var server = new EmbeddedNeo4jServer(
				EmbeddedNeo4jProperties.local(dataDir, false, "16m").withPassword("neo4j", chosen))) {
			assertThat(answers(server, AuthTokens.basic("neo4j", chosen))).isTrue();
			assertRefused(server, AuthTokens.basic("neo4j", generated));
		}
		assertThat(Files.exists(dataDir.resolve(PasswordFile.NAME))).as("the outdated generated password is removed")
			.isFalse();
		assertThat(output.getOut() + output.getErr()).doesNotContain(chosen).containsOnlyOnce(generated);
	}

	@Test
	void anotherUserNameLeavesNoInitialUserBehindAndAnOpenListenAddressIsWarnedAbout(CapturedOutput output) {
		var props = new EmbeddedNeo4jProperties(true, otherDir, "0.0.0.0", 0, 0, false, "16m", "2 files", "taggraph",
				null);
		try (var server = new EmbeddedNeo4jServer(props)) {
			assertThat(server.credentials().username()).isEqualTo("taggraph");
			assertThat(answers(server, server.credentials().authToken())).isTrue();
			// Community users may do everything: the initial user with its well-known
			// password must not survive
			assertRefused(server, AuthTokens.basic("neo4j", "neo4j"));
		}
		assertThat(output.getOut()).contains("Embedded Neo4j listens on 0.0.0.0, not on loopback");
	}

	private static boolean answers(EmbeddedNeo4jServer server, AuthToken token) {
		try (var driver = GraphDatabase.driver(server.boltUri(), token); var session = driver.session()) {
			return session.run("RETURN 1 AS one").single().get("one").asInt() == 1;
		}
	}

	private static void assertRefused(EmbeddedNeo4jServer server, AuthToken token) {
		assertThatThrownBy(() -> answers(server, token)).isInstanceOf(AuthenticationException.class);
	}

}
