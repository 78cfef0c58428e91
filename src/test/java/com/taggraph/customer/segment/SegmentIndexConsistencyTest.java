package com.taggraph.customer.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;
import com.taggraph.customer.CustomerService;

/**
 * The bitmap index follows Neo4j: after many random assignments, removals, swaps and
 * refused or rolled-back writes through the app, every tag's bitmap holds exactly the
 * customers Cypher finds; writes made directly over Bolt are invisible until a refresh,
 * and then match too.
 */
@TagGraphTest
class SegmentIndexConsistencyTest extends ApiTest {

	private static final String ASSIGN = """
			mutation($id: ID!, $tags: [ID!]!, $replace: Boolean) {
			  assignTags(customerId: $id, tagCodes: $tags, replace: $replace) { id }
			}""";

	private static final String REMOVE = """
			mutation($id: ID!, $tags: [ID!]!) { removeTags(customerId: $id, tagCodes: $tags) { id } }""";

	@Autowired
	SegmentIndex index;

	@Autowired
	CustomerService customerService;

	@Autowired
	PlatformTransactionManager transactions;

	SegmentApi api;

	Random random = new Random(20241118);

	List<String> allCustomers;

	List<String> tags;

	/** Undo steps, run last first. */
	List<Runnable> backups = new ArrayList<>();

	@BeforeEach
	void indexInStepWithTheDatabase() {
		api = new SegmentApi(port, driver);
		allCustomers = api.cypher("MATCH (c:Customer) RETURN c.id AS id ORDER BY id", Map.of())
			.stream()
			.map(r -> r.get("id").asString())
			.toList();
		tags = List.copyOf(api.cypherTagCounts().keySet());
		api.refresh();
	}

	@AfterEach
	void putTheCustomersBack() {
		Collections.reverse(backups);
		backups.forEach(Runnable::run);
		api.refresh();
	}

	@Test
	void randomWritesRefusalsAndRollbacksThroughTheAppKeepEveryBitmapEqualToCypher() {
		List<String> customers = pick(allCustomers, 40);
		backups.add(CustomerBackup.of(driver, customers)::restore);
		String builtAt = api.status().path("builtAt").asString();
		int applied = 0;
		int refused = 0;

		for (int i = 0; i < 600; i++) {
			String customer = customers.get(random.nextInt(customers.size()));
			int kind = random.nextInt(10);
			GraphQlReply reply;
			if (kind < 4) {
				reply = call(ASSIGN,
						Map.of("id", customer, "tags", pick(tags, 1 + random.nextInt(3)), "replace", false));
			}
			else if (kind < 6) {
				reply = call(ASSIGN,
						Map.of("id", customer, "tags", pick(tags, 1 + random.nextInt(2)), "replace", true));
			}
			else if (kind < 8) {
				reply = call(REMOVE, Map.of("id", customer, "tags", pick(tags, 1 + random.nextInt(4))));
			}
			else if (kind == 8) {
				List<String> withUnknown = new ArrayList<>(pick(tags, 2));
				withUnknown.add("NO-SUCH-TAG");
				reply = call(ASSIGN, Map.of("id", customer, "tags", withUnknown, "replace", true));
				assertThat(reply.error()).isEqualTo("NOT_FOUND");
			}
			else {
				reply = call(REMOVE, Map.of("id", "NO-SUCH-CUSTOMER", "tags", pick(tags, 1)));
				assertThat(reply.error()).isEqualTo("NOT_FOUND");
			}
			if (reply.error() == null) {
				applied++;
			}
			else {
				assertThat(reply.error()).isIn("EXCLUSIVE_CONFLICT", "NOT_FOUND");
				refused++;
			}
		}
		// a write whose transaction rolls back after it announced its change never
		// reaches the index
		String customer = customers.get(0);
		String notCarried = tags.stream()
			.filter(t -> !carries(customer, t) && !t.startsWith("T01"))
			.findFirst()
			.orElseThrow();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			customerService.assignTags(customer, List.of(notCarried), true);
			status.setRollbackOnly();
		});
		assertThat(carries(customer, notCarried)).isFalse();

		assertThat(applied).isGreaterThan(200);
		assertThat(refused).isGreaterThan(100);
		var status = api.status();
		// the counts below come from incremental updates, not from a rebuild in between
		assertThat(status.path("builtAt").asString()).isEqualTo(builtAt);
		assertThat(status.path("updatesSinceBuild").asInt()).isGreaterThanOrEqualTo(applied);
		assertThat(api.apiTagCounts()).isEqualTo(api.cypherTagCounts());
		assertThat(indexedCarriers()).isEqualTo(cypherCarriers());
	}

	@Test
	void writesMadeDirectlyOverBoltShowAfterARefresh() {
		List<String> customers = pick(allCustomers, 20);
		backups.add(CustomerBackup.of(driver, customers)::restore);
		api.write("""
				UNWIND $ids AS id
				MATCH (c:Customer {id: id}), (t:Tag {code: 'T0712'})
				MERGE (c)-[r:HAS_TAG]->(t)
				  ON CREATE SET r.source = 'IMPORT', r.assignedAt = datetime()""",
				Map.of("ids", customers.subList(0, 10)));
		api.write("""
				UNWIND $ids AS id
				MATCH (:Customer {id: id})-[r:HAS_TAG]->(t:Tag) WHERE NOT t.code STARTS WITH 'T01'
				WITH id, collect(r)[0..3] AS some
				FOREACH (r IN some | DELETE r)""", Map.of("ids", customers.subList(10, 20)));

		// the index has not seen them yet
		assertThat(api.apiTagCounts()).isNotEqualTo(api.cypherTagCounts());

		var refreshed = api.refresh();

		assertThat(api.apiTagCounts()).isEqualTo(api.cypherTagCounts());
		assertThat(indexedCarriers()).isEqualTo(cypherCarriers());
		assertThat(refreshed.path("customers").asLong()).isEqualTo(allCustomers.size());
		assertThat(refreshed.path("assignments").asLong())
			.isEqualTo(api.cypherCount("MATCH (:Customer)-[r:HAS_TAG]->(:Tag) RETURN count(r)"));
		assertThat(refreshed.path("updatesSinceBuild").asInt()).isZero();
		assertThat(refreshed.path("memoryBytes").asLong()).isGreaterThan(refreshed.path("bitmapBytes").asLong())
			.isPositive();
	}

	@Test
	void aCustomerTheIndexHasNotSeenIsAddedInIdOrderAndDroppedWhenDeleted() {
		// created over Bolt, then tagged through the app: it joins the index without a
		// rebuild
		String id = "00000000-SEG-NEW";
		backups.add(() -> api.write("MATCH (c:Customer {id: $id}) DETACH DELETE c", Map.of("id", id)));
		api.write("CREATE (:Customer {id: $id, name: '新客户'})", Map.of("id", id));
		var reply = call(ASSIGN, Map.of("id", id, "tags", List.of("T0101", "T0712"), "replace", false));
		assertThat(reply.error()).isNull();

		var page = api.segment(SegmentApi.where(List.of(List.of("T0101")), null),
				"count customers(first: 2) { edges { node { id name } } }");
		assertThat(page.data("segment.count").asLong())
			.isEqualTo(api.cypherCount("MATCH (:Tag {code: 'T0101'})<-[:HAS_TAG]-(c) RETURN count(c)"));
		// its id sorts before every demo id, so it comes first although it was numbered
		// last
		assertThat(page.data("segment.customers.edges.0.node.id").asString()).isEqualTo(id);
		assertThat(page.data("segment.customers.edges.0.node.name").asString()).isEqualTo("新客户");
		assertThat(api.apiTagCounts()).isEqualTo(api.cypherTagCounts());

		// deleted over Bolt, it is still counted until a refresh, but pages leave it out
		// and go on behind it
		api.write("MATCH (c:Customer {id: $id}) DETACH DELETE c", Map.of("id", id));
		var stale = api.segment(SegmentApi.where(List.of(List.of("T0101")), null),
				"customers(first: 2) { totalCount edges { node { id } } pageInfo { endCursor hasNextPage } }");
		assertThat(stale.hasErrors()).as(stale.body().toString()).isFalse();
		assertThat(stale.data("segment.customers.edges")).hasSize(1);
		assertThat(stale.data("segment.customers.edges.0.node.id").asString()).isNotEqualTo(id);
		assertThat(stale.data("segment.customers.totalCount").asLong()).isEqualTo(page.data("segment.count").asLong());
		api.refresh();
		assertThat(api.count(SegmentApi.where(List.of(List.of("T0101")), null)))
			.isEqualTo(page.data("segment.count").asInt() - 1);
	}

	// ---- helpers
	// ------------------------------------------------------------------------------

	record GraphQlReply(String error) {
	}

	private GraphQlReply call(String mutation, Map<String, Object> variables) {
		var reply = api.client().query(mutation, variables);
		assertThat(reply.status()).isEqualTo(200);
		return new GraphQlReply(reply.errorCode());
	}

	private List<String> pick(List<String> from, int n) {
		Set<String> picked = new LinkedHashSet<>();
		while (picked.size() < n) {
			picked.add(from.get(random.nextInt(from.size())));
		}
		return List.copyOf(picked);
	}

	private boolean carries(String customer, String tag) {
		return api.cypherCount(
				"RETURN COUNT { (:Customer {id: '%s'})-[:HAS_TAG]->(:Tag {code: '%s'}) }".formatted(customer, tag)) > 0;
	}

	/** Each tag's carriers as the index holds them. */
	private Map<String, List<String>> indexedCarriers() {
		IndexSnapshot snapshot = index.snapshot();
		Map<String, List<String>> carriers = new TreeMap<>();
		for (String tag : tags) {
			List<String> ids = snapshot.idsAfter(snapshot.union(List.of(tag)), null, Integer.MAX_VALUE);
			if (!ids.isEmpty()) {
				carriers.put(tag, ids);
			}
		}
		return carriers;
	}

	private Map<String, List<String>> cypherCarriers() {
		Map<String, List<String>> carriers = new TreeMap<>();
		api.cypher("""
				MATCH (t:Tag)<-[:HAS_TAG]-(c:Customer)
				WITH t.code AS code, c.id AS id ORDER BY id
				RETURN code, collect(id) AS ids""", Map.of())
			.forEach(r -> carriers.put(r.get("code").asString(), r.get("ids").asList(v -> v.asString())));
		return carriers;
	}

}
