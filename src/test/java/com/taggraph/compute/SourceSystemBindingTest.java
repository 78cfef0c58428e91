package com.taggraph.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.taggraph.ApiClient.Reply;
import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

/**
 * Issue 16 §1, the JDBC binding: a steward binds a source system to a database configured
 * under {@code taggraph.compute.connections} (here a real embedded PostgreSQL, see
 * {@link EmbeddedWarehouse}); the binding says what the database is, and the graph holds
 * only the connection's name. Unknown names and databases that cannot be reached or
 * refuse the login are refused with nothing written; viewers neither see nor change a
 * binding; and no password ever reaches an answer, the graph or the log.
 */
@TagGraphTest
@ExtendWith(OutputCaptureExtension.class)
class SourceSystemBindingTest extends ApiTest {

	/**
	 * A system of the test's own: the demo systems S1..S5 belong to the compute tests.
	 */
	private static final String SYSTEM = "JB-S";

	private static final String BIND = """
			mutation($code: ID!, $connection: String) {
			  bindSourceSystem(code: $code, connection: $connection) {
			    code binding { connection url product version checkedAt } } }""";

	private static final String READ = """
			query($code: ID!) { sourceSystem(code: $code) { code binding { connection url product version checkedAt } } }""";

	@Autowired
	ComputeProperties properties;

	/** Every answer of the test, to look for the passwords in. */
	private final List<String> answers = new ArrayList<>();

	@BeforeEach
	void warehouseAndSystem() {
		EmbeddedWarehouse.startFor(properties.connections().get("warehouse"));
		ok(client.query(
				"mutation { registerSourceSystem(input: {code: \"JB-S\", name: \"数据仓库\", kind: INTERNAL}) { code } }",
				Map.of(), "steward.li"));
	}

	@AfterEach
	void removeSystem() {
		writeEach("MATCH (s:SourceSystem) WHERE s.code STARTS WITH 'JB-' DETACH DELETE s");
	}

	@Test
	void aStewardBindsASystemToThePostgresConnectionReadsWhatItIsAndUnbindsIt(CapturedOutput output) {
		Reply bound = ok(bind(SYSTEM, "warehouse", "steward.li"));
		assertThat(bound.data("bindSourceSystem.code").asString()).isEqualTo(SYSTEM);
		assertThat(bound.data("bindSourceSystem.binding.connection").asString()).isEqualTo("warehouse");
		assertThat(bound.data("bindSourceSystem.binding.product").asString()).isEqualTo("PostgreSQL");
		assertThat(bound.data("bindSourceSystem.binding.version").asString()).isEqualTo(EmbeddedWarehouse.version())
			.matches("\\d+\\.\\d+.*");
		assertThat(bound.data("bindSourceSystem.binding.url").asString())
			.isEqualTo(properties.connections().get("warehouse").url())
			.startsWith("jdbc:postgresql://127.0.0.1:");
		assertThat(bound.data("bindSourceSystem.binding.checkedAt").asString()).isNotBlank();

		// the graph holds the name and what the database said, no URL or user
		Map<String, Object> stored = read("MATCH (s:SourceSystem {code: 'JB-S'}) RETURN properties(s) AS p").get(0);
		@SuppressWarnings("unchecked")
		Map<String, Object> system = (Map<String, Object>) stored.get("p");
		assertThat(system).containsEntry("jdbcConnection", "warehouse")
			.containsEntry("jdbcProduct", "PostgreSQL")
			.containsEntry("jdbcVersion", EmbeddedWarehouse.version())
			.containsKey("jdbcCheckedAt");
		assertThat(system.values().toString()).doesNotContain("jdbc:postgresql", "tg_reader");

		// read back as any steward would
		Reply again = ok(query(READ, Map.of("code", SYSTEM), "steward.wang"));
		assertThat(again.data("sourceSystem.binding.connection").asString()).isEqualTo("warehouse");
		assertThat(again.data("sourceSystem.binding.product").asString()).isEqualTo("PostgreSQL");

		// credentials inside the URL log in too, and are masked where it is shown
		Reply inline = ok(bind(SYSTEM, "inline", "steward.li"));
		String url = inline.data("bindSourceSystem.binding.url").asString();
		assertThat(url).isEqualTo(
				"jdbc:postgresql://127.0.0.1:%d/postgres?user=***&password=***".formatted(EmbeddedWarehouse.port()));
		assertThat(inline.data("bindSourceSystem.binding").toString()).doesNotContain("tg_reader");
		assertThat(inline.data("bindSourceSystem.binding.product").asString()).isEqualTo("PostgreSQL");

		// null unbinds: the binding and every property of it are gone
		Reply unbound = ok(bind(SYSTEM, null, "steward.li"));
		assertThat(unbound.data("bindSourceSystem.binding").isNull()).isTrue();
		assertThat(ok(query(READ, Map.of("code", SYSTEM), "steward.li")).data("sourceSystem.binding").isNull())
			.isTrue();
		assertThat(read("MATCH (s:SourceSystem {code: 'JB-S'}) RETURN [k IN keys(s) WHERE k STARTS WITH 'jdbc'] AS k")
			.get(0)
			.get("k")).asList().isEmpty();

		assertThat(output.getAll()).as("the log is captured")
			.contains("Source system JB-S bound to JDBC connection warehouse (PostgreSQL");
		assertNoPasswordAnywhere(output);

		// the graph check finds a password where there is one, in a list as well
		try {
			write("CREATE (:JbProbe {texts: ['x', 'in ' + $password]})",
					Map.of("password", properties.connections().get("warehouse").password()));
			assertThat(inTheGraph(passwords())).containsEntry("nodes", 1L);
		}
		finally {
			writeEach("MATCH (p:JbProbe) DELETE p");
		}
	}

	@Test
	void anUnknownSystemOrConnectionIsRefusedNamingItAndNothingIsWritten(CapturedOutput output) {
		Map<String, Object> before = GraphSnapshot.of(driver);
		Map<String, Object> system = systemProperties();

		Reply unknown = bind(SYSTEM, "nowhere", "steward.li");
		assertThat(unknown.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(unknown.errorMessage()).contains("'nowhere'")
			.contains("configured connections: closed, inline, warehouse, wrong")
			.doesNotContain("jdbc:", "tg_reader");
		assertThat(unknown.data("bindSourceSystem").isNull()).isTrue();

		Reply noSystem = bind("JB-NONE", "warehouse", "steward.li");
		assertThat(noSystem.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(noSystem.errorMessage()).contains("JB-NONE");

		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(systemProperties()).isEqualTo(system);
		assertNoPasswordAnywhere(output);
	}

	@Test
	void aDatabaseThatCannotBeReachedOrRefusesTheLoginIsRefusedAndTheBindingStays(CapturedOutput output) {
		ok(bind(SYSTEM, "warehouse", "steward.li"));
		Map<String, Object> before = GraphSnapshot.of(driver);
		Map<String, Object> system = systemProperties();

		Reply closed = bind(SYSTEM, "closed", "steward.li");
		assertThat(closed.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(closed.errorMessage()).startsWith("source system 'JB-S' cannot be bound to connection 'closed': ")
			.contains("refused")
			.doesNotContain("tg_reader");
		assertThat(closed.body().path("errors").path(0).path("extensions").path("subject").toString())
			.isEqualTo("[\"JB-S\"]");

		Reply wrong = bind(SYSTEM, "wrong", "steward.li");
		assertThat(wrong.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(wrong.errorMessage()).startsWith("source system 'JB-S' cannot be bound to connection 'wrong': ")
			.contains("password authentication failed")
			.doesNotContain("tg_reader");

		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(systemProperties()).as("the previous binding stays, checkedAt included").isEqualTo(system);
		assertThat(ok(query(READ, Map.of("code", SYSTEM), "steward.li")).data("sourceSystem.binding.connection")
			.asString()).isEqualTo("warehouse");
		assertThat(output.getAll()).contains("cannot be bound to connection 'closed'");
		assertNoPasswordAnywhere(output);
	}

	@Test
	void aViewerNeitherSeesNorChangesABinding(CapturedOutput output) {
		ok(bind(SYSTEM, "warehouse", "steward.li"));
		Map<String, Object> system = systemProperties();

		Reply read = query(READ, Map.of("code", SYSTEM), "viewer.sun");
		assertThat(read.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(read.data("sourceSystem.code").asString()).isEqualTo(SYSTEM);
		assertThat(read.data("sourceSystem.binding").isNull()).isTrue();
		assertThat(read.body().toString()).doesNotContain("warehouse", "PostgreSQL");

		Reply unbind = bind(SYSTEM, null, "viewer.sun");
		assertThat(unbind.errorCode()).isEqualTo("FORBIDDEN");
		Reply rebind = bind(SYSTEM, "inline", "viewer.sun");
		assertThat(rebind.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(systemProperties()).isEqualTo(system);
		assertNoPasswordAnywhere(output);
	}

	/**
	 * Relaxed binding: the environment variables an operator sets reach the same
	 * connection, and the configuration's own text masks them.
	 */
	@Test
	void connectionsComeFromTheEnvironmentAndTheirTextMasksTheCredentials() {
		var environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("TAGGRAPH_COMPUTE_CONNECTIONS_WAREHOUSE_URL", "jdbc:postgresql://db:5432/dw",
						"TAGGRAPH_COMPUTE_CONNECTIONS_WAREHOUSE_USERNAME", "env_reader",
						"TAGGRAPH_COMPUTE_CONNECTIONS_WAREHOUSE_PASSWORD", "Env-5d1c-pw"));
		ComputeProperties bound = new Binder(ConfigurationPropertySources.from(environment))
			.bind("taggraph.compute", ComputeProperties.class)
			.get();
		assertThat(bound.connections()).containsOnlyKeys("warehouse");
		assertThat(bound.connections().get("warehouse"))
			.isEqualTo(new ComputeProperties.Connection("jdbc:postgresql://db:5432/dw", "env_reader", "Env-5d1c-pw"));
		assertThat(bound.toString()).contains("jdbc:postgresql://db:5432/dw")
			.doesNotContain("env_reader", "Env-5d1c-pw");
	}

	private Reply bind(String code, String connection, String user) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("code", code);
		variables.put("connection", connection);
		return query(BIND, variables, user);
	}

	private Reply query(String query, Map<String, Object> variables, String user) {
		Reply reply = client.query(query, variables, user);
		answers.add(reply.body().toString());
		return reply;
	}

	private Map<String, Object> systemProperties() {
		return read("MATCH (s:SourceSystem {code: 'JB-S'}) RETURN properties(s) AS p").get(0);
	}

	/**
	 * No configured password in any answer of the test, in any property of any node or
	 * relationship (read over Bolt), or in the log.
	 */
	private void assertNoPasswordAnywhere(CapturedOutput output) {
		assertThat(answers).isNotEmpty();
		Set<String> passwords = passwords();
		for (String password : passwords) {
			assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(password));
			assertThat(output.getAll()).doesNotContain(password);
		}
		assertThat(inTheGraph(passwords)).containsEntry("nodes", 0L).containsEntry("relationships", 0L);
	}

	/** The configured passwords, the one written into a URL included. */
	private Set<String> passwords() {
		Set<String> passwords = new TreeSet<>();
		for (ComputeProperties.Connection connection : properties.connections().values()) {
			passwords.add(connection.password() != null ? connection.password()
					: connection.url().replaceAll(".*password=([^&]*).*", "$1"));
		}
		assertThat(passwords).hasSize(2).allSatisfy(password -> assertThat(password).hasSizeGreaterThan(8));
		return passwords;
	}

	/** Properties of nodes and of relationships whose text holds one of the passwords. */
	private Map<String, Object> inTheGraph(Set<String> passwords) {
		return read("""
				CALL () {
				  MATCH (n) UNWIND keys(n) AS key
				  WITH n[key] AS value
				  UNWIND CASE WHEN valueType(value) STARTS WITH 'LIST' THEN value ELSE [value] END AS item
				  WITH toStringOrNull(item) AS text WHERE any(password IN $passwords WHERE text CONTAINS password)
				  RETURN count(*) AS nodes
				}
				CALL () {
				  MATCH ()-[r]->() UNWIND keys(r) AS key
				  WITH r[key] AS value
				  UNWIND CASE WHEN valueType(value) STARTS WITH 'LIST' THEN value ELSE [value] END AS item
				  WITH toStringOrNull(item) AS text WHERE any(password IN $passwords WHERE text CONTAINS password)
				  RETURN count(*) AS relationships
				}
				RETURN nodes, relationships""", Map.of("passwords", List.copyOf(passwords))).get(0);
	}

	private List<Map<String, Object>> read(String cypher, Map<String, Object> parameters) {
		return BoltCypher.read(driver, cypher, parameters);
	}

}
