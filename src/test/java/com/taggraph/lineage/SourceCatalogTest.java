package com.taggraph.lineage;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.GraphSnapshot;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The source catalogue over GraphQL (system → table → field, and the tags derived from
 * each) and the declaration of derivations with their rules. Writes use their own codes
 * (SX…, TLN…), removed afterwards.
 */
@TagGraphTest
class SourceCatalogTest extends ApiTest {

	@AfterEach
	void cleanUp() {
		BoltCypher.write(driver, """
				MATCH (n) WHERE (n:SourceSystem OR n:SourceTable OR n:SourceField) AND n.code STARTS WITH 'SX'
				   OR n:Tag AND n.code STARTS WITH 'TLN'
				DETACH DELETE n""", Map.of());
	}

	@Test
	void theDemoCatalogueIsServedWithTheTagsDerivedFromEachSourceInABoundedNumberOfStatements() throws Exception {
		StatementCounter.reset();
		var reply = ok(client.query("""
				{ sourceSystems { code name kind tags { code }
				    tables { code tableName name system { code } tags { code }
				             fields { code name table { code } tags { code } } } } }"""));
		// one per level and nested field, whatever the catalogue's size: systems, tables,
		// fields, the
		// system of each table, the table of each field, and two (codes, then tags) per
		// tags field
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(11);

		JsonNode library;
		try (InputStream in = getClass().getResourceAsStream("/demo/tag-library.json")) {
			library = JsonMapper.builder().build().readTree(in);
		}
		JsonNode systems = reply.data("sourceSystems");
		assertThat(codes(systems)).containsExactly("S1", "S2", "S3", "S4", "S5");
		for (int i = 0; i < systems.size(); i++) {
			JsonNode system = systems.get(i);
			JsonNode expected = library.path("sourceSystems").get(i);
			assertThat(system.path("kind").asString()).isEqualTo(expected.path("kind").asString());
			List<String> tables = new ArrayList<>();
			expected.path("tables")
				.forEach(t -> tables.add(expected.path("code").asString() + "." + t.path("code").asString()));
			assertThat(codes(system.path("tables"))).containsExactlyInAnyOrderElementsOf(tables);
			for (JsonNode table : system.path("tables")) {
				assertThat(table.path("system").path("code").asString()).isEqualTo(system.path("code").asString());
				for (JsonNode field : table.path("fields")) {
					assertThat(field.path("table").path("code").asString()).isEqualTo(table.path("code").asString());
					assertThat(codes(field.path("tags"))).containsExactlyElementsOf(
							strings("""
									MATCH (t:Tag)-[:DERIVED_FROM]->(:SourceField {code: $code}) RETURN t.code ORDER BY t.code""",
									field.path("code").asString()));
				}
			}
			assertThat(codes(system.path("tags"))).containsExactlyElementsOf(
					strings("""
							MATCH (t:Tag)-[:DERIVED_FROM]->(:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem {code: $code})
							RETURN DISTINCT t.code ORDER BY t.code""",
							system.path("code").asString()));
		}

		// a tag's direct derivations: the credit rating comes from other tags
		var credit = ok(
				client.query("{ tag(code: \"T0315\") { derivedFromFields { code } derivedFromTags { code } } }"));
		assertThat(codes(credit.data("tag.derivedFromTags"))).containsExactlyElementsOf(
				strings("MATCH (:Tag {code: $code})-[:DERIVED_FROM]->(u:Tag) RETURN u.code ORDER BY u.code", "T0315"));
		assertThat(client.query("{ sourceSystem(code: \"NOPE\") { code } }").data("sourceSystem").isNull()).isTrue();
	}

	@Test
	void systemsTablesAndFieldsAreRegisteredRenamedAndRefusedWithClearErrors() {
		ok(client.query(
				"mutation { registerSourceSystem(input: {code: \"SX1\", name: \"工商登记\", kind: EXTERNAL}) { code } }"));
		ok(client
			.query("mutation { registerSourceTable(systemCode: \"SX1\", tableName: \"T_A\", name: \"甲表\") { code } }"));
		ok(client.query("mutation { registerSourceTable(systemCode: \"SX1\", tableName: \"T_B\") { code } }"));
		// one field name in two tables: two fields
		var a = ok(client.query(
				"mutation { registerSourceField(tableCode: \"SX1.T_A\", fieldName: \"CONS_NO\") { code table { code system { kind } } } }"));
		var b = ok(client
			.query("mutation { registerSourceField(tableCode: \"SX1.T_B\", fieldName: \"CONS_NO\") { code } }"));
		assertThat(a.data("registerSourceField.code").asString()).isEqualTo("SX1.T_A.CONS_NO");
		assertThat(a.data("registerSourceField.table.system.kind").asString()).isEqualTo("EXTERNAL");
		assertThat(b.data("registerSourceField.code").asString()).isEqualTo("SX1.T_B.CONS_NO");

		var renamed = ok(client.query("""
				mutation { updateSourceSystem(code: "SX1", name: "企业信用信息", kind: EXTERNAL) { name }
				           updateSourceTable(code: "SX1.T_B", name: "乙表") { name }
				           updateSourceField(code: "SX1.T_A.CONS_NO", description: "户号") { description } }"""));
		assertThat(renamed.data("updateSourceSystem.name").asString()).isEqualTo("企业信用信息");
		assertThat(renamed.data("updateSourceTable.name").asString()).isEqualTo("乙表");
		assertThat(renamed.data("updateSourceField.description").asString()).isEqualTo("户号");

		var before = GraphSnapshot.of(driver);
		refused(client
			.query("mutation { registerSourceSystem(input: {code: \"S1\", name: \"重复\", kind: INTERNAL}) { code } }"),
				"DUPLICATE_CODE", "S1");
		refused(client
			.query("mutation { registerSourceField(tableCode: \"SX1.T_A\", fieldName: \"CONS_NO\") { code } }"),
				"DUPLICATE_CODE", "SX1.T_A.CONS_NO");
		refused(client.query("mutation { registerSourceTable(systemCode: \"SX9\", tableName: \"T\") { code } }"),
				"NOT_FOUND", "SX9");
		refused(client.query("mutation { registerSourceField(tableCode: \"SX1.T_A\", fieldName: \"A.B\") { code } }"),
				"INVALID_INPUT", "fieldName");
		refused(client
			.query("mutation { registerSourceSystem(input: {code: \"SX2\", name: \" \", kind: INTERNAL}) { code } }"),
				"INVALID_INPUT", "name");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void derivationsAreDeclaredAndRemovedAndACycleIsRefusedWithItsPath() {
		ok(client.query(
				"mutation { registerSourceSystem(input: {code: \"SX3\", name: \"测试系统\", kind: INTERNAL}) { code } }"));
		ok(client.query("mutation { registerSourceTable(systemCode: \"SX3\", tableName: \"T\") { code } }"));
		ok(client.query("mutation { registerSourceField(tableCode: \"SX3.T\", fieldName: \"F\") { code } }"));
		for (String code : List.of("TLN1", "TLN2", "TLN3")) {
			ok(client
				.query("mutation { createTag(input: {code: \"%s\", name: \"测试%s\", classCode: \"C07.05\"}) { code } }"
					.formatted(code, code)));
		}
		// TLN3 ← TLN2 ← TLN1 ← SX3.T.F
		var derived = ok(client
			.query("""
					mutation { a: deriveTag(tagCode: "TLN1", fromFields: ["SX3.T.F"], transform: "直接取值") { derivedFromFields { code } }
					           b: deriveTag(tagCode: "TLN2", fromTags: ["TLN1"]) { derivedFromTags { code } }
					           c: deriveTag(tagCode: "TLN3", fromTags: ["TLN2"], fromFields: ["S1.C_CONS.CONS_SORT_CODE"]) { code } }"""));
		assertThat(codes(derived.data("a.derivedFromFields"))).containsExactly("SX3.T.F");
		assertThat(codes(derived.data("b.derivedFromTags"))).containsExactly("TLN1");
		assertThat(codes(
				ok(client.query("{ sourceField(code: \"SX3.T.F\") { tags { code } } }")).data("sourceField.tags")))
			.containsExactly("TLN1");
		assertThat(BoltCypher.read(driver, "MATCH (:Tag {code: 'TLN1'})-[d:DERIVED_FROM]->() RETURN d.transform AS t"))
			.containsExactly(Map.of("t", "直接取值"));

		var before = GraphSnapshot.of(driver);
		var cycle = client.query("mutation { deriveTag(tagCode: \"TLN1\", fromTags: [\"TLN3\"]) { code } }");
		refused(cycle, "CYCLE", "TLN3");
		assertThat(cycle.errorMessage()).contains("TLN1", "TLN2");
		refused(client.query("mutation { deriveTag(tagCode: \"TLN1\", fromTags: [\"TLN1\"]) { code } }"), "CYCLE",
				"itself");
		refused(client.query("mutation { deriveTag(tagCode: \"TLN1\", fromFields: [\"SX3.T.NOPE\"]) { code } }"),
				"NOT_FOUND", "SX3.T.NOPE");
		refused(client.query("mutation { deriveTag(tagCode: \"TLN9\", fromFields: [\"SX3.T.F\"]) { code } }"),
				"NOT_FOUND", "TLN9");
		refused(client.query("mutation { deriveTag(tagCode: \"TLN1\") { code } }"), "INVALID_INPUT", "fromFields");
		refused(client.query("mutation { removeDerivation(tagCode: \"TLN1\", fromCode: \"TLN3\") { code } }"),
				"NOT_FOUND", "TLN3");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);

		ok(client.query("mutation { removeDerivation(tagCode: \"TLN2\", fromCode: \"TLN1\") { code } }"));
		// with the chain broken, the derivation that was a cycle is allowed
		ok(client.query("mutation { deriveTag(tagCode: \"TLN1\", fromTags: [\"TLN3\"]) { code } }"));
		assertThat(codes(
				ok(client.query("{ tag(code: \"TLN1\") { derivedFromTags { code } } }")).data("tag.derivedFromTags")))
			.containsExactly("TLN3");
	}

	private List<String> strings(String cypher, String code) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, Map.of("code", code)).list(r -> r.get(0).asString()));
		}
	}

	private static void refused(ApiClient.Reply reply, String code, String named) {
		assertThat(reply.errorCode()).as(reply.body().toString()).isEqualTo(code);
		assertThat(reply.errorMessage()).contains(named);
	}

}
