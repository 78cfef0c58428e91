package com.taggraph.taxonomy;

import static com.taggraph.ApiClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.taggraph.ApiTest;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

/**
 * Editing the hierarchy through GraphQL mutations; every refused edit leaves the graph as
 * it was.
 */
@TagGraphTest
class HierarchyEditingTest extends ApiTest {

	@Test
	void createUpdateMoveAndDeleteAClassWithItsSubtree() {
		ok(client.query("""
				mutation {
				  a: createTagClass(input: {code: "ED-A", name: "编辑测试", criterion: "测试", exclusive: true}) { code }
				  b: createTagClass(input: {code: "ED-B", name: "下位类", parentCode: "ED-A", criterion: "细分"}) { code }
				  c: createTagClass(input: {code: "ED-C", name: "再下位", parentCode: "ED-B"}) { code level }
				}"""));

		var updated = ok(client.query("""
				mutation { updateTagClass(code: "ED-B", input: {name: "改名后", exclusive: true, scope: "F4.A1"}) {
				  name criterion exclusive exhaustive scope } }"""));
		assertThat(updated.data("updateTagClass.name").asString()).isEqualTo("改名后");
		assertThat(updated.data("updateTagClass.exclusive").asBoolean()).isTrue();
		assertThat(updated.data("updateTagClass.scope").asString()).isEqualTo("F4.A1");

		var moved = ok(client.query("""
				mutation { moveTagClass(code: "ED-B", newParentCode: "C07.02.01") { level broader { code } } }"""));
		assertThat(moved.data("moveTagClass.broader.code").asString()).isEqualTo("C07.02.01");
		var chain = ok(client.query("{ tagClass(code: \"ED-C\") { level classChain { code } } }"));
		assertThat(codes(chain.data("tagClass.classChain"))).containsExactly("C07", "C07.02", "C07.02.01", "ED-B",
				"ED-C");
		assertThat(chain.data("tagClass.level").asInt()).isEqualTo(5);

		var toRoot = ok(client
			.query("mutation { moveTagClass(code: \"ED-B\", newParentCode: null) { level broader { code } } }"));
		assertThat(toRoot.data("moveTagClass.level").asInt()).isEqualTo(1);
		assertThat(toRoot.data("moveTagClass.broader").isNull()).isTrue();

		ok(client.query(
				"mutation { c: deleteTagClass(code: \"ED-C\") b: deleteTagClass(code: \"ED-B\") a: deleteTagClass(code: \"ED-A\") }"));
		assertThat(client.query("{ tagClass(code: \"ED-B\") { code } }").data("tagClass").isNull()).isTrue();
	}

	@Test
	void createMoveUpdateAndDeleteATag() {
		var created = ok(client.query("""
				mutation { createTag(input: {code: "ED-T1", name: "测试标签", classCode: "C01.04", rule: "TRADE_CODE=44"}) {
				  code status tagClass { code } classChain { code } } }"""));
		assertThat(created.data("createTag.status").asString()).isEqualTo("DRAFT");
		assertThat(codes(created.data("createTag.classChain"))).containsExactly("C01", "C01.04");

		var moved = ok(client
			.query("mutation { moveTag(code: \"ED-T1\", classCode: \"C07.02.01\") { classChain { code } } }"));
		assertThat(codes(moved.data("moveTag.classChain"))).containsExactly("C07", "C07.02", "C07.02.01");
		var inClass = ok(client
			.query("{ tagClass(code: \"C07.02\") { tags { code } deep: tags(includeDescendants: true) { code } } }"));
		assertThat(codes(inClass.data("tagClass.deep"))).contains("ED-T1");
		assertThat(codes(inClass.data("tagClass.tags"))).doesNotContain("ED-T1");

		var updated = ok(client.query("mutation { updateTag(code: \"ED-T1\", input: {name: \"新名称\"}) { name rule } }"));
		assertThat(updated.data("updateTag.name").asString()).isEqualTo("新名称");
		assertThat(updated.data("updateTag.rule").asString()).isEqualTo("TRADE_CODE=44");

		assertThat(ok(client.query("mutation { deleteTag(code: \"ED-T1\") }")).data("deleteTag").asString())
			.isEqualTo("ED-T1");
		assertThat(client.query("{ tag(code: \"ED-T1\") { code } }").data("tag").isNull()).isTrue();
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					mutation { createTagClass(input: {code: "T0101", name: "与标签同码"}) { code } } | DUPLICATE_CODE | T0101
					mutation { createTag(input: {code: "C01", name: "与类同码", classCode: "C01.01"}) { code } } | DUPLICATE_CODE | C01
					mutation { createTag(input: {code: "ED-X", name: "无类", classCode: "NOPE"}) { code } } | NOT_FOUND | NOPE
					mutation { createTagClass(input: {code: "ED X", name: "空格"}) { code } } | INVALID_INPUT | ED X
					mutation { createTagClass(input: {code: "ED-Y", name: "  "}) { code } } | INVALID_INPUT | name
					mutation { updateTagClass(code: "NOPE", input: {name: "x"}) { code } } | NOT_FOUND | NOPE
					mutation { moveTagClass(code: "C07", newParentCode: "C07") { code } } | CYCLE | C07
					mutation { moveTagClass(code: "C07", newParentCode: "C07.02.01") { code } } | CYCLE | C07.02.01
					mutation { moveTagClass(code: "C07", newParentCode: "NOPE") { code } } | NOT_FOUND | NOPE
					mutation { moveTag(code: "T0101", classCode: "NOPE") { code } } | NOT_FOUND | NOPE
					mutation { deleteTag(code: "T0309") } | NOT_EMPTY | T0315
					mutation { deleteTagClass(code: "NOPE") } | NOT_FOUND | NOPE
					{ tagClass(code: "C07") { descendants(maxDepth: 0) { code } } } | INVALID_INPUT | maxDepth
					{ searchTags(text: "光伏", first: 0) { code } } | INVALID_INPUT | first
					{ searchTags(text: " ") { code } } | INVALID_INPUT | text
					""")
	void everyRefusalNamesTheProblemAndChangesNothing(String operation, String code, String named) {
		Map<String, Object> before = GraphSnapshot.of(driver);

		refused(operation, code, named);

		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
	}

	@Test
	void searchFindsTagsByCodePrefixOrName() {
		var reply = ok(client.query(
				"{ byName: searchTags(text: \"光伏\") { code } byCode: searchTags(text: \"t070\", first: 2) { code } exact: searchTags(text: \"T0101\") { code name } }"));

		assertThat(codes(reply.data("byName"))).containsExactly("T0703", "T0704", "T0705");
		assertThat(codes(reply.data("byCode"))).containsExactly("T0701", "T0702");
		assertThat(codes(reply.data("exact")).get(0)).isEqualTo("T0101");
	}

	@Test
	void descendantsComeInTreeOrderDownToMaxDepth() {
		var reply = ok(client.query(
				"{ tagClass(code: \"C07\") { one: descendants(maxDepth: 1) { code } all: descendants { code level } } }"));

		assertThat(codes(reply.data("tagClass.one"))).containsExactly("C07.01", "C07.02", "C07.03", "C07.04", "C07.05");
		assertThat(codes(reply.data("tagClass.all"))).containsExactly("C07.01", "C07.02", "C07.02.01", "C07.02.02",
				"C07.03", "C07.04", "C07.05");
		assertThat(reply.data("tagClass.all.2.level").asInt()).isEqualTo(3);
	}

	private void refused(String operation, String code, String named) {
		var reply = client.query(operation);
		assertThat(reply.errorCode()).as(operation + " → " + reply.body()).isEqualTo(code);
		assertThat(reply.errorMessage()).as(operation).contains(named);
	}

}
