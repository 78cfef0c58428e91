package com.taggraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.taggraph.TagGraphApplication;
import com.taggraph.customer.CustomerLibrary;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load test of issue 6: the whole app (demo library, 10,000 demo customers) on a fresh data
 * directory on loopback; 50 GraphQL clients send a mix of portraits and segment queries for 60 s,
 * while one steward edits the library (creates and renames classes and tags under its own codes,
 * assigns them to customers) and bulk imports of new customers and their assignments run one after
 * the other. Every response is checked (HTTP 200, no GraphQL {@code errors}); afterwards every
 * steward write and every imported row is looked up in the graph. Prints a Markdown report (also
 * written to {@code target/bench/load-benchmark.md}) and exits 1 if there was an error or a lost write.
 *
 * <p>{@code mvn -B -Pbench test-compile exec:exec -Dbench.main=com.taggraph.bench.LoadBenchmark -Dbench.args="--clients 50 --seconds 60"}
 *
 * <p>Options: {@code --clients 50}, {@code --seconds 60}, {@code --warmup 20} (seconds of the same read mix
 * before the timed window, not counted), {@code --import-customers 5000} (customers per import round;
 * rounds follow each other until the window ends), {@code --portrait-share 0.5}.
 */
public final class LoadBenchmark {

	/** The load client's user: ADMIN, allowed customer data, so every query and write of the mix is permitted. */
	static final String USER = "loadtest";
	static final String PASSWORD = "taggraph-load-7Qx2";
	/**
	 * BCrypt of {@link #PASSWORD}, computed once with spring-security-crypto's {@code BCryptPasswordEncoder}
	 * at strength 10, its default (what the README tells operators to use).
	 */
	static final String PASSWORD_HASH = "$2a$10$.pFcy1W2iky/SqyM8qAJWeGyCBZKqoXwHzAsKoQfWa1/1ndhJvxYG";

	static final String PORTRAIT = """
			query($id: ID!) { customer(id: $id) { id name portrait { tagCount sections { rootClass { code name }
			  groups { tagClass { code name } classChain { code name } assignments { tag { code name } value } } } } } }""";

	/** Segment combinations over the demo library: tags, classes and facet values, with AND, OR and NOT. */
	static final List<String> SEGMENTS = List.of(
			"{allOf: [{anyOf: [\"T0103\"]}, {anyOf: [\"T0301\"]}, {anyOf: [\"T0201\"]}]}",
			"{allOf: [{anyOf: [\"T0101\", \"T0102\"]}, {anyOf: [\"T0309\"]}], noneOf: [\"T0501\"]}",
			"{allOf: [{anyOf: [\"C07\"]}, {anyOf: [\"T0103\", \"T0102\"]}], noneOf: [\"C05.02\"]}",
			"{allOf: [{anyOf: [\"F3.U3\"]}, {anyOf: [\"F2.D2\"]}]}",
			"{allOf: [{anyOf: [\"F1.S3\", \"F1.S2\"]}, {anyOf: [\"C02\"]}], noneOf: [\"T0101\"]}",
			"{allOf: [{anyOf: [\"C03\"]}], noneOf: [\"T0101\"]}");
	static final String SEGMENT = """
			query($after: String) { segment(where: %s) { count customers(first: 50, after: $after) {
			  edges { node { id name } } pageInfo { endCursor hasNextPage } } tagDistribution(classCode: "C01") { tag { code } count share } } }""";

	/**
	 * Keeps cookies as a browser would: if the app answers Basic authentication with a session, the
	 * clients reuse it, and Spring Security checks the BCrypt hash once per session, not per request.
	 */
	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new java.net.CookieManager())
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();
	private final JsonMapper json = JsonMapper.builder().build();
	private final StringBuilder report = new StringBuilder();
	private final String authorization = "Basic "
			+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	private final Options options;
	private final Path work;
	private String base;
	private final long demoCustomers = 10_000;

	/** Every error seen, by kind; the first few bodies are kept for the report. */
	private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
	private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

	/** The options of the class comment, with their defaults. */
	record Options(int clients, int seconds, int warmupSeconds, int importCustomers, double portraitShare) {

		static Options of(String[] argv) {
			Map<String, String> args = BenchRun.pairs(argv);
			return new Options(Integer.parseInt(args.getOrDefault("clients", "50")),
					Integer.parseInt(args.getOrDefault("seconds", "60")), Integer.parseInt(args.getOrDefault("warmup", "20")),
					Integer.parseInt(args.getOrDefault("import-customers", "5000")),
					Double.parseDouble(args.getOrDefault("portrait-share", "0.5")));
		}
	}

	private LoadBenchmark(Options options, Path work) {
		this.options = options;
		this.work = work;
	}

	public static void main(String[] args) throws Exception {
		Path work = Files.createTempDirectory("taggraph-load-bench");
		boolean ok = new LoadBenchmark(Options.of(args), work).run();
		System.exit(ok ? 0 : 1);
	}

	private boolean run() throws Exception {
		Path data = work.resolve("data");
		long startAt = System.nanoTime();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TagGraphApplication.class).run(
				"--server.port=0", "--taggraph.neo4j.embedded.data-dir=" + data,
				"--taggraph.neo4j.embedded.bolt-port=0", "--taggraph.neo4j.embedded.http-enabled=false",
				"--taggraph.neo4j.embedded.password=" + Long.toHexString(new java.security.SecureRandom().nextLong()),
				"--taggraph.security.users." + USER + ".password={bcrypt}" + PASSWORD_HASH,
				"--taggraph.security.users." + USER + ".roles=ADMIN",
				"--taggraph.security.users." + USER + ".customer-data=true",
				"--taggraph.import.customers-max-bytes=1GB")) {
			base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			Driver driver = app.getBean(Driver.class);
			double startMs = (System.nanoTime() - startAt) / 1e6;
			long[] size = graphSize(driver);
			line("# Issue 6 — load");
			line("");
			line("Fresh data directory: the demo library and its %,d demo customers; %,d nodes and %,d relationships at the start (app started in %,.0f ms)."
				.formatted(demoCustomers, size[0], size[1], startMs));
			line("");
			line("Machine: %d cores (nproc), %s; Java %s, max heap %d MiB. Client and app in one JVM."
				.formatted(Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
						Runtime.getRuntime().maxMemory() >> 20));
			line("");
			checkQueries();
			Steward steward = new Steward();
			steward.setUp();
			Importer importer = new Importer(driver);

			if (options.warmupSeconds() > 0) {
				System.out.printf("warm-up: %d clients for %d s (read mix only)%n", options.clients(), options.warmupSeconds());
				readers(options.warmupSeconds(), new Stats(), new Stats());
				errors.clear();
				errorSamples.clear();
			}

			Stats portraits = new Stats();
			Stats segments = new Stats();
			List<double[]> loads = new ArrayList<>();
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.seconds());
			Thread loadSampler = start("load-sampler", () -> {
				while (!Thread.currentThread().isInterrupted()) {
					synchronized (loads) {
						loads.add(loadAverage());
					}
					try {
						Thread.sleep(5000);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			Thread stewardThread = start("steward", () -> steward.work(until));
			Thread importThread = start("importer", () -> importer.work(until));
			System.out.printf("timed window: %d clients for %d s, with the steward and the imports%n", options.clients(), options.seconds());
			long windowStarted = System.nanoTime();
			readers(options.seconds(), portraits, segments);
			double windowSeconds = (System.nanoTime() - windowStarted) / 1e9;
			stewardThread.join();
			double readersDone = (System.nanoTime() - windowStarted) / 1e9;
			importThread.join();
			double importsDone = (System.nanoTime() - windowStarted) / 1e9;
			loadSampler.interrupt();
			loads.add(loadAverage());

			// ---- lost writes ----------------------------------------------------------------
			List<String> lost = new ArrayList<>();
			lost.addAll(steward.verify(driver));
			lost.addAll(importer.verify(driver));
			long[] after = graphSize(driver);

			// ---- report ---------------------------------------------------------------------
			long totalErrors = errors.values().stream().mapToLong(AtomicLong::get).sum();
			long reads = portraits.count() + segments.count();
			line("## Throughput and latency under concurrent writes");
			line("");
			line("%d clients for %.1f s (after %d s of warm-up with the same mix), each sending one request after another: %.0f %% portraits, %.0f %% segment queries (%d combinations of tags, classes and facet values; count, first page of 50, distribution over C01)."
				.formatted(options.clients(), windowSeconds, options.warmupSeconds(), options.portraitShare() * 100, (1 - options.portraitShare()) * 100,
						SEGMENTS.size()));
			line("");
			line("| Kind | requests | req/s | median ms | p95 ms | p99 ms | max ms | errors |");
			line("|---|--:|--:|--:|--:|--:|--:|--:|");
			line(portraits.row("Portrait `customer(id){ portrait … }`", windowSeconds, errors("portrait")));
			line(segments.row("Segment `segment(where){ count customers tagDistribution }`", windowSeconds, errors("segment")));
			line("| All reads | %,d | %,.0f | | | | | %d |".formatted(reads, reads / windowSeconds,
					errors("portrait") + errors("segment")));
			line(steward.stats.row("Steward write (one client, one mutation after another)", readersDone, errors("steward")));
			steward.byMutation.forEach((name, stats) -> line(stats.row("&nbsp;&nbsp;of which `" + name + "`", readersDone, 0)));
			line("");
			line("Steward: %,d mutations (%,d classes created, %,d tags created, %,d renames, %,d tag assignments, %,d removals)."
				.formatted(steward.stats.count(), steward.classes.size(), steward.tags.size(), steward.renames,
						steward.assigned.size(), steward.removed));
			line("");
			line("Imports: %s; the last answered %.1f s after the window opened."
				.formatted(importer.summary(), importsDone));
			line("");
			double[] min = loads.stream().reduce((a, b) -> a[0] <= b[0] ? a : b).orElse(new double[] { 0 });
			double[] max = loads.stream().reduce((a, b) -> a[0] >= b[0] ? a : b).orElse(new double[] { 0 });
			line("Load average (1 min) during the window: %.2f–%.2f (sampled every 5 s)."
				.formatted(min[0], max[0]));
			line("");
			line("Graph after the run: %,d nodes, %,d relationships.".formatted(after[0], after[1]));
			line("");
			line("Errors: %d%s. Lost writes: %d%s.".formatted(totalErrors, totalErrors == 0 ? "" : " " + errors,
					lost.size(), lost.isEmpty() ? "" : " " + lost.subList(0, Math.min(10, lost.size()))));
			errorSamples.stream().limit(10).forEach(e -> line("- " + e));
			Files.createDirectories(Path.of("target", "bench"));
			Files.writeString(Path.of("target", "bench", "load-benchmark.md"), report.toString());
			return totalErrors == 0 && lost.isEmpty();
		}
	}

	// ---- readers ----------------------------------------------------------------------------

	private void readers(int forSeconds, Stats portraits, Stats segments) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(forSeconds);
		CountDownLatch done = new CountDownLatch(options.clients());
		for (int c = 0; c < options.clients(); c++) {
			int seed = c;
			start("client-" + c, () -> {
				SplittableRandom random = new SplittableRandom(seed * 7919L + System.nanoTime());
				try {
					while (System.nanoTime() < until) {
						if (random.nextDouble() < options.portraitShare()) {
							String id = "33%08d".formatted(1 + random.nextLong(demoCustomers));
							long started = System.nanoTime();
							JsonNode reply = graphQl("portrait", PORTRAIT, Map.of("id", id));
							if (reply != null) {
								portraits.add(started);
								if (!id.equals(reply.path("data").path("customer").path("id").asString(null))) {
									error("portrait", "no portrait of " + id + ": " + abbreviate(reply));
								}
							}
						}
						else {
							String query = SEGMENT.formatted(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
							long started = System.nanoTime();
							JsonNode reply = graphQl("segment", query, Map.of());
							if (reply != null) {
								segments.add(started);
							}
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		if (!done.await(forSeconds + 120, TimeUnit.SECONDS)) {
			throw new IllegalStateException("clients still busy two minutes after the window closed");
		}
	}

	/** Every query of the mix once, so a wrong code fails the run before it starts rather than as 'errors'. */
	private void checkQueries() {
		for (String where : SEGMENTS) {
			JsonNode reply = graphQl("check", SEGMENT.formatted(where), Map.of());
			if (reply == null) {
				throw new IllegalStateException("segment query refused: " + errorSamples);
			}
			System.out.printf("  segment %s: %d customers%n", where, reply.path("data").path("segment").path("count").asInt());
		}
		if (graphQl("check", PORTRAIT, Map.of("id", "3300000001")) == null) {
			throw new IllegalStateException("portrait refused: " + errorSamples);
		}
	}

	// ---- the steward ------------------------------------------------------------------------

	/**
	 * One steward working through the library under its own codes (root class LT), one mutation after
	 * another, as fast as the server answers: create a class, create a tag in it, rename both, assign the
	 * tag to a demo customer, and every fifth round take an earlier tag off its customer. What each
	 * write should have left is recorded, to be looked up afterwards.
	 */
	private final class Steward {

		final Stats stats = new Stats();
		/** The same latencies by mutation, to tell a slow kind of write from a slow moment. */
		final Map<String, Stats> byMutation = new LinkedHashMap<>();
		final Map<String, String> classes = new LinkedHashMap<>();
		final Map<String, String> tags = new LinkedHashMap<>();
		/** tag code → customer id, for assignments that should still be there. */
		final Map<String, String> assigned = new LinkedHashMap<>();
		/** tag code → customer id, for assignments the steward took off again. */
		final Map<String, String> unassigned = new LinkedHashMap<>();
		int renames;
		int removed;
		final String prefix = "LT" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

		void setUp() {
			mutate("""
					mutation($code: ID!) { createTagClass(input: {code: $code, name: "负载测试", criterion: "按测试轮次"}) { code } }""",
					Map.of("code", prefix));
			classes.put(prefix, "负载测试");
		}

		void work(long until) {
			SplittableRandom random = new SplittableRandom(99);
			int round = 0;
			while (System.nanoTime() < until) {
				round++;
				String classCode = prefix + ".C" + round;
				String tagCode = prefix + ".T" + round;
				String customer = "33%08d".formatted(1 + random.nextLong(demoCustomers));
				if (mutate("""
						mutation($code: ID!, $parent: ID!, $name: String!) { createTagClass(input: {code: $code,
						  parentCode: $parent, name: $name, criterion: "按编号"}) { code } }""",
						Map.of("code", classCode, "parent", prefix, "name", "测试类" + round))) {
					classes.put(classCode, "测试类" + round);
				}
				if (mutate("""
						mutation($code: ID!, $cls: ID!, $name: String!) { createTag(input: {code: $code, classCode: $cls,
						  name: $name, rule: "负载测试"}) { code } }""",
						Map.of("code", tagCode, "cls", classCode, "name", "测试标签" + round))) {
					tags.put(tagCode, "测试标签" + round);
				}
				if (mutate("mutation($code: ID!, $name: String!) { updateTag(code: $code, input: {name: $name}) { code name } }",
						Map.of("code", tagCode, "name", "测试标签" + round + "（改）"))) {
					tags.put(tagCode, "测试标签" + round + "（改）");
					renames++;
				}
				if (mutate("mutation($code: ID!, $name: String!) { updateTagClass(code: $code, input: {name: $name}) { code name } }",
						Map.of("code", classCode, "name", "测试类" + round + "（改）"))) {
					classes.put(classCode, "测试类" + round + "（改）");
					renames++;
				}
				if (mutate("mutation($id: ID!, $tags: [ID!]!) { assignTags(customerId: $id, tagCodes: $tags) { id } }",
						Map.of("id", customer, "tags", List.of(tagCode)))) {
					assigned.put(tagCode, customer);
				}
				if (round % 5 == 0) {
					String earlier = prefix + ".T" + (round - 2);
					String of = assigned.get(earlier);
					if (of != null && mutate("mutation($id: ID!, $tags: [ID!]!) { removeTags(customerId: $id, tagCodes: $tags) { id } }",
							Map.of("id", of, "tags", List.of(earlier)))) {
						assigned.remove(earlier);
						unassigned.put(earlier, of);
						removed++;
					}
				}
			}
		}

		private boolean mutate(String mutation, Map<String, Object> variables) {
			long started = System.nanoTime();
			JsonNode reply = graphQl("steward", mutation, variables);
			if (reply == null) {
				return false;
			}
			stats.add(started);
			String name = mutation.replaceAll("(?s)^\\s*mutation[^{]*\\{\\s*(\\w+).*", "$1");
			byMutation.computeIfAbsent(name, k -> new Stats()).add(started);
			return true;
		}

		/** Every class and tag with its last name, every assignment present, every removal gone. */
		List<String> verify(Driver driver) {
			List<String> lost = new ArrayList<>();
			try (var session = driver.session()) {
				Map<String, String> classNames = new LinkedHashMap<>();
				session.run("MATCH (c:TagClass) WHERE c.code STARTS WITH $prefix RETURN c.code AS code, c.name AS name",
						Map.of("prefix", prefix)).forEachRemaining(r -> classNames.put(r.get("code").asString(), r.get("name").asString()));
				classes.forEach((code, name) -> {
					if (!name.equals(classNames.get(code))) {
						lost.add("class " + code + " should be named " + name + ", is " + classNames.get(code));
					}
				});
				Map<String, String> tagNames = new LinkedHashMap<>();
				Map<String, Set<String>> carriers = new LinkedHashMap<>();
				session.run("""
						MATCH (t:Tag)-[:IN_CLASS]->(c:TagClass) WHERE t.code STARTS WITH $prefix
						RETURN t.code AS code, t.name AS name, c.code AS cls, [(x:Customer)-[:HAS_TAG]->(t) | x.id] AS carriers""",
						Map.of("prefix", prefix)).forEachRemaining(r -> {
							String code = r.get("code").asString();
							tagNames.put(code, r.get("name").asString());
							carriers.put(code, new LinkedHashSet<>(r.get("carriers").asList(v -> v.asString())));
							String expectedClass = code.replace(".T", ".C");
							if (!expectedClass.equals(r.get("cls").asString())) {
								lost.add("tag " + code + " is in " + r.get("cls").asString());
							}
						});
				tags.forEach((code, name) -> {
					if (!name.equals(tagNames.get(code))) {
						lost.add("tag " + code + " should be named " + name + ", is " + tagNames.get(code));
					}
				});
				assigned.forEach((tag, customer) -> {
					if (!carriers.getOrDefault(tag, Set.of()).equals(Set.of(customer))) {
						lost.add("tag " + tag + " should be carried by " + customer + " alone, is by " + carriers.get(tag));
					}
				});
				unassigned.forEach((tag, customer) -> {
					if (!carriers.getOrDefault(tag, Set.of()).isEmpty()) {
						lost.add("tag " + tag + " was taken off " + customer + ", still carried by " + carriers.get(tag));
					}
				});
				long events = session.run("""
						MATCH (e:ChangeEvent) WHERE e.code STARTS WITH $prefix RETURN count(e) AS n""", Map.of("prefix", prefix))
					.single().get("n").asLong();
				System.out.printf("  steward: %d mutations answered, %d change events recorded for its codes%n",
						stats.count() + 1, events);
			}
			return lost;
		}
	}

	// ---- the imports ------------------------------------------------------------------------

	/**
	 * Bulk imports, one round after another until the window closes: a customers file of new
	 * customers, then their assignments (generated by the demo generator, so they pass validation).
	 */
	private final class Importer {

		private final CustomerLibrary library;
		final List<Round> rounds = new ArrayList<>();

		record Round(String prefix, long customers, long assignments, String customersImport, String assignmentsImport,
				double customersSeconds, double assignmentsSeconds) {
		}

		Importer(Driver driver) {
			library = CustomerLibrary.read(driver);
		}

		void work(long until) {
			int round = 0;
			while (System.nanoTime() < until) {
				round++;
				try {
					String prefix = "LI%d".formatted(round);
					Path customers = work.resolve("customers-" + round + ".csv");
					Path assignments = work.resolve("assignments-" + round + ".csv");
					long rows = library.writeCsv(prefix, options.importCustomers(), round, customers, assignments);
					long started = System.nanoTime();
					JsonNode c = upload("/api/import/customers", customers);
					double customersSeconds = (System.nanoTime() - started) / 1e9;
					if (c == null) {
						return;
					}
					started = System.nanoTime();
					JsonNode a = upload("/api/import/assignments", assignments);
					double assignmentsSeconds = (System.nanoTime() - started) / 1e9;
					if (a == null) {
						return;
					}
					rounds.add(new Round(prefix, options.importCustomers(), rows, c.path("run").path("importId").asString(),
							a.path("run").path("importId").asString(), customersSeconds, assignmentsSeconds));
					System.out.printf("  import round %d: %,d customers in %.1f s, %,d assignments in %.1f s%n", round,
							options.importCustomers(), customersSeconds, rows, assignmentsSeconds);
				}
				catch (IOException ex) {
					error("import", ex.toString());
					return;
				}
			}
		}

		/** The answer when it committed, else null (the error counted). */
		private JsonNode upload(String path, Path file) throws IOException {
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "text/csv; charset=UTF-8")
					.header("Authorization", authorization)
					.header("X-User", USER)
					.timeout(Duration.ofMinutes(10))
					.POST(HttpRequest.BodyPublishers.ofFile(file))
					.build(), HttpResponse.BodyHandlers.ofString());
				JsonNode body = json.readTree(response.body());
				if (response.statusCode() != 200 || !body.path("committed").asBoolean()) {
					error("import", "HTTP %d from %s: %s".formatted(response.statusCode(), path, abbreviate(body)));
					return null;
				}
				return body;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}

		/** Each round's customers and every one of its assignments are there, carrying the import's id; its runs are COMPLETE. */
		List<String> verify(Driver driver) {
			List<String> lost = new ArrayList<>();
			try (var session = driver.session()) {
				for (Round r : rounds) {
					long customers = session.run("MATCH (c:Customer) WHERE c.id STARTS WITH $p RETURN count(c) AS n",
							Map.of("p", r.prefix())).single().get("n").asLong();
					long assignments = session.run("MATCH (:Customer)-[h:HAS_TAG {importId: $id}]->(:Tag) RETURN count(h) AS n",
							Map.of("id", r.assignmentsImport())).single().get("n").asLong();
					List<String> statuses = session.run("MATCH (i:ImportRun) WHERE i.id IN $ids RETURN i.status AS s",
							Map.of("ids", List.of(r.customersImport(), r.assignmentsImport()))).list(x -> x.get("s").asString());
					if (customers != r.customers()) {
						lost.add("import %s: %d of %d customers".formatted(r.customersImport(), customers, r.customers()));
					}
					if (assignments != r.assignments()) {
						lost.add("import %s: %d of %d assignments".formatted(r.assignmentsImport(), assignments, r.assignments()));
					}
					if (!statuses.equals(List.of("COMPLETE", "COMPLETE"))) {
						lost.add("imports %s, %s: status %s".formatted(r.customersImport(), r.assignmentsImport(), statuses));
					}
				}
			}
			return lost;
		}

		String summary() {
			if (rounds.isEmpty()) {
				return "none completed";
			}
			StringBuilder s = new StringBuilder("%d round%s".formatted(rounds.size(), rounds.size() == 1 ? "" : "s"));
			for (Round r : rounds) {
				s.append("; %,d new customers (%.1f s) then their %,d assignments (%.1f s, %,.0f rows/s)".formatted(
						r.customers(), r.customersSeconds(), r.assignments(), r.assignmentsSeconds(),
						r.assignments() / r.assignmentsSeconds()));
			}
			return s.toString();
		}
	}

	// ---- plumbing ---------------------------------------------------------------------------

	/** Latencies of one kind of request, from any thread. */
	static final class Stats {

		private final ConcurrentLinkedQueue<Double> ms = new ConcurrentLinkedQueue<>();

		void add(long startedNanos) {
			ms.add((System.nanoTime() - startedNanos) / 1e6);
		}

		long count() {
			return ms.size();
		}

		String row(String name, double seconds, long errors) {
			double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			if (sorted.length == 0) {
				return "| %s | 0 | | | | | | %d |".formatted(name, errors);
			}
			return "| %s | %,d | %,.1f | %s | %s | %s | %s | %d |".formatted(name, sorted.length, sorted.length / seconds,
					Samples.fmt(percentile(sorted, 0.50)), Samples.fmt(percentile(sorted, 0.95)),
					Samples.fmt(percentile(sorted, 0.99)), Samples.fmt(sorted[sorted.length - 1]), errors);
		}

		/** Nearest rank. */
		static double percentile(double[] sorted, double p) {
			return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
		}
	}

	/** The reply when it is HTTP 200 without GraphQL errors; otherwise null, with the error counted under {@code kind}. */
	private JsonNode graphQl(String kind, String query, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/graphql-response+json")
				.header("Authorization", authorization)
				.header("X-User", USER)
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				error(kind, "HTTP %d: %s".formatted(response.statusCode(), abbreviate(response.body())));
				return null;
			}
			JsonNode reply = json.readTree(response.body());
			if (reply.has("errors")) {
				error(kind, abbreviate(reply));
				return null;
			}
			return reply;
		}
		catch (IOException | RuntimeException ex) {
			error(kind, ex.toString());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error(kind, ex.toString());
			return null;
		}
	}

	private void error(String kind, String message) {
		errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
		if (errorSamples.size() < 20) {
			errorSamples.add(kind + ": " + message);
		}
		System.out.println("  ERROR " + kind + ": " + message);
	}

	private long errors(String kind) {
		AtomicLong n = errors.get(kind);
		return n == null ? 0 : n.get();
	}

	private static Thread start(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static long[] graphSize(Driver driver) {
		try (var session = driver.session()) {
			long nodes = session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
			long relationships = session.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong();
			return new long[] { nodes, relationships };
		}
	}

	private static double[] loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]) };
		}
		catch (IOException | RuntimeException ex) {
			return new double[] { Double.NaN, Double.NaN };
		}
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
				.filter(l -> l.startsWith("model name"))
				.map(l -> l.replaceFirst("model name\\s*:\\s*", ""))
				.findFirst()
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String abbreviate(Object node) {
		String text = String.valueOf(node);
		return text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}

	private void line(String text) {
		report.append(text).append('\n');
		System.out.println(text);
	}
}
