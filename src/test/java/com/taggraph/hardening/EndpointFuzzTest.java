package com.taggraph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.BoltCypher;
import com.taggraph.GraphSnapshot;
import com.taggraph.TagGraphTest;

/**
 * Malformed and hostile requests to every HTTP endpoint (issue 6 §5): {@code /graphql}
 * (POST and GET) and every import, export, import-run and report endpoint
 * ({@code @PostMapping}/{@code @GetMapping} in the product). Each gets a 4xx (or a
 * GraphQL error) without a stack trace, refused writes leave the graph unchanged, and a
 * normal query works afterwards. The 100 MB uploads are streamed.
 */
@TagGraphTest
class EndpointFuzzTest extends ApiTest {

	static final String CSV = "text/csv; charset=UTF-8";

	/** Every endpoint that takes a body, with a header line it would accept. */
	static final Map<String, String> IMPORTS = Map.of("/api/import/tag-classes", "code,parent,name\n",
			"/api/import/customers", "id,name\n", "/api/import/assignments", "customerId,tagCode\n",
			"/api/import/lineage", "tag,system,table,field,transform\n", "/api/import/skos", "");

	final List<String> problems = new ArrayList<>();

	int cases;

	@Test
	void malformedAndHostileGraphQlRequestsGetClearErrors() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		long start = System.nanoTime();
		byte[] invalidUtf8 = concat("{\"query\":\"{ tag(code: \\\"".getBytes(StandardCharsets.UTF_8),
				new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE },
				"\\\") { code } }\"}".getBytes(StandardCharsets.UTF_8));
		graphQlBody("invalid UTF-8 in the JSON", invalidUtf8, "application/json");
		graphQlBody("invalid UTF-8 in a mutation",
				concat("{\"query\":\"mutation { createTagClass(input: {code: \\\"FZ-U\\\", name: \\\""
					.getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
						"\\\"}) { code } }\"}".getBytes(StandardCharsets.UTF_8)),
				"application/json");
		for (String json : List.of("{", "{\"query\":", "[]", "\"{ rootClasses { code } }\"", "null", "42",
				"{\"query\": 5}", "{\"query\": null}", "{}",
				"{\"query\":\"{ rootClasses { code } }\",\"variables\":\"x\"}",
				"{\"query\":\"{ rootClasses { code } }\",\"variables\":[1]}",
				"{\"query\":\"{ rootClasses { code } }\"} trailing",
				"{\"query\":\"{ rootClasses { code } }\",\"query\":\"{ x }\"}",
				"{\"query\":\"{ rootClasses { code } }\",\"operationName\":{}}",
				"{\"query\":\"query($a: [[Int]]) { rootClasses { code } }\",\"variables\":{\"a\":" + "[".repeat(5000)
						+ "]".repeat(5000) + "}}",
				"{\"query\":\"{ rootClasses { code } }\",\"extensions\":" + "{\"a\":".repeat(3000) + "1"
						+ "}".repeat(3000) + "}")) {
			graphQlBody("malformed JSON " + Hostile.label(json), json.getBytes(StandardCharsets.UTF_8),
					"application/json");
		}
		for (String query : List.of("{ tagClass(code: \"C01\") { code }", "{ tagClass(code: \"C01\") { nope } }",
				"query { ... on }", "{ tagClass }", "mutation { deleteTagClass }", "subscription { x }", "\u0000\u0001",
				"{ searchTags(text: \"a\", first: \"x\") { code } }",
				"{ searchTags(text: \"a\", first: 99999999999) { code } }",
				"{ tagClass(code: \"C01\") { code } } { rootClasses { code } }",
				"query A { rootClasses { code } } query A { rootClasses { code } }",
				"fragment F on TagClass { ...F } { rootClasses { ...F } }", "{ tagClass(code: \"NOPE-404\") { code } }",
				"mutation { deleteTag(code: \"NOPE-404\") }", "{ rootClasses { code @skip(if: \"yes\") } }",
				"{ __type(name: \"" + "A".repeat(100_000) + "\") { name } }",
				"{ tagClass(code: \"" + Hostile.ONE_MB + "\") { code } }",
				"{ a: " + "tagClass(code: \"C01\") { narrower { ".repeat(1) + "code } } "
						+ "b: rootClasses { code } ".repeat(2000) + "}",
				"{ " + "rootClasses { narrower { ".repeat(300) + "code" + " } }".repeat(300) + " }",
				"{ searchTags(text: " + "[".repeat(3000) + "\"a\"" + "]".repeat(3000) + ") { code } }",
				"{ rootClasses { code " + "# comment\n".repeat(50_000) + "} }")) {
			graphQl("malformed GraphQL " + Hostile.label(query), query, Map.of());
		}
		graphQl("a variable of the wrong type", "query($n: Int) { searchTags(text: \"a\", first: $n) { code } }",
				Map.of("n", "ten"));
		graphQl("a 1 MB variable", "query($t: String!) { searchTags(text: $t) { code } }", Map.of("t", Hostile.ONE_MB));
		// a JSON body declared as ISO-8859-1 is decoded as such: legitimate, so only
		// checked for a clean answer
		graphQl("Content-Type application/json; charset=ISO-8859-1", "{ rootClasses { code } }", Map.of());
		for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
				"??", "application/xml")) {
			graphQlBody("Content-Type " + type,
					"{\"query\":\"{ rootClasses { code } }\"}".getBytes(StandardCharsets.UTF_8), type);
		}
		graphQlBody("no Content-Type", "{\"query\":\"{ rootClasses { code } }\"}".getBytes(StandardCharsets.UTF_8),
				null);
		for (String params : List.of("", "?query=", "?query=%7B", "?query=%7BrootClasses%7Bcode%7D%7D&variables=%7B",
				"?query=%7BrootClasses%7Bcode%7D%7D&variables=%5B%5D",
				"?query=%7BrootClasses%7Bcode%7D%7D&operationName=Nope",
				"?query=mutation%7BdeleteTag(code:%22T0101%22)%7D", "?query=%7BrootClasses%7Bcode%7D%7D&extensions=1",
				"?query=%FF%FE", "?query=" + "%7B".repeat(2000))) {
			exchange("GET /graphql" + params,
					HttpRequest.newBuilder().GET().header("Accept", ApiClient.GRAPHQL_RESPONSE), "/graphql" + params,
					true);
		}
		for (String method : List.of("PUT", "DELETE", "PATCH")) {
			exchange(method + " /graphql",
					HttpRequest.newBuilder()
						.method(method, HttpRequest.BodyPublishers.ofString("{}"))
						.header("Content-Type", "application/json"),
					"/graphql", true);
		}
		exchange("POST Accept garbage", rootClassesAccepting("?? ;;; q=x"), "/graphql", false);
		exchange("GET Accept garbage", HttpRequest.newBuilder().GET().header("Accept", "?? ;;; q=x"),
				"/graphql?query=%7BrootClasses%7Bcode%7D%7D", false);
		exchange("GET no query, Accept garbage", HttpRequest.newBuilder().GET().header("Accept", "?? ;;; q=x"),
				"/graphql", true);
		exchange("Accept: image/png", rootClassesAccepting("image/png"), "/graphql", false);
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("EndpointFuzzTest GraphQL: %d cases in %d ms%n", cases, millis);
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertStillUp();
		assertThat(problems).isEmpty();
	}

	@Test
	void malformedAndHostileImportsAreRefusedAndWriteNothing() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		long start = System.nanoTime();
		for (var endpoint : IMPORTS.entrySet()) {
			String path = endpoint.getKey();
			String header = endpoint.getValue();
			String type = path.endsWith("skos") ? "text/turtle" : CSV;
			post(path + " invalid UTF-8", path, concat(header.getBytes(StandardCharsets.UTF_8),
					new byte[] { 'F', 'Z', (byte) 0xC3, (byte) 0x28, ',', (byte) 0xFF, '\n' }), type);
			post(path + " binary garbage", path, new byte[] { 0, 1, 2, (byte) 0x80, (byte) 0xFF, 0x1B, '\n', 0 }, type);
			post(path + " unterminated quote", path,
					(header + "\"FZ-1,never closed\n,x\n").getBytes(StandardCharsets.UTF_8), type);
			post(path + " empty", path, new byte[0], type);
			post(path + " BOM only", path, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, type);
			post(path + " header with 10,000 columns", path,
					("a,".repeat(10_000) + "b\n").getBytes(StandardCharsets.UTF_8), type);
			post(path + " one 1 MB cell", path,
					(header + "FZ-1," + Hostile.ONE_MB + "\n").getBytes(StandardCharsets.UTF_8), type);
			post(path + " unknown codes and Cypher", path, (header
					+ "\"FZ-404') DETACH DELETE n //\",\"NOPE-404\",\"\"\"}) MATCH (n) DETACH DELETE n\",\"$param\",\"`x`\"\n")
				.getBytes(StandardCharsets.UTF_8), type);
			for (String wrong : List.of("application/json", "application/x-www-form-urlencoded",
					"multipart/form-data; boundary=x", "text/csv; charset=ISO-8859-1", "??", "image/png")) {
				post(path + " Content-Type " + wrong, path, (header + "FZ-1,x\n").getBytes(StandardCharsets.UTF_8),
						wrong);
			}
			post(path + " no Content-Type", path, (header + "FZ-1,x\n").getBytes(StandardCharsets.UTF_8), null);
			exchange(path + "?dryRun=maybe",
					HttpRequest.newBuilder()
						.POST(HttpRequest.BodyPublishers.ofString(header))
						.header("Content-Type", type),
					path + "?dryRun=maybe", true);
			exchange("GET " + path, HttpRequest.newBuilder().GET(), path, true);
		}
		// quoting, newlines, BOM and hostile text in every column, as a dry run: parsed,
		// not written
		String tricky = "\uFEFFcode,parent,name,criterion\r\nFZ-Q1,,\"quoted \"\"name\"\", with, commas\nand a newline\",\"') DETACH DELETE n //\"\r\n"
				+ "FZ-Q2,FZ-Q1,\"$param `x` \"\"}) MATCH (n) DETACH DELETE n\",\n";
		post("tag-classes tricky CSV, dry run", "/api/import/tag-classes?dryRun=true",
				tricky.getBytes(StandardCharsets.UTF_8), CSV);
		post("customers tricky CSV, dry run", "/api/import/customers?dryRun=true",
				"\uFEFFid,name\r\nFZ-CU1,\"a \"\"quoted\"\"\nname\"\r\nFZ-CU2,\"') DETACH DELETE n //\"\n"
					.getBytes(StandardCharsets.UTF_8),
				CSV);
		post("lineage tricky CSV, dry run", "/api/import/lineage?dryRun=true",
				"\uFEFFtag,fromTag,transform\r\nT0101,T0102,\"a \"\"quoted\"\"\ntransform\"\n"
					.getBytes(StandardCharsets.UTF_8),
				CSV);
		// XML with an external entity and with an entity expansion bomb
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
				<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="http://www.w3.org/2004/02/skos/core#">
				  <skos:Concept rdf:about="https://taggraph.example/concept/FZ-X"><skos:prefLabel>&xxe;</skos:prefLabel></skos:Concept>
				</rdf:RDF>""";
		String hostname = readHostname();
		HttpResponse<String> xxeReply = post("SKOS RDF/XML with an external entity", "/api/import/skos?dryRun=true",
				xxe.getBytes(StandardCharsets.UTF_8), "application/rdf+xml");
		if (hostname != null && xxeReply != null && xxeReply.body().contains(hostname)) {
			problems.add("SKOS RDF/XML: the external entity was read: " + xxeReply.body());
		}
		StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY a0 \"lol\">");
		for (int i = 1; i < 10; i++) {
			bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
		}
		bomb.append(
				"]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\">"
						+ "<skos:Concept rdf:about=\"https://taggraph.example/concept/FZ-B\"><skos:prefLabel>&a9;</skos:prefLabel></skos:Concept></rdf:RDF>");
		long bombStart = System.nanoTime();
		post("SKOS RDF/XML entity bomb", "/api/import/skos?dryRun=true",
				bomb.toString().getBytes(StandardCharsets.UTF_8), "application/rdf+xml");
		long bombMillis = (System.nanoTime() - bombStart) / 1_000_000;
		if (bombMillis > 10_000) {
			problems.add("SKOS entity bomb took " + bombMillis + " ms");
		}
		post("SKOS JSON-LD with a remote context", "/api/import/skos?dryRun=true",
				"{\"@context\": \"http://127.0.0.1:9/context.jsonld\", \"@id\": \"x\"}"
					.getBytes(StandardCharsets.UTF_8),
				"application/ld+json");
		post("SKOS Turtle garbage", "/api/import/skos",
				"@prefix : <x> . :a :b \"unterminated".getBytes(StandardCharsets.UTF_8), "text/turtle");
		// the other endpoints: unknown ids, odd parameters and Accept headers
		for (String id : List.of("NOPE-404", "..", "..%2F..%2Fetc%2Fpasswd", "%00", "x".repeat(5000),
				"') DETACH DELETE n //")) {
			String encoded = java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
			if (id.contains("%")) {
				encoded = id;
			}
			exchange("GET /api/imports/" + Hostile.label(id), HttpRequest.newBuilder().GET(), "/api/imports/" + encoded,
					false);
			exchange("rollback " + Hostile.label(id),
					HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody()),
					"/api/imports/" + encoded + "/rollback", true);
			exchange("resume " + Hostile.label(id), HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody()),
					"/api/imports/" + encoded + "/resume", true);
		}
		for (String query : List.of("?format=xml", "?category=BOGUS", "?format=" + "x".repeat(5000))) {
			exchange("rules " + Hostile.label(query), HttpRequest.newBuilder().GET(), "/api/reports/rules" + query,
					true);
		}
		exchange("rules ?category=", HttpRequest.newBuilder().GET(), "/api/reports/rules?category=", false);
		exchange("rules Accept image/png", HttpRequest.newBuilder().GET().header("Accept", "image/png"),
				"/api/reports/rules", true);
		exchange("rules Accept garbage", HttpRequest.newBuilder().GET().header("Accept", "?? ;;; q=x"),
				"/api/reports/rules", true);
		exchange("SKOS export Accept image/png", HttpRequest.newBuilder().GET().header("Accept", "image/png"),
				"/api/export/skos", true);
		exchange("SKOS export Accept garbage", HttpRequest.newBuilder().GET().header("Accept", "?? ;;; q=x"),
				"/api/export/skos", true);
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("EndpointFuzzTest imports and REST: %d cases in %d ms%n", cases, millis);
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertThat(BoltCypher.read(driver,
				"MATCH (n) WHERE NOT n:ChangeEvent AND (n.code STARTS WITH 'FZ-' OR n.id STARTS WITH 'FZ-') RETURN count(n) AS n")
			.get(0)
			.get("n")).isEqualTo(0L);
		assertStillUp();
		assertThat(problems).isEmpty();
	}

	@Test
	void a100MbUploadToEveryImportEndpointIsRefusedFast() {
		Map<String, Object> before = GraphSnapshot.of(driver);
		long size = 100L << 20;
		List<String> timings = new ArrayList<>();
		for (var endpoint : IMPORTS.entrySet()) {
			String path = endpoint.getKey();
			String type = path.endsWith("skos") ? "text/turtle" : CSV;
			// assignments may be 2 GB (taggraph.import.assignments-max-bytes): a wrong
			// header is refused once spooled
			String first = path.endsWith("assignments") ? "bogus,header\n" : endpoint.getValue();
			for (boolean declared : List.of(false, true)) {
				AtomicLong sent = new AtomicLong();
				HttpRequest.BodyPublisher body = declared
						? HttpRequest.BodyPublishers.fromPublisher(
								HttpRequest.BodyPublishers.ofInputStream(() -> rows(first, size, sent)), size)
						: HttpRequest.BodyPublishers.ofInputStream(() -> rows(first, size, sent));
				long start = System.nanoTime();
				HttpResponse<String> reply = exchange(
						path + " 100 MB " + (declared ? "with Content-Length" : "chunked"),
						HttpRequest.newBuilder().POST(body).header("Content-Type", type), path, true);
				long millis = (System.nanoTime() - start) / 1_000_000;
				String outcome = reply == null ? "no answer" : String.valueOf(reply.statusCode());
				timings.add("%s %s: %s in %d ms, %d MB sent".formatted(path,
						declared ? "with Content-Length" : "chunked", outcome, millis, sent.get() >> 20));
				if (reply != null && !path.endsWith("assignments") && reply.statusCode() != 413) {
					problems.add(path + " 100 MB: expected 413, got " + reply.statusCode());
				}
			}
		}
		// the /graphql endpoint too
		for (boolean declared : List.of(false, true)) {
			AtomicLong sent = new AtomicLong();
			HttpRequest.BodyPublisher body = declared
					? HttpRequest.BodyPublishers.fromPublisher(
							HttpRequest.BodyPublishers.ofInputStream(() -> rows("{\"query\":\"", size, sent)), size)
					: HttpRequest.BodyPublishers.ofInputStream(() -> rows("{\"query\":\"", size, sent));
			long start = System.nanoTime();
			HttpResponse<String> reply = exchange("/graphql 100 MB",
					HttpRequest.newBuilder().POST(body).header("Content-Type", "application/json"), "/graphql", true);
			long millis = (System.nanoTime() - start) / 1_000_000;
			timings.add("/graphql %s: %s in %d ms, %d MB sent".formatted(declared ? "with Content-Length" : "chunked",
					reply == null ? "no answer" : reply.statusCode(), millis, sent.get() >> 20));
			if (reply != null && reply.statusCode() != 413) {
				problems.add("/graphql 100 MB: expected 413, got " + reply.statusCode());
			}
		}
		timings.forEach(t -> System.out.println("EndpointFuzzTest 100 MB: " + t));
		assertThat(GraphSnapshot.of(driver)).isEqualTo(before);
		assertStillUp();
		assertThat(problems).isEmpty();
	}

	// ---- helpers
	// ----------------------------------------------------------------------------------

	private void graphQl(String what, String query, Map<String, Object> variables) {
		cases++;
		ApiClient.Reply reply;
		try {
			reply = client.exchange(query, variables);
		}
		catch (RuntimeException ex) {
			problems.add(what + ": " + ex);
			return;
		}
		String problem = Hostile.problem(reply);
		if (problem != null) {
			problems.add(what + ": " + problem + " " + abbreviate(reply.body().toString()));
		}
	}

	private void graphQlBody(String what, byte[] body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder()
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Accept", ApiClient.GRAPHQL_RESPONSE);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		exchange(what, request, "/graphql", true);
	}

	private HttpResponse<String> post(String what, String path, byte[] body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder()
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Accept", "application/json");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return exchange(what, request, path, false);
	}

	/**
	 * One request: a problem when it fails, answers 5xx or shows an internal error. With
	 * {@code mustRefuse}, a 2xx without GraphQL errors is a problem too.
	 */
	/** A well-formed POST of a query, asking for the answer in the media type. */
	private static HttpRequest.Builder rootClassesAccepting(String accept) {
		return HttpRequest.newBuilder()
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ rootClasses { code } }\"}"))
			.header("Content-Type", "application/json")
			.header("Accept", accept);
	}

	private HttpResponse<String> exchange(String what, HttpRequest.Builder request, String path, boolean mustRefuse) {
		cases++;
		HttpResponse<String> reply;
		try {
			reply = client.raw(request.timeout(java.time.Duration.ofSeconds(120)), path);
		}
		catch (RuntimeException ex) {
			problems.add(what + ": no answer: " + ex);
			return null;
		}
		String problem = Hostile.problem(reply.statusCode(), reply.body());
		if (problem != null) {
			problems.add(what + ": " + problem + " " + abbreviate(reply.body()));
		}
		else if (mustRefuse && reply.statusCode() < 300 && !reply.body().contains("\"errors\"")) {
			problems.add(what + ": accepted with " + reply.statusCode() + " " + abbreviate(reply.body()));
		}
		return reply;
	}

	private void assertStillUp() {
		var reply = client.query("{ tagClass(code: \"C01\") { code } }");
		assertThat(reply.data("tagClass.code").asString()).isEqualTo("C01");
	}

	/**
	 * {@code first} then CSV-like rows up to {@code size} bytes, generated as read;
	 * counts what was read.
	 */
	private static InputStream rows(String first, long size, AtomicLong sent) {
		byte[] head = first.getBytes(StandardCharsets.UTF_8);
		byte[] row = "FZ-100MB,row of a very large upload\n".getBytes(StandardCharsets.UTF_8);
		return new InputStream() {

			long position;

			@Override
			public int read() {
				byte[] one = new byte[1];
				return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (position >= size) {
					return -1;
				}
				int n = (int) Math.min(length, size - position);
				for (int i = 0; i < n; i++) {
					long at = position + i;
					buffer[offset + i] = at < head.length ? head[(int) at]
							: row[(int) ((at - head.length) % row.length)];
				}
				position += n;
				sent.addAndGet(n);
				return n;
			}
		};
	}

	private static byte[] concat(byte[]... parts) {
		var out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static String readHostname() {
		try {
			String name = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
			return name.length() >= 4 ? name : null;
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

}
