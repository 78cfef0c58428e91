package com.taggraph.customer.segment;

import static com.taggraph.customer.segment.SegmentApi.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;
import com.taggraph.web.Connections;

/**
 * Paging through a segment with keyset cursors returns every customer exactly once, in id
 * order, and a page with its customers costs a fixed number of Cypher statements whatever
 * its size.
 */
@TagGraphTest
class SegmentPagingTest extends SegmentIndexTest {

	private static final String PAGE = """
			query($where: SegmentWhere!, $first: Int, $after: String) {
			  segment(where: $where) {
			    count
			    customers(first: $first, after: $after) {
			      totalCount
			      edges { cursor node { id name } }
			      pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
			    }
			  }
			}""";

	@Autowired
	Connections cursors;

	@Test
	void pagingThroughAWholeSegmentReturnsEveryCustomerOnceInIdOrder() {
		// low-voltage non-residential customers who pay on time: some hundreds to a few
		// thousand
		Map<String, Object> where = where(List.of(List.of("T0102"), List.of("T0307")), null);
		List<String> expected = api.cypher("""
				MATCH (c:Customer)-[:HAS_TAG]->(:Tag {code: 'T0102'})
				WHERE EXISTS { (c)-[:HAS_TAG]->(:Tag {code: 'T0307'}) }
				RETURN c.id AS id ORDER BY id""", Map.of()).stream().map(r -> r.get("id").asString()).toList();
		Map<String, String> names = new HashMap<>();
		api.cypher("MATCH (c:Customer) WHERE c.id IN $ids RETURN c.id AS id, c.name AS name", Map.of("ids", expected))
			.forEach(r -> names.put(r.get("id").asString(), r.get("name").asString()));

		List<String> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		while (true) {
			Map<String, Object> variables = new HashMap<>(Map.of("where", where, "first", 97));
			variables.put("after", after);
			var reply = api.client().query(PAGE, variables);
			assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
			var page = reply.data("segment.customers");
			var edges = page.path("edges");
			assertThat(page.path("totalCount").asInt()).isEqualTo(expected.size());
			assertThat(page.path("pageInfo").path("hasPreviousPage").asBoolean()).isEqualTo(pages > 0);
			edges.forEach(edge -> {
				String id = edge.path("node").path("id").asString();
				seen.add(id);
				assertThat(edge.path("node").path("name").asString()).isEqualTo(names.get(id));
			});
			pages++;
			assertThat(page.path("pageInfo").path("startCursor").asString())
				.isEqualTo(edges.path(0).path("cursor").asString());
			assertThat(page.path("pageInfo").path("endCursor").asString())
				.isEqualTo(edges.path(edges.size() - 1).path("cursor").asString());
			if (!page.path("pageInfo").path("hasNextPage").asBoolean()) {
				assertThat(edges.size()).isBetween(1, 97);
				break;
			}
			assertThat(edges).hasSize(97);
			after = page.path("pageInfo").path("endCursor").asString();
			assertThat(pages).isLessThan(1000);
		}

		assertThat(expected).hasSizeGreaterThan(300);
		assertThat(seen).isEqualTo(expected);
		assertThat(pages).isEqualTo((expected.size() + 96) / 97);

		// behind the last customer there is nothing more
		Map<String, Object> variables = new HashMap<>(Map.of("where", where, "first", 5));
		variables.put("after", cursors
			.toCursor(ScrollPosition.forward(Map.of(SegmentService.KEY, expected.get(expected.size() - 1)))));
		var beyond = api.client().query(PAGE, variables);
		assertThat(beyond.data("segment.customers.edges")).isEmpty();
		assertThat(beyond.data("segment.customers.pageInfo.hasNextPage").asBoolean()).isFalse();
		assertThat(beyond.data("segment.customers.pageInfo.endCursor").isNull()).isTrue();
	}

	@Test
	void aCursorIsAKeyNotAnOffset() {
		Map<String, Object> where = where(List.of(List.of("T0101")), null);
		var first = api.client().query(PAGE, Map.of("where", where, "first", 3));
		var edges = first.data("segment.customers.edges");
		String secondId = edges.path(1).path("node").path("id").asString();

		// continuing behind the second customer gives the third first, whatever page it
		// came from
		var next = api.client()
			.query(PAGE, Map.of("where", where, "first", 1, "after", edges.path(1).path("cursor").asString()));
		assertThat(next.data("segment.customers.edges.0.node.id").asString())
			.isEqualTo(edges.path(2).path("node").path("id").asString())
			.isGreaterThan(secondId);
	}

	@Test
	void pageSizeAndCursorAreChecked() {
		Map<String, Object> where = where(List.of(List.of("T0101")), null);

		assertThat(api.client().query(PAGE, Map.of("where", where, "first", 0)).errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(api.client().query(PAGE, Map.of("where", where, "first", 1001)).errorCode())
			.isEqualTo("INVALID_INPUT");
		var foreign = api.client().query(PAGE, Map.of("where", where, "first", 10, "after", "bm90LWEtY3Vyc29y"));
		assertThat(foreign.errorCode()).isEqualTo("INVALID_INPUT");
		assertThat(foreign.body().path("errors").path(0).path("extensions").path("field").asString())
			.isEqualTo("after");
		var full = api.client().query(PAGE, Map.of("where", where, "first", 1000));
		assertThat(full.hasErrors()).as(full.body().toString()).isFalse();
	}

	@Test
	void aPageOfCustomersTakesTheSameFewStatementsWhateverItsSize() {
		String query = """
				query($first: Int) {
				  segment(where: {allOf: [{anyOf: ["C01.01"]}], noneOf: ["T0405"]}) {
				    count
				    customers(first: $first) { edges { node { id name } } }
				  }
				}""";

		int hundred = statementsFor(query, 100);
		int five = statementsFor(query, 5);

		// codes resolve and count on the index; one statement loads the page's customers
		assertThat(hundred).isEqualTo(1).isEqualTo(five);
	}

	private int statementsFor(String query, int first) {
		StatementCounter.reset();
		var reply = api.client().query(query, Map.of("first", first));
		int statements = StatementCounter.count();
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		assertThat(reply.data("segment.customers.edges")).hasSize(first);
		return statements;
	}

}
