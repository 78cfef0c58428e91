package com.taggraph.customer.segment;

import static com.taggraph.customer.segment.SegmentApi.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

/**
 * A saved segment keeps its definition in a :Segment node; the list shows it with a live
 * count that follows assignments made after saving. A taken name or an unknown code is
 * refused and writes nothing.
 */
@TagGraphTest
class SavedSegmentTest extends SegmentIndexTest {

	private static final String SAVE = """
			mutation($name: String!, $where: SegmentWhere!) {
			  saveSegment(name: $name, where: $where) {
			    name count createdAt missingCodes where { allOf { anyOf } noneOf }
			  }
			}""";

	private static final String LIST = """
			{ segments { name count missingCodes where { allOf { anyOf } noneOf }
			             segment { customers(first: 2) { totalCount edges { node { id } } } } } }""";

	CustomerBackup backup;

	@AfterEach
	void removeTheSegments() {
		api.write("MATCH (s:Segment) WHERE s.name STARTS WITH 'SEG-TEST' DELETE s", Map.of());
		if (backup != null) {
			backup.restore();
			api.refresh();
		}
	}

	@Test
	void aSavedSegmentIsListedWithItsDefinitionAndALiveCount() {
		Map<String, Object> where = where(List.of(List.of("T0102"), List.of("C03.01")), List.of("T0405"));
		int count = api.count(where);

		var saved = api.client().query(SAVE, Map.of("name", "SEG-TEST 非居民未绑定网上国网", "where", where));

		assertThat(saved.hasErrors()).as(saved.body().toString()).isFalse();
		assertThat(saved.data("saveSegment.count").asInt()).isEqualTo(count).isPositive();
		assertThat(saved.data("saveSegment.createdAt").asString()).isNotBlank();
		assertThat(api.cypherCount("""
				MATCH (s:Segment {name: 'SEG-TEST 非居民未绑定网上国网'})
				WHERE s.definition CONTAINS 'C03.01' AND s.createdAt IS NOT NULL
				RETURN count(s)""")).isEqualTo(1);

		// a customer of the segment binds 网上国网 through the app: the saved segment loses
		// it at once
		String leaving = listed("SEG-TEST 非居民未绑定网上国网").path("segment")
			.path("customers")
			.path("edges")
			.path(0)
			.path("node")
			.path("id")
			.asString();
		backup = CustomerBackup.of(driver, List.of(leaving));
		var assigned = api.client()
			.query("mutation($id: ID!) { assignTags(customerId: $id, tagCodes: [\"T0405\"]) { id } }",
					Map.of("id", leaving));
		assertThat(assigned.hasErrors()).as(assigned.body().toString()).isFalse();

		var listed = listed("SEG-TEST 非居民未绑定网上国网");
		assertThat(listed.path("count").asInt()).isEqualTo(count - 1);
		assertThat(listed.path("segment").path("customers").path("totalCount").asInt()).isEqualTo(count - 1);
		assertThat(listed.path("segment").path("customers").path("edges").path(0).path("node").path("id").asString())
			.isNotEqualTo(leaving);
		assertThat(listed.path("where").path("allOf").path(1).path("anyOf").path(0).asString()).isEqualTo("C03.01");
		assertThat(listed.path("where").path("noneOf").path(0).asString()).isEqualTo("T0405");
		assertThat(listed.path("missingCodes")).isEmpty();
	}

	@Test
	void aTakenNameOrAnUnknownCodeIsRefusedAndWritesNothing() {
		Map<String, Object> where = where(List.of(List.of("T0101")), null);
		assertThat(api.client().query(SAVE, Map.of("name", "SEG-TEST 高压", "where", where)).hasErrors()).isFalse();
		var before = GraphSnapshot.of(driver);

		var taken = api.client()
			.query(SAVE, Map.of("name", "SEG-TEST 高压", "where", where(List.of(List.of("T0102")), null)));
		var unknown = api.client()
			.query(SAVE, Map.of("name", "SEG-TEST 未知", "where", where(List.of(List.of("T9999")), null)));
		var blank = api.client().query(SAVE, Map.of("name", "  ", "where", where));

		assertThat(taken.errorCode()).isEqualTo("DUPLICATE_CODE");
		assertThat(taken.errorMessage()).contains("SEG-TEST 高压");
		assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(unknown.errorMessage()).contains("T9999");
		assertThat(blank.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(listed("SEG-TEST 高压").path("count").asInt())
			.isEqualTo((int) api.cypherCount("MATCH (:Tag {code: 'T0101'})<-[:HAS_TAG]-(c) RETURN count(c)"));
	}

	@Test
	void deletingASavedSegment() {
		api.client().query(SAVE, Map.of("name", "SEG-TEST 删除", "where", where(null, List.of("T0101"))));

		var deleted = api.client().query("mutation { deleteSegment(name: \"SEG-TEST 删除\") }");
		var again = api.client().query("mutation { deleteSegment(name: \"SEG-TEST 删除\") }");

		assertThat(deleted.data("deleteSegment").asString()).isEqualTo("SEG-TEST 删除");
		assertThat(again.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(api.cypherCount("MATCH (s:Segment {name: 'SEG-TEST 删除'}) RETURN count(s)")).isZero();
	}

	private tools.jackson.databind.JsonNode listed(String name) {
		var reply = api.client().query(LIST);
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		for (var segment : reply.data("segments")) {
			if (segment.path("name").asString().equals(name)) {
				return segment;
			}
		}
		throw new AssertionError("segment " + name + " is not listed: " + reply.body());
	}

}
