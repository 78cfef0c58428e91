package com.taggraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.configuration.connectors.ConnectorType;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded DBMS as an outside Bolt client sees it: only with the credentials, on
 * loopback, the whole demo library, the schema, nothing twice.
 */
@TagGraphTest
class EmbeddedNeo4jTest extends ApiTest {

	@Autowired
	EmbeddedNeo4jServer server;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JsonMapper json;

	@Autowired
	List<DemoLibraryPart> parts;

	@Value("classpath:demo/tag-library.json")
	Resource library;

	@Value("classpath:cypher/schema.cypher")
	Resource schema;

	@Test
	void anOutsideBoltClientSeesTheWholeDemoLibrary() {
		try (Driver outside = GraphDatabase.driver(server.boltUri(), server.credentials().authToken());
				var session = outside.session()) {
			Map<String, Object> counts = session
				.run("""
						RETURN COUNT { (:TagClass) } AS classes, COUNT { (:TagClass)-[:BROADER]->(:TagClass) } AS broader,
						       COUNT { (:Tag) } AS tags, COUNT { (:Tag)-[:IN_CLASS]->(:TagClass) } AS inClass,
						       COUNT { (:Facet) } AS facets, COUNT { (:FacetValue)-[:OF_FACET]->(:Facet) } AS facetValues,
						       COUNT { (:Tag)-[:HAS_FACET_VALUE]->(:FacetValue) } AS tagFacetValues,
						       COUNT { (:SourceSystem) } AS systems,
						       COUNT { (:SourceTable)-[:IN_SYSTEM]->(:SourceSystem) } AS tables,
						       COUNT { (:SourceField)-[:IN_TABLE]->(:SourceTable) } AS fields,
						       COUNT { (:Tag)-[:DECLARED_FROM]->(:SourceField) } AS fromFields,
						       COUNT { (:Tag)-[:DECLARED_FROM]->(:Tag) } AS fromTags,
						       COUNT { (:Tag)-[d:DERIVED_FROM]->() WHERE d.origin <> 'RULE' OR d.origin IS NULL } AS notFromRule,
						       COUNT { (t:Tag) WHERE NOT EXISTS { (t)-[:DERIVED_FROM]->() } } AS withoutLineage""")
				.single()
				.asMap();

			assertThat(counts).containsAllEntriesOf(Map.of("classes", 66L, "broader", 58L, "tags", 127L, "inClass",
					127L, "facets", 10L, "tagFacetValues", 127L * 8, "systems", 5L));
			// the file's lineage is the declared one, kept beside the lineage every demo
			// tag's rule gives it
			assertThat(counts).containsAllEntriesOf(expectedFromFile());
			assertThat(counts).containsEntry("notFromRule", 0L).containsEntry("withoutLineage", 0L);
		}
	}

	@Test
	void boltRefusesAClientWithoutCredentials() {
		try (Driver anonymous = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
			assertThatThrownBy(anonymous::verifyConnectivity).isInstanceOf(AuthenticationException.class)
				.hasMessageContaining("only allowed when auth is disabled");
		}
	}

	@Test
	void boltAndHttpListenOnLoopbackByDefault() {
		assertThat(server.boundAddress(ConnectorType.BOLT).getAddress().isLoopbackAddress()).isTrue();
		assertThat(EmbeddedNeo4jServer.loopback("127.0.0.1")).isTrue();
		assertThat(EmbeddedNeo4jServer.loopback("0.0.0.0")).isFalse();
		// the default when nothing is configured, for Bolt and HTTP alike (both bind to
		// listenAddress)
		new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
			.run(context -> assertThat(context.getBean(EmbeddedNeo4jProperties.class).listenAddress())
				.isEqualTo("127.0.0.1"));
	}

	@org.springframework.boot.context.properties.EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
	static class PropertiesOnly {

	}

	@Test
	void everyLookupKeyIsConstrainedAndReapplyingTheSchemaChangesNothing() {
		List<String> before = constraintsAndIndexes();

		new GraphSchema(neo4j, schema).apply();

		assertThat(constraintsAndIndexes()).isEqualTo(before);
		assertThat(before).contains("tag_class_code", "tag_code", "tag_constraint_code", "facet_code",
				"facet_value_code", "source_system_code", "source_table_code", "source_field_code", "tag_name_text");
	}

	@Test
	void theDemoLibraryIsNeverLoadedOverExistingData() {
		long nodes = nodeCount();

		boolean loaded = new DemoLibraryLoader(neo4j, new TransactionTemplate(transactions), json, parts)
			.loadIfEmpty(library);

		assertThat(loaded).isFalse();
		assertThat(nodeCount()).isEqualTo(nodes);
	}

	@Test
	void schemaScriptsSplitOnStatementEndsNotOnSemicolonsInsideText() {
		assertThat(GraphSchema.statements("""
				// a comment; with a semicolon
				CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.code IS UNIQUE;
				CREATE INDEX b IF NOT EXISTS
				  FOR (n:B) ON (n.name);
				""")).containsExactly("CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.code IS UNIQUE",
				"CREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.name)");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> expectedFromFile() {
		Map<String, Object> data = json.readValue(readLibrary(), Map.class);
		var systems = (List<Map<String, Object>>) data.get("sourceSystems");
		var tags = (List<Map<String, Object>>) data.get("tags");
		long tables = systems.stream().mapToLong(s -> ((List<?>) s.get("tables")).size()).sum();
		long fields = systems.stream()
			.flatMap(s -> ((List<Map<String, Object>>) s.get("tables")).stream())
			.mapToLong(t -> ((List<?>) t.get("fields")).size())
			.sum();
		long fromTags = tags.stream()
			.flatMap(t -> ((List<Map<String, Object>>) t.get("derivedFrom")).stream())
			.filter(d -> d.containsKey("tag"))
			.count();
		long fromFields = tags.stream()
			.flatMap(t -> ((List<Map<String, Object>>) t.get("derivedFrom")).stream())
			.filter(d -> d.containsKey("field"))
			.count();
		long facetValues = ((List<Map<String, Object>>) data.get("facets")).stream()
			.mapToLong(f -> ((List<?>) f.get("values")).size()
					+ ((List<Map<String, Object>>) f.getOrDefault("subFacets", List.of())).stream()
						.mapToLong(sub -> ((List<?>) sub.get("values")).size())
						.sum())
			.sum();
		return Map.of("tables", tables, "fields", fields, "fromTags", fromTags, "fromFields", fromFields, "facetValues",
				facetValues);
	}

	private byte[] readLibrary() {
		try (var in = library.getInputStream()) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> constraintsAndIndexes() {
		return List
			.copyOf(neo4j.query("SHOW INDEXES YIELD name RETURN name ORDER BY name").fetchAs(String.class).all());
	}

	private long nodeCount() {
		return neo4j.query("MATCH (n) RETURN count(n)").fetchAs(Long.class).one().orElseThrow();
	}

}
