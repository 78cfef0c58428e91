package com.taggraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.taggraph.TagGraphApplication;
import com.taggraph.customer.CustomerLibrary;
import com.taggraph.customer.PortraitQuery;
import com.taggraph.graph.EmbeddedNeo4jProperties;
import com.taggraph.graph.EmbeddedNeo4jServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of issue 3 (customers at scale), through the app's real endpoints:
 * generates N customers (default 1,000,000, about 29 tags each) to CSV; loads the same rows once
 * with raw UNWIND batches over Bolt into a separate Neo4j (the baseline; {@code --baselines one-property,same-graph}
 * adds a second baseline that writes the import's properties under the app's schema) and once
 * through the import endpoints; after a minute of warm-up, then segment counts (GraphQL on the bitmap index vs naive Cypher), pages,
 * portraits (GraphQL vs the single Cypher query), portrait throughput with 8 clients, and the
 * index's memory and build time. Prints a Markdown report.
 *
 * <p>{@code mvn -B -Pbench test-compile exec:exec -Dbench.main=com.taggraph.bench.CustomerBenchmark -Dbench.args="--customers 1000000"}
 */
public final class CustomerBenchmark {

	private static final String PORTRAIT_GRAPHQL = """
			query($id: ID!) { customer(id: $id) { id portrait { tagCount sections { rootClass { code }
			  groups { tagClass { code } classChain { code name } assignments { tag { code name } value } } } } } }""";
	/** An import id of the app's format and length, so the same-graph baseline stores the same strings. */
	private static final String RAW_IMPORT_ID = "imp-20261127-095542-3f9a1c";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final JsonMapper json = JsonMapper.builder().build();
	private final StringBuilder report = new StringBuilder();
	private final Options options;
	private String base;

	/**
	 * What to run.
	 * @param work where the CSV files and stores go
	 * @param baselines which raw baselines to load: "one-property" and/or "same-graph"
	 * @param baselinesOnly stop after the baselines (for measuring one on its own)
	 * @param loadOnly stop after the load: the baselines and the import, no reads
	 * @param readsOnly skip generation and loads: the work directory holds a store loaded by an earlier
	 * {@code --load-only} run
	 */
	record Options(long customers, Path work, Set<String> baselines, boolean baselinesOnly, boolean loadOnly,
			boolean readsOnly) {
	}

	private CustomerBenchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		// the 8 throughput clients each keep their connection (the JDK keeps 5 idle ones by default)
		System.setProperty("http.maxConnections", "16");
		long customers = 1_000_000;
		Set<String> baselines = Set.of("one-property");
		Path work = null;
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--work")) {
				work = Path.of(args[i + 1]);
			}
			if (args[i].equals("--customers")) {
				customers = Long.parseLong(args[i + 1]);
			}
			if (args[i].equals("--baselines")) {
				baselines = args[i + 1].equals("none") ? Set.of() : Set.of(args[i + 1].split(","));
			}
		}
		if (!Set.of("one-property", "same-graph").containsAll(baselines)) {
			throw new IllegalArgumentException("--baselines takes one-property and/or same-graph, or none, not " + baselines);
		}
		boolean readsOnly = List.of(args).contains("--reads-only");
		if (readsOnly && (work == null || !Files.isDirectory(work.resolve("app")))) {
			throw new IllegalArgumentException("--reads-only needs --work DIR holding the store of an earlier --load-only run");
		}
		// --work keeps the directory (and the loaded store) for a later --reads-only run
		work = work != null ? Files.createDirectories(work) : Files.createTempDirectory("taggraph-customer-bench");
		new CustomerBenchmark(new Options(customers, work, baselines, List.of(args).contains("--baselines-only"),
				List.of(args).contains("--load-only"), readsOnly)).run();
		System.exit(0);
	}

	private void run() throws Exception {
		line("# Customer benchmark: %,d customers".formatted(options.customers()));
		line("");
		line("Machine: %d cores, %s, Java %s, max heap %d MiB.".formatted(Runtime.getRuntime().availableProcessors(),
				memTotal(), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20));
		line("");
		Path appData = options.work().resolve("app");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TagGraphApplication.class).profiles("testusers").run(
				"--server.port=0", "--taggraph.neo4j.embedded.data-dir=" + appData,
				"--taggraph.neo4j.embedded.bolt-port=0", "--taggraph.neo4j.embedded.http-enabled=false",
				"--taggraph.demo.customers=0", "--taggraph.segments.refresh-interval=0",
				"--taggraph.import.customers-max-bytes=4GB", "--taggraph.import.assignments-max-bytes=8GB",
				"--taggraph.neo4j.embedded.page-cache=2g");
				Driver driver = GraphDatabase.driver(app.getBean(EmbeddedNeo4jServer.class).boltUri(),
						app.getBean(EmbeddedNeo4jServer.class).credentials().authToken())) {
			base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

			if (!options.readsOnly()) {
				load(driver);
				if (options.baselinesOnly() || options.loadOnly()) {
					Files.writeString(Path.of("target", "customer-benchmark.md"), report.toString());
					return;
				}
			}
			reads(driver);
		}
		Files.writeString(Path.of("target", "customer-benchmark.md"), report.toString());
	}

	/** Generates the customers, then loads them through the raw baselines and the import endpoints. */
	private void load(Driver driver) throws Exception {
		long started = System.nanoTime();
		Files.deleteIfExists(options.work().resolve("customers.csv"));
		long assignments = generate(driver);
		double generateMs = ms(started);
		line("Generated %,d customers with %,d assignments (%.1f per customer) in %,.0f ms."
			.formatted(options.customers(), assignments, (double) assignments / options.customers(), generateMs));
		line("");

		double rawMs = options.baselines().contains("one-property") ? rawLoad(assignments, false) : Double.NaN;
		double sameGraphMs = options.baselines().contains("same-graph") ? rawLoad(assignments, true) : Double.NaN;
		double importMs = options.baselinesOnly() ? Double.NaN : importThroughEndpoints();
		line("## Load");
		line("");
		line("| What | ms | assignments/s |");
		line("|---|--:|--:|");
		if (!Double.isNaN(rawMs)) {
			line("| Raw UNWIND batches (10k rows/tx) over Bolt, separate store: CREATE, one property | %,.0f | %,.0f |".formatted(rawMs, assignments / rawMs * 1000));
		}
		if (!Double.isNaN(sameGraphMs)) {
			line("| Raw UNWIND batches, the import's graph: CREATE with source, importId, assignedAt; the app's schema | %,.0f | %,.0f |".formatted(sameGraphMs, assignments / sameGraphMs * 1000));
		}
		if (options.baselinesOnly()) {
			return;
		}
		line("| Import endpoints: validate + write (customers, then assignments) | %,.0f | %,.0f |".formatted(importMs, assignments / importMs * 1000));
		if (!Double.isNaN(rawMs)) {
			line("| Import / raw (one property) | %.0f %% |  |".formatted(rawMs / importMs * 100));
		}
		if (!Double.isNaN(sameGraphMs)) {
			line("| Import / raw (the import's graph) | %.0f %% |  |".formatted(sameGraphMs / importMs * 100));
		}
		line("");
	}

	/** The index, then the timed reads after a warm-up. */
	private void reads(Driver driver) throws Exception {
		JsonNode status = graphQl("mutation { refreshSegmentIndex { customers tags assignments buildMillis memoryBytes } }", Map.of())
			.path("data").path("refreshSegmentIndex");
		line("## Bitmap index");
		line("");
		line("%s customers, %s tags, %s assignments: built in %s ms, %.1f MiB.".formatted(status.path("customers"),
				status.path("tags"), status.path("assignments"), status.path("buildMillis"),
				status.path("memoryBytes").asLong() / 1048576.0));
		line("");

		warmUp(driver);
		List<Samples> rows = new ArrayList<>();
		segments(driver, rows);
		String portraitRatio = portraits(driver, rows);
		line("## Reads");
		line("");
		line(Samples.header());
		rows.forEach(r -> line(r.row()));
		line("");
		line(portraitRatio);
		line("");
		throughput();
	}

	/** Streams the generated customers to customers.csv and assignments.csv. */
	private long generate(Driver driver) throws IOException {
		CustomerLibrary library = CustomerLibrary.read(driver);
		AtomicLong count = new AtomicLong();
		try (BufferedWriter c = Files.newBufferedWriter(options.work().resolve("customers.csv"));
				BufferedWriter a = Files.newBufferedWriter(options.work().resolve("assignments.csv"))) {
			c.write("id,name,orgNo,consSort\n");
			a.write("customerId,tagCode\n");
			library.generator(42).generate(options.customers(), 42, customer -> {
				try {
					c.write(customer.id() + "," + customer.name() + "," + customer.attributes().get("orgNo") + ","
							+ customer.attributes().get("consSort") + "\n");
					for (String tag : customer.tags()) {
						a.write(customer.id());
						a.write(',');
						a.write(tag);
						a.write('\n');
					}
					count.addAndGet(customer.tags().size());
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
		return count.get();
	}

	/**
	 * The baseline: the same rows in UNWIND batches of 10,000 per transaction, into a separate embedded
	 * Neo4j, with nothing but CREATE. {@code sameGraph} writes what an import writes (the customers'
	 * importId, each assignment's source, importId and assignedAt) under the app's schema, whose
	 * relationship index on importId makes a rollback findable; otherwise only {@code source}, with
	 * just the two lookup constraints.
	 */
	private double rawLoad(long assignments, boolean sameGraph) throws IOException {
		Path store = options.work().resolve(sameGraph ? "raw-same-graph" : "raw");
		EmbeddedNeo4jServer server = new EmbeddedNeo4jServer(EmbeddedNeo4jProperties.local(store, false, "2g"));
		try (Driver raw = GraphDatabase.driver(server.boltUri(), server.credentials().authToken()); var session = raw.session()) {
			if (sameGraph) {
				for (String statement : schemaStatements()) {
					session.run(statement).consume();
				}
			}
			else {
				session.run("CREATE CONSTRAINT IF NOT EXISTS FOR (c:Customer) REQUIRE c.id IS UNIQUE").consume();
				session.run("CREATE CONSTRAINT IF NOT EXISTS FOR (t:Tag) REQUIRE t.code IS UNIQUE").consume();
			}
			session.run("CALL db.awaitIndexes(300)").consume();
			session.run("UNWIND range(1, 9) AS s UNWIND range(1, 30) AS n CREATE (:Tag {code: 'T0' + s + CASE WHEN n < 10 THEN '0' ELSE '' END + n})").consume();
			String customerCypher = sameGraph
					? "UNWIND $rows AS r CREATE (:Customer {id: r[0], name: r[1], orgNo: r[2], consSort: r[3], importId: $importId})"
					: "UNWIND $rows AS r CREATE (:Customer {id: r[0], name: r[1], orgNo: r[2], consSort: r[3]})";
			String assignmentCypher = sameGraph ? """
					UNWIND $rows AS r MATCH (c:Customer {id: r[0]}) MATCH (t:Tag {code: r[1]})
					CREATE (c)-[:HAS_TAG {source: 'IMPORT', importId: $importId, assignedAt: $now}]->(t)""" : """
					UNWIND $rows AS r MATCH (c:Customer {id: r[0]}) MATCH (t:Tag {code: r[1]})
					CREATE (c)-[:HAS_TAG {source: 'IMPORT'}]->(t)""";
			long started = System.nanoTime();
			batches(options.work().resolve("customers.csv"), 10_000, batch -> session.executeWriteWithoutResult(tx -> tx.run(
					customerCypher, Map.of("rows", batch, "importId", RAW_IMPORT_ID))));
			batches(options.work().resolve("assignments.csv"), 10_000, batch -> session.executeWriteWithoutResult(tx -> tx.run(
					assignmentCypher, Map.of("rows", batch, "importId", RAW_IMPORT_ID, "now", java.time.ZonedDateTime.now()))));
			double elapsed = ms(started);
			System.out.printf("  raw load (%s): %,.0f ms, %,.0f assignments/s%n", sameGraph ? "the import's graph" : "one property",
					elapsed, assignments / elapsed * 1000);
			return elapsed;
		}
		finally {
			server.close();
		}
	}

	/** The statements of cypher/schema.cypher, split as the app splits them. */
	private static List<String> schemaStatements() throws IOException {
		return com.taggraph.graph.GraphSchema.statements(Files.readString(Path.of("cypher", "schema.cypher")));
	}

	private double importThroughEndpoints() throws Exception {
		long started = System.nanoTime();
		JsonNode c = upload("/api/import/customers", options.work().resolve("customers.csv"));
		JsonNode a = upload("/api/import/assignments", options.work().resolve("assignments.csv"));
		double elapsed = ms(started);
		System.out.printf("  import: %,.0f ms%n  customers: %s%n  assignments: %s%n", elapsed, abbreviate(c), abbreviate(a));
		if (!a.path("committed").asBoolean()) {
			throw new IllegalStateException("assignment import refused: " + abbreviate(a));
		}
		return elapsed;
	}

	/**
	 * Runs every read path for four minutes before anything is timed: after the load the JIT is
	 * still working through a backlog, and the read paths have not been compiled at all. Measured
	 * with the app and client in one JVM on this 2-core machine, the GraphQL portrait took about
	 * three minutes of steady requests to settle (6.4 ms after one minute, 4.1 ms after three).
	 */
	private void warmUp(Driver driver) {
		java.util.SplittableRandom random = new java.util.SplittableRandom(7);
		String count = "{ segment(where: {allOf: [{anyOf: [\"C07\"]}, {anyOf: [\"T0101\", \"T0102\"]}], noneOf: [\"T0501\"]}) { count customers(first: 100) { edges { node { id } } } } }";
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
		try (var session = driver.session()) {
			while (System.nanoTime() < until) {
				String id = randomId(random);
				graphQl(PORTRAIT_GRAPHQL, Map.of("id", id));
				graphQl(count, Map.of());
				session.run(PortraitQuery.CYPHER, Map.of("id", id, "hidden", List.of())).list();
			}
		}
	}

	private void segments(Driver driver, List<Samples> rows) {
		record Case(String name, String where, String cypher) {
		}
		List<Case> cases = List.of(
				new Case("3 ANDs", "{allOf: [{anyOf: [\"T0103\"]}, {anyOf: [\"T0301\"]}, {anyOf: [\"T0201\"]}]}", """
						MATCH (c:Customer) WHERE EXISTS { (c)-[:HAS_TAG]->(:Tag {code: 'T0103'}) }
						  AND EXISTS { (c)-[:HAS_TAG]->(:Tag {code: 'T0301'}) } AND EXISTS { (c)-[:HAS_TAG]->(:Tag {code: 'T0201'}) }
						RETURN count(c)"""),
				new Case("(A OR B) AND C AND NOT D", "{allOf: [{anyOf: [\"T0101\", \"T0102\"]}, {anyOf: [\"T0309\"]}], noneOf: [\"T0501\"]}", """
						MATCH (c:Customer) WHERE EXISTS { (c)-[:HAS_TAG]->(t:Tag) WHERE t.code IN ['T0101', 'T0102'] }
						  AND EXISTS { (c)-[:HAS_TAG]->(:Tag {code: 'T0309'}) } AND NOT EXISTS { (c)-[:HAS_TAG]->(:Tag {code: 'T0501'}) }
						RETURN count(c)"""),
				new Case("class C07 AND (A OR B) AND NOT class C05.02", "{allOf: [{anyOf: [\"C07\"]}, {anyOf: [\"T0103\", \"T0102\"]}], noneOf: [\"C05.02\"]}", """
						MATCH (c:Customer) WHERE EXISTS { (c)-[:HAS_TAG]->(:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(:TagClass {code: 'C07'}) }
						  AND EXISTS { (c)-[:HAS_TAG]->(t:Tag) WHERE t.code IN ['T0103', 'T0102'] }
						  AND NOT EXISTS { (c)-[:HAS_TAG]->(:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(:TagClass {code: 'C05.02'}) }
						RETURN count(c)"""));
		for (Case c : cases) {
			String query = "{ segment(where: %s) { count } }".formatted(c.where());
			long graphQlCount = graphQl(query, Map.of()).path("data").path("segment").path("count").asLong();
			long cypherCount;
			try (var session = driver.session()) {
				cypherCount = session.run(c.cypher()).single().get(0).asLong();
			}
			if (graphQlCount != cypherCount) {
				throw new IllegalStateException(c.name() + ": GraphQL " + graphQlCount + " != Cypher " + cypherCount);
			}
			rows.add(Samples.time("GraphQL segment count, %s (= %,d)".formatted(c.name(), graphQlCount), 100, 500,
					() -> graphQl(query, Map.of())));
			rows.add(Samples.time("Cypher count, same, over Bolt", 1, 5, () -> {
				try (var session = driver.session()) {
					return session.run(c.cypher()).single();
				}
			}));
		}
		// the class-based case is the largest segment, so it has ten pages of 100
		String where = cases.get(2).where();
		String page = "query($after: String) { segment(where: %s) { customers(first: 100, after: $after) { edges { node { id } } pageInfo { endCursor } } } }"
			.formatted(where);
		rows.add(Samples.time("GraphQL first page of 100 ids", 50, 300, () -> graphQl(page, Map.of())));
		Map<String, Object> tenth = new LinkedHashMap<>();
		for (int i = 0; i < 9; i++) {
			String cursor = graphQl(page, tenth).path("data").path("segment").path("customers").path("pageInfo").path("endCursor").asString();
			tenth.put("after", cursor);
		}
		rows.add(Samples.time("GraphQL tenth page of 100 ids", 50, 300, () -> graphQl(page, tenth)));
	}

	/**
	 * The GraphQL portrait against the single Cypher statement the app sends for it
	 * ({@link PortraitQuery#CYPHER}), run by a Bolt client as an auto-commit query (what the app does)
	 * and in a managed read transaction (what driver examples do; one more round trip). The calls are
	 * interleaved, each on its own random customer, beside the bare HTTP round trip of a GraphQL
	 * request ({@code __typename}) that every GraphQL figure includes.
	 */
	private String portraits(Driver driver, List<Samples> rows) {
		java.util.SplittableRandom random = new java.util.SplittableRandom(1);
		Map<String, Object> none = Map.of();
		try (var session = driver.session()) {
			List<Supplier<?>> calls = List.of(
					() -> graphQl(PORTRAIT_GRAPHQL, Map.of("id", randomId(random))),
					() -> graphQlJdkClient(PORTRAIT_GRAPHQL, Map.of("id", randomId(random))),
					() -> session.run(PortraitQuery.CYPHER, Map.of("id", randomId(random), "hidden", List.of())).list(),
					() -> session.executeRead(tx -> tx.run(PortraitQuery.CYPHER, Map.of("id", randomId(random), "hidden", List.of())).list()),
					() -> graphQl("{ __typename }", none));
			// warm all paths before timing any of them
			Samples.interleaved(500, List.of("warm-up", "warm-up", "warm-up", "warm-up", "warm-up"), calls);
			List<Samples> timed = Samples.interleaved(2000, List.of(
					"GraphQL portrait of a random customer (HttpURLConnection)",
					"The same over java.net.http.HttpClient",
					"The app's portrait Cypher over Bolt, auto-commit",
					"The same Cypher in a managed read transaction (executeRead)",
					"GraphQL `{ __typename }` over HTTP: the bare round trip"), calls);
			rows.addAll(timed);
			Samples graphQl = timed.get(0);
			Samples jdkClient = timed.get(1);
			Samples autoCommit = timed.get(2);
			Samples managed = timed.get(3);
			return ("Portrait GraphQL / Cypher, medians: %.2f× against auto-commit, %.2f× against executeRead"
					+ " (through java.net.http.HttpClient: %.2f× and %.2f×).")
				.formatted(graphQl.median() / autoCommit.median(), graphQl.median() / managed.median(),
						jdkClient.median() / autoCommit.median(), jdkClient.median() / managed.median());
		}
	}

	private String randomId(java.util.SplittableRandom random) {
		return "33%08d".formatted(1 + random.nextLong(options.customers()));
	}

	private void throughput() throws InterruptedException {
		ExecutorService clients = Executors.newFixedThreadPool(8);
		AtomicLong done = new AtomicLong();
		List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		for (int t = 0; t < 8; t++) {
			int seed = t;
			clients.submit(() -> {
				java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
				while (System.nanoTime() < until) {
					long started = System.nanoTime();
					graphQl(PORTRAIT_GRAPHQL, Map.of("id", randomId(random)));
					latencies.add(ms(started));
					done.incrementAndGet();
				}
			});
		}
		clients.shutdown();
		clients.awaitTermination(2, TimeUnit.MINUTES);
		Samples s = Samples.of("portrait, 8 concurrent clients, 30 s", latencies.stream().mapToDouble(Double::doubleValue).toArray());
		line("## Portrait throughput");
		line("");
		line("8 concurrent GraphQL clients for 30 s: %,.0f portraits/s, median %s ms, p95 %s ms, max %s ms.".formatted(
				done.get() / 30.0, Samples.fmt(s.median()), Samples.fmt(s.p95()), Samples.fmt(s.max())));
	}

	// ---- plumbing -----------------------------------------------------------------------------

	/**
	 * One GraphQL request over a kept-alive HttpURLConnection: a plain blocking client, so the
	 * figures are the server's and not the client's. {@link #graphQlJdkClient} measures the same
	 * request through java.net.http, which costs about half a millisecond more per request here.
	 */
	private JsonNode graphQl(String query, Map<String, Object> variables) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(base + "/graphql").toURL().openConnection();
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			try (var out = connection.getOutputStream()) {
				out.write(json.writeValueAsBytes(requestBody(query, variables)));
			}
			try (var in = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream()) {
				return checked(json.readTree(in));
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private JsonNode graphQlJdkClient(String query, Map<String, Object> variables) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/graphql")).header("Authorization", com.taggraph.ApiClient.basic(com.taggraph.ApiClient.TESTER))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(requestBody(query, variables))))
				.build(), HttpResponse.BodyHandlers.ofString());
			return checked(json.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> requestBody(String query, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		return body;
	}

	private static JsonNode checked(JsonNode node) {
		if (node.has("errors")) {
			throw new IllegalStateException(abbreviate(node));
		}
		return node;
	}

	private JsonNode upload(String path, Path file) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", com.taggraph.ApiClient.basic(com.taggraph.ApiClient.TESTER))
			.header("Content-Type", "text/csv; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

	private static void batches(Path csv, int size, java.util.function.Consumer<List<List<String>>> sink) throws IOException {
		try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
			List<List<String>> batch = new ArrayList<>(size);
			var it = lines.skip(1).iterator();
			while (it.hasNext()) {
				batch.add(List.of(it.next().split(",", -1)));
				if (batch.size() == size) {
					sink.accept(batch);
					batch = new ArrayList<>(size);
				}
			}
			if (!batch.isEmpty()) {
				sink.accept(batch);
			}
		}
	}

	private void line(String text) {
		report.append(text).append('\n');
		System.out.println(text);
	}

	private static double ms(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e6;
	}

	private static String abbreviate(JsonNode node) {
		String text = node.toString();
		return text.length() > 600 ? text.substring(0, 600) + "…" : text;
	}

	private static String memTotal() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
		}
		catch (IOException ex) {
			return "?";
		}
	}
}
