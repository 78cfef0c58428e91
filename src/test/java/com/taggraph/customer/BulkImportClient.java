package com.taggraph.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;

import tools.jackson.databind.JsonNode;

import com.taggraph.ApiClient;

/**
 * The bulk-import endpoints as a client uses them, and a fingerprint of the customers'
 * side of the graph read over Bolt. Each test class gives its own customer id prefix and
 * cleans up after itself.
 */
public final class BulkImportClient {

	public static final String CSV = "text/csv; charset=UTF-8";

	public final ApiClient http;

	public final Driver driver;

	public final String prefix;

	public final int port;

	public final List<String> importIds = new ArrayList<>();

	public BulkImportClient(int port, Driver driver, String prefix) {
		this.http = ApiClient.on(port);
		this.driver = driver;
		this.prefix = prefix;
		this.port = port;
	}

	public ApiClient.Reply customers(String csv, boolean dryRun) {
		return remember(
				http.post("/api/import/customers" + (dryRun ? "?dryRun=true" : ""), csv, CSV, "application/json"));
	}

	public ApiClient.Reply assignments(String csv, boolean dryRun) {
		return remember(
				http.post("/api/import/assignments" + (dryRun ? "?dryRun=true" : ""), csv, CSV, "application/json"));
	}

	public ApiClient.Reply post(String path) {
		return http.post(path, new byte[0], null, "application/json");
	}

	/** The entry of one import in {@code GET /api/imports}. */
	public JsonNode run(String id) {
		var response = http.raw(java.net.http.HttpRequest.newBuilder().GET(), "/api/imports");
		JsonNode list = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
		for (JsonNode run : list) {
			if (run.path("id").asString().equals(id)) {
				return run;
			}
		}
		throw new AssertionError("import " + id + " is not listed: " + response.body());
	}

	/** A customer id of this test's own. */
	public String id(int n) {
		return prefix + "%04d".formatted(n);
	}

	/**
	 * Counts over the whole graph, except the import records themselves (an import that
	 * was rolled back stays on record, as do the change events of its import and
	 * rollback), and every customer and assignment of this test's prefix.
	 */
	public Map<String, Object> fingerprint() {
		try (var session = driver.session()) {
			return session.executeRead(
					tx -> tx
						.run("""
								CALL () { MATCH (n) WHERE NOT n:ImportRun AND NOT n:ChangeEvent RETURN count(n) AS nodes }
								CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
								CALL () { MATCH (c:Customer) RETURN count(c) AS customers }
								CALL () { MATCH (:Customer)-[a:HAS_TAG]->() RETURN count(a) AS assignments }
								CALL () {
								  MATCH (c:Customer) WHERE c.id STARTS WITH $prefix
								  WITH c ORDER BY c.id
								  RETURN collect([c.id, c.name, c.importId, properties(c)]) AS myCustomers
								}
								CALL () {
								  MATCH (c:Customer)-[a:HAS_TAG]->(t:Tag) WHERE c.id STARTS WITH $prefix
								  WITH c, a, t ORDER BY c.id, t.code
								  RETURN collect([c.id, t.code, a.value, a.source, a.importId, toString(a.assignedAt)]) AS myAssignments
								}
								RETURN nodes, relationships, customers, assignments, myCustomers, myAssignments""",
								Map.of("prefix", prefix))
						.single()
						.asMap());
		}
	}

	public long count(String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, parameters).single().get(0).asLong());
		}
	}

	/** Deletes this test's customers and the records of its imports. */
	public void cleanUp() {
		try (var session = driver.session()) {
			session.executeWriteWithoutResult(tx -> {
				tx.run("MATCH (c:Customer) WHERE c.id STARTS WITH $prefix DETACH DELETE c", Map.of("prefix", prefix))
					.consume();
				tx.run("MATCH (r:ImportRun) WHERE r.id IN $ids DELETE r", Map.of("ids", importIds)).consume();
			});
		}
	}

	/**
	 * Sends only the head of a request that announces {@code length} bytes, and reads the
	 * status line.
	 */
	public int statusForAnnouncedLength(String path, long length) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
					+ ApiClient.basic(ApiClient.TESTER) + "\r\nContent-Type: text/csv\r\nContent-Length: " + length
					+ "\r\nConnection: close\r\n\r\ncustomerId,tagCode\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder status = new StringBuilder();
			int c;
			while ((c = in.read()) >= 0 && c != '\n') {
				status.append((char) c);
			}
			return Integer.parseInt(status.toString().split(" ")[1]);
		}
	}

	private ApiClient.Reply remember(ApiClient.Reply reply) {
		String id = reply.body().path("importId").asString(null);
		if (id != null) {
			importIds.add(id);
		}
		return reply;
	}

}
