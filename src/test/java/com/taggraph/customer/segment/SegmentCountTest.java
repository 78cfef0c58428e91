package com.taggraph.customer.segment;

import static com.taggraph.customer.segment.SegmentApi.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.taggraph.TagGraphTest;

/**
 * Given the 10,000 demo customers, a segment's count equals what a hand-written Cypher
 * count over Bolt finds on the same database, for AND, OR, NOT and class codes; so do the
 * per-tag and per-class customer counts and a segment's tag distribution.
 */
@TagGraphTest
class SegmentCountTest extends SegmentIndexTest {

	/** Carrying a tag, or any tag in a class or below it, in Cypher. */
	private static String tag(String code) {
		return "EXISTS { (c)-[:HAS_TAG]->(:Tag {code: '%s'}) }".formatted(code);
	}

	private static String inClass(String code) {
		return "EXISTS { (c)-[:HAS_TAG]->(:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(:TagClass {code: '%s'}) }"
			.formatted(code);
	}

	private static String withValue(String code) {
		return "EXISTS { (c)-[:HAS_TAG]->(:Tag)-[:HAS_FACET_VALUE]->(:FacetValue {code: '%s'}) }".formatted(code);
	}

	@Test
	void countsOfAndOrNotAndClassCombinationsEqualCypherCounts() {
		record Case(Map<String, Object> where, String cypherCondition) {
		}
		List<Case> cases = List.of(
				// AND of three tags
				new Case(where(List.of(List.of("T0103"), List.of("T0301"), List.of("T0405")), null),
						tag("T0103") + " AND " + tag("T0301") + " AND " + tag("T0405")),
				// (A OR B) AND C AND NOT D
				new Case(where(List.of(List.of("T0201", "T0202"), List.of("T0307")), List.of("T0405")),
						"(" + tag("T0201") + " OR " + tag("T0202") + ") AND " + tag("T0307") + " AND NOT "
								+ tag("T0405")),
				// a second-level class: any tag in it
				new Case(where(List.of(List.of("C07.01")), null), inClass("C07.01")),
				// a first-level class with a class two levels down, and a tag outside it
				new Case(where(List.of(List.of("C07.02", "T0606"), List.of("T0102")), null),
						"(" + inClass("C07.02") + " OR " + tag("T0606") + ") AND " + tag("T0102")),
				// a third-level class OR a tag, AND a tag, NOT a class
				new Case(where(List.of(List.of("C07.02.01", "T0701"), List.of("T0102")), List.of("C05.02")),
						"(" + inClass("C07.02.01") + " OR " + tag("T0701") + ") AND " + tag("T0102") + " AND NOT "
								+ inClass("C05.02")),
				// NOT only: everyone without the tag
				new Case(where(null, List.of("T0405")), "NOT " + tag("T0405")),
				// nothing: every customer
				new Case(where(null, null), "true"),
				// tags of one exclusive class exclude each other: nobody has two
				new Case(where(List.of(List.of("T0101"), List.of("T0103")), null),
						tag("T0101") + " AND " + tag("T0103")),
				// a facet value: any tag with it (L3-sensitive tags), AND a class, NOT
				// another value
				new Case(where(List.of(List.of("F8.L3"), List.of("C05")), List.of("F1.S5")),
						withValue("F8.L3") + " AND " + inClass("C05") + " AND NOT " + withValue("F1.S5")),
				// a facet value OR a tag
				new Case(where(List.of(List.of("F3.U1", "T0102")), null),
						"(" + withValue("F3.U1") + " OR " + tag("T0102") + ")"),
				// four groups and two exclusions
				new Case(
						where(List.of(List.of("C01.01"), List.of("T0301", "T0302", "T0303"), List.of("C04"),
								List.of("T0601", "T0602")), List.of("T0310", "T0501")),
						inClass("C01.01") + " AND (" + tag("T0301") + " OR " + tag("T0302") + " OR " + tag("T0303")
								+ ") AND " + inClass("C04") + " AND (" + tag("T0601") + " OR " + tag("T0602")
								+ ") AND NOT " + tag("T0310") + " AND NOT " + tag("T0501")));

		long customers = api.cypherCount("MATCH (c:Customer) RETURN count(c)");
		Map<String, Long> expected = new LinkedHashMap<>();
		Map<String, Long> actual = new LinkedHashMap<>();
		for (Case c : cases) {
			expected.put(c.where().toString(),
					api.cypherCount("MATCH (c:Customer) WHERE " + c.cypherCondition() + " RETURN count(c)"));
			actual.put(c.where().toString(), (long) api.count(c.where()));
		}

		assertThat(actual).isEqualTo(expected);
		assertThat(customers).isGreaterThanOrEqualTo(10_000);
		// the cases are not trivial: most select some customers but not all
		assertThat(expected.values().stream().filter(n -> n > 0 && n < customers)).as(expected.toString())
			.hasSizeGreaterThanOrEqualTo(7);
	}

	@Test
	void tagDistributionOfASegmentEqualsCypherCounts() {
		var reply = api.segment(where(List.of(List.of("T0102")), null),
				"count tagDistribution(classCode: \"C03\") { tag { code tagClass { code } } count share }");
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();

		Map<String, Long> expected = new TreeMap<>();
		api.cypher(
				"""
						MATCH (t:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(:TagClass {code: 'C03'})
						RETURN t.code AS code,
						       COUNT { MATCH (c:Customer)-[:HAS_TAG]->(t) WHERE EXISTS { (c)-[:HAS_TAG]->(:Tag {code: 'T0102'}) } } AS n""",
				Map.of())
			.forEach(r -> expected.put(r.get("code").asString(), r.get("n").asLong()));
		Map<String, Long> actual = new TreeMap<>();
		int segmentCount = reply.data("segment.count").asInt();
		var distribution = reply.data("segment.tagDistribution");
		distribution.forEach(e -> actual.put(e.path("tag").path("code").asString(), e.path("count").asLong()));

		assertThat(actual).isEqualTo(expected).hasSize(17);
		assertThat(distribution.path(0).path("count").asInt())
			.isGreaterThanOrEqualTo(distribution.path(16).path("count").asInt());
		assertThat(distribution.path(0).path("share").asDouble())
			.isEqualTo((double) distribution.path(0).path("count").asInt() / segmentCount);
		assertThat(distribution.path(0).path("tag").path("tagClass").path("code").asString()).startsWith("C03.");
	}

	@Test
	void everyTagsAndClassesCustomerCountEqualsCypher() {
		Map<String, Long> expectedTags = api.cypherTagCounts();
		assertThat(api.apiTagCounts()).isEqualTo(expectedTags);
		assertThat(expectedTags.values().stream().filter(n -> n > 0)).hasSizeGreaterThan(100);

		Map<String, Long> expectedClasses = new TreeMap<>();
		api.cypher("""
				MATCH (k:TagClass)
				OPTIONAL MATCH (c:Customer)-[:HAS_TAG]->(:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(k)
				RETURN k.code AS code, count(DISTINCT c) AS n""", Map.of())
			.forEach(r -> expectedClasses.put(r.get("code").asString(), r.get("n").asLong()));
		var reply = api.client().query("""
				{ rootClasses { code customerCount descendants { code customerCount } } }""");
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		Map<String, Long> actualClasses = new TreeMap<>();
		reply.data("rootClasses").forEach(root -> {
			actualClasses.put(root.path("code").asString(), root.path("customerCount").asLong());
			root.path("descendants")
				.forEach(d -> actualClasses.put(d.path("code").asString(), d.path("customerCount").asLong()));
		});

		assertThat(actualClasses).isEqualTo(expectedClasses);
		// a first-level class counts customers once however many of its tags they carry
		assertThat(actualClasses.get("C01")).isEqualTo(api.cypherCount("MATCH (c:Customer) RETURN count(c)"));
	}

	@Test
	void unknownCodesAreRefusedWithNotFoundNamingThem() {
		var reply = api.segment(where(List.of(List.of("T0101", "NO-SUCH-TAG")), List.of("NO-SUCH-CLASS")), "count");

		assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(reply.errorMessage()).contains("'NO-SUCH-TAG'", "'NO-SUCH-CLASS'").doesNotContain("T0101");
		assertThat(reply.body().path("errors").path(0).path("extensions").path("subject").toString())
			.contains("NO-SUCH-TAG", "NO-SUCH-CLASS");
		// the failed field is null; the rest of data would stay beside it
		assertThat(reply.body().path("data").path("segment").isNull()).isTrue();
	}

	@Test
	void aTagCreatedAfterTheIndexWasBuiltIsKnownAtOnce() {
		String customer = api.cypher("MATCH (c:Customer) RETURN c.id AS id ORDER BY id LIMIT 1", Map.of())
			.get(0)
			.get("id")
			.asString();
		CustomerBackup backup = CustomerBackup.of(driver, List.of(customer));
		var created = api.client()
			.query("mutation { createTag(input: {code: \"SEG-T-NEW\", name: \"新建标签\", classCode: \"C08.05\"}) { code } }");
		assertThat(created.hasErrors()).as(created.body().toString()).isFalse();
		try {
			Map<String, Object> where = where(List.of(List.of("SEG-T-NEW")), null);
			assertThat(api.count(where)).isZero();

			var assigned = api.client()
				.query("mutation($id: ID!) { assignTags(customerId: $id, tagCodes: [\"SEG-T-NEW\"]) { id } }",
						Map.of("id", customer));
			assertThat(assigned.hasErrors()).as(assigned.body().toString()).isFalse();

			assertThat(api.count(where)).isEqualTo(1);
			assertThat(api.segment(where, "customers { edges { node { id } } }")
				.data("segment.customers.edges.0.node.id")
				.asString()).isEqualTo(customer);
		}
		finally {
			api.write("MATCH (:Customer)-[r:HAS_TAG]->(:Tag {code: 'SEG-T-NEW'}) DELETE r", Map.of());
			api.write("MATCH (t:Tag {code: 'SEG-T-NEW'}) DETACH DELETE t", Map.of());
			backup.restore();
			api.refresh();
		}
	}

	@Test
	void anEmptyGroupAndAnUnknownDistributionClassAreRefused() {
		var empty = api.segment(where(List.of(List.of()), null), "count");
		assertThat(empty.errorCode()).isEqualTo("INVALID_INPUT");

		var unknownClass = api.segment(where(List.of(List.of("T0101")), null),
				"tagDistribution(classCode: \"NO-CLASS\") { count }");
		assertThat(unknownClass.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(unknownClass.errorMessage()).contains("NO-CLASS");
	}

}
