package com.taggraph.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk imports land as drafts: {@code status=APPROVED} is for admins only, and a
 * steward's import never changes a class, tag or facet in review or in force (it is
 * refused whole, naming each).
 */
@TagGraphTest
class LifecycleImportTest extends ApiTest {

	private static final String SCHEME = """
			code,parent,name,criterion
			LC-IMP,,导入根,按测试
			LC-IMP.1,LC-IMP,导入一,
			""";

	final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void cleanUp() {
		writeEach("MATCH (p:PendingChange) WHERE p.code STARTS WITH 'LC-IMP' DETACH DELETE p",
				"MATCH (n:TagClass) WHERE n.code STARTS WITH 'LC-IMP' DETACH DELETE n");
	}

	@Test
	void aStewardsSchemeImportLandsAsDraftsAndIsRefusedWhereItWouldChangeAnApprovedClass() {
		// drafts are changed by a later import directly
		importAndRename(false, "steward.li", "steward.wang", "导入一改", "DRAFT");

		// once approved, a steward's import may not change it: refused whole, naming the
		// class and its line
		String id = ok(client.query("mutation { submitForReview(kind: TAG_CLASS, code: \"LC-IMP.1\") { id } }",
				Map.of(), "steward.li"))
			.data("submitForReview.id")
			.asString();
		ok(client.query("mutation($id: ID!) { approveChange(id: $id) { id } }", Map.of("id", id), "reviewer.chen"));
		Map<String, Object> before = GraphSnapshot.of(driver);
		HttpResponse<String> refused = post("/api/import/tag-classes",
				SCHEME.replace("导入一", "再改") + "LC-IMP.2,LC-IMP,导入二,\n", "text/csv", "steward.wang");

		assertThat(refused.statusCode()).isEqualTo(422);
		JsonNode error = json.readTree(refused.body()).path("problems").path(0);
		assertThat(error.path("code").asString()).isEqualTo("LC-IMP.1");
		assertThat(error.path("line").asInt()).isEqualTo(3);
		assertThat(error.path("field").asString()).isEqualTo("status");
		assertThat(error.path("message").asString()).contains("APPROVED", "status=APPROVED");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(name("LC-IMP.1")).isEqualTo("导入一改");

		// the same file without the change goes through: unchanged approved classes are
		// no obstacle
		importScheme(false, SCHEME.replace("导入一", "导入一改") + "LC-IMP.2,LC-IMP,导入二,\n", "steward.wang");
		assertThat(statuses("LC-IMP.1", "LC-IMP.2")).containsExactly("APPROVED", "DRAFT");
	}

	@Test
	void onlyAnAdminImportsStraightToApproved() {
		Map<String, Object> before = GraphSnapshot.of(driver);

		HttpResponse<String> scheme = post("/api/import/tag-classes?status=APPROVED", SCHEME, "text/csv", "steward.li");
		HttpResponse<String> skos = post("/api/import/skos?status=APPROVED",
				"<urn:lc:c> a <http://www.w3.org/2004/02/skos/core#Concept> .", "text/turtle", "reviewer.chen");
		HttpResponse<String> lineage = post("/api/import/lineage?status=APPROVED", "tag,fromTag\nT0315,T0307\n",
				"text/csv", "steward.li");
		HttpResponse<String> bogus = post("/api/import/tag-classes?status=LIVE", SCHEME, "text/csv", "steward.li");

		for (HttpResponse<String> reply : List.of(scheme, skos, lineage)) {
			assertThat(reply.statusCode()).as(reply.body()).isEqualTo(403);
			assertThat(reply.body()).contains("ADMIN", "status=APPROVED");
		}
		assertThat(scheme.body()).contains("steward.li");
		assertThat(bogus.statusCode()).isEqualTo(400);
		assertThat(bogus.body()).contains("DRAFT", "APPROVED", "LIVE");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void aStewardsSkosImportMayNotChangeAnApprovedDemoClass() {
		Map<String, Object> before = GraphSnapshot.of(driver);

		// the class keeps its criterion (a division without one is refused first, as a
		// structural rule)
		Object criterion = BoltCypher.read(driver, "MATCH (c:TagClass {code: 'C01'}) RETURN c.criterion AS criterion")
			.get(0)
			.get("criterion");
		HttpResponse<String> refused = post("/api/import/skos", """
				@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
				<urn:lc:c01> a skos:Concept ; skos:notation "C01" ; skos:prefLabel "改名"@zh ; skos:scopeNote "%s"@zh .
				""".formatted(criterion), "text/turtle", "steward.li");

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("C01", "APPROVED", "status=APPROVED");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void anAdminsApprovedImportCreatesAndChangesApprovedClasses() {
		importAndRename(true, "admin2", "admin2", "管理员改", "APPROVED");
		assertThat(status("LC-IMP.1")).isEqualTo("APPROVED");
	}

	// ---- helpers
	// ------------------------------------------------------------------------------

	/** A POST signed in (HTTP Basic) as the test user. */
	private HttpResponse<String> post(String path, String body, String contentType, String user) {
		return client.as(user)
			.raw(HttpRequest.newBuilder()
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.header("Content-Type", contentType)
				.header("Accept", "application/json"), path);
	}

	/**
	 * Imports the scheme as the user, both classes landing with the status, then imports
	 * it again as the second user with LC-IMP.1 renamed, which renames it.
	 */
	private void importAndRename(boolean approved, String user, String secondUser, String newName, String status) {
		importScheme(approved, SCHEME, user);
		assertThat(statuses("LC-IMP", "LC-IMP.1")).containsExactly(status, status);
		importScheme(approved, SCHEME.replace("导入一", newName), secondUser);
		assertThat(name("LC-IMP.1")).isEqualTo(newName);
	}

	/** Imports the class scheme as the user, as drafts or approved; it goes through. */
	private void importScheme(boolean approved, String csv, String user) {
		HttpResponse<String> imported = post("/api/import/tag-classes" + (approved ? "?status=APPROVED" : ""), csv,
				"text/csv", user);
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
	}

	private String status(String code) {
		return ok(client.query("query($c: ID!) { tagClass(code: $c) { status } }", Map.of("c", code)))
			.data("tagClass.status")
			.asString();
	}

	private List<String> statuses(String... codes) {
		return Stream.of(codes).map(this::status).toList();
	}

	private String name(String code) {
		return ok(client.query("query($c: ID!) { tagClass(code: $c) { name } }", Map.of("c", code)))
			.data("tagClass.name")
			.asString();
	}

}
