package com.taggraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.taggraph.ApiClient;
import com.taggraph.TagGraphApplication;
import com.taggraph.graph.EmbeddedNeo4jServer;
import com.taggraph.taxonomy.IndustryScheme;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of issue 2 (class hierarchy and class-scheme import), through the app's real HTTP
 * endpoints on a fresh data directory and random ports. Not a test: run it with
 * {@code mvn -B -Pbench test-compile exec:exec}; it prints Markdown tables for BENCHMARKS.md.
 *
 * <p>Arguments (all optional): {@code --iterations N} (default 500), {@code --warmup N} (100),
 * {@code --import-runs N} (10), {@code --restarts N} (3), {@code --tree-iterations N} (100) for the full-tree
 * query once the imports have made the tree large, {@code --cold-starts N} (2) starts in a new JVM each (fresh and
 * restart), {@code --keep} to keep the data directory. {@code --startup-only DIR} is what those new JVMs run.
 */
public final class HierarchyBenchmark {

	private static final String CSV = "text/csv; charset=UTF-8";

	/** Branching of the generated 5-level scheme: 4 + 32 + 256 + 2,048 + 18,432 = 20,772 classes. */
	private static final int[] LARGE_BRANCHING = { 4, 8, 8, 8, 9 };

	/** The Cypher the app sends for a class chain (TaxonomyRepository.classChains), copied verbatim. */
	private static final String CHAIN_CYPHER = """
			UNWIND $codes AS key
			MATCH path = (:TagClass {code: key})-[:BROADER]->*(root:TagClass)
			WHERE NOT (root)-[:BROADER]->(:TagClass)
			RETURN key, [n IN reverse(nodes(path)) | n {.code, .name, .criterion, .exclusive, .exhaustive, .scope}] AS chain
			""";

	/** The class lookup the app sends first for {@code tagClass(code:)} (TaxonomyRepository.findClasses). */
	private static final String FIND_CLASS_CYPHER = """
			UNWIND $codes AS key
			MATCH (c:TagClass {code: key})
			RETURN key, c.code AS code, c.name AS name, c.criterion AS criterion,
			coalesce(c.exclusive, false) AS exclusive, coalesce(c.exhaustive, false) AS exhaustive, c.scope AS scope,
			COUNT { (c)-[:BROADER]->+(:TagClass) } + 1 AS level,
			[(c)-[:BROADER]->(p:TagClass) | p.code][0] AS parentCode""";

	private final int iterations;
	private final int warmup;
	private final int importRuns;
	private final int restarts;
	private final int treeIterations;
	private final int coldStarts;
	private final boolean keep;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10)).build();
	private final JsonMapper json = JsonMapper.builder().build();
	private final StringBuilder report = new StringBuilder();

	private int port;
	private int coldStartCount;
	private String classesAfterImports = "after imports";

	private HierarchyBenchmark(Map<String, String> args) {
		this.iterations = Integer.parseInt(args.getOrDefault("iterations", "500"));
		this.warmup = Integer.parseInt(args.getOrDefault("warmup", "100"));
		this.importRuns = Integer.parseInt(args.getOrDefault("import-runs", "10"));
		this.restarts = Integer.parseInt(args.getOrDefault("restarts", "3"));
		this.treeIterations = Integer.parseInt(args.getOrDefault("tree-iterations", "100"));
		this.coldStarts = Integer.parseInt(args.getOrDefault("cold-starts", "2"));
		this.keep = args.containsKey("keep");
	}

	public static void main(String[] argv) throws Exception {
		Map<String, String> args = new LinkedHashMap<>();
		for (int i = 0; i < argv.length; i++) {
			if (!argv[i].startsWith("--")) {
				continue;
			}
			String key = argv[i].substring(2);
			boolean hasValue = i + 1 < argv.length && !argv[i + 1].startsWith("--");
			args.put(key, hasValue ? argv[++i] : "true");
		}
		BenchRun.exitAfter(() -> {
			if (args.containsKey("startup-only")) {
				startupOnly(Path.of(args.get("startup-only")));
			}
			else {
				new HierarchyBenchmark(args).run();
			}
		});
	}

	private void run() throws Exception {
		Path dataDir = Files.createTempDirectory("taggraph-bench-");
		Path freshDir = Files.createTempDirectory("taggraph-bench-fresh-");
		long benchStarted = System.nanoTime();
		try {
			machine();
			line(("Settings: %d iterations after %d warm-up per GraphQL/Bolt query (the full tree after the imports: %d after %d); "
					+ "%d import runs; data dir %s.").formatted(iterations, warmup, Math.min(iterations, treeIterations),
							Math.min(warmup, treeIterations / 5), importRuns, dataDir));
			line("Load average at start: " + loadAverage());
			line("");

			List<Stats> startups = new ArrayList<>();
			long started = System.nanoTime();
			ConfigurableApplicationContext app = start(dataDir);
			startups.add(Stats.single("fresh data dir, first start in the benchmark's JVM (schema + demo load)", millis(started)));
			try {
				port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
				URI bolt = app.getBean(EmbeddedNeo4jServer.class).boltUri();
				try (Driver driver = GraphDatabase.driver(bolt, app.getBean(EmbeddedNeo4jServer.class).credentials().authToken())) {
					driver.verifyConnectivity();
					section("Data: demo library only");
					sizes(driver);
					section("Reads on the demo library only");
					line("Load average before: " + loadAverage());
					line("");
					table(reads(driver, null));

					section("Class-scheme import (POST /api/import/tag-classes)");
					line("Load average before: " + loadAverage());
					line("");
					String leaf = imports(driver);

					section("Data: after the imports");
					classesAfterImports = sizes(driver);
					section("Reads after the imports");
					line("Load average before: " + loadAverage());
					line("");
					table(reads(driver, leaf));
				}
			}
			finally {
				started = System.nanoTime();
				app.close();
				line("(shutdown took %.0f ms)".formatted(millis(started)));
			}

			List<Double> coldRestart = new ArrayList<>();
			List<Double> coldRestartJvm = new ArrayList<>();
			List<Double> coldFresh = new ArrayList<>();
			List<Double> coldFreshJvm = new ArrayList<>();
			for (int i = 1; i <= coldStarts; i++) {
				double[] times = coldStart(dataDir);
				coldRestart.add(times[0]);
				coldRestartJvm.add(times[1]);
			}
			for (int i = 1; i <= coldStarts; i++) {
				double[] times = coldStart(freshDir.resolve("cold" + i));
				coldFresh.add(times[0]);
				coldFreshJvm.add(times[1]);
			}
			List<Double> warmRestart = new ArrayList<>();
			for (int i = 1; i <= restarts; i++) {
				started = System.nanoTime();
				try (ConfigurableApplicationContext again = start(dataDir)) {
					warmRestart.add(millis(started));
				}
			}
			List<Double> warmFresh = new ArrayList<>();
			for (int i = 1; i <= restarts; i++) {
				Path dir = freshDir.resolve("warm" + i);
				started = System.nanoTime();
				try (ConfigurableApplicationContext again = start(dir)) {
					warmFresh.add(millis(started));
				}
			}
			if (coldStarts > 0) {
				startups.add(Stats.of("fresh data dir, new JVM (JVM launch to ready: median %,.0f ms)"
					.formatted(median(coldFreshJvm)), coldFresh));
				startups.add(Stats.of("restart over the existing dir (%s), new JVM (JVM launch to ready: median %,.0f ms)"
					.formatted(classesAfterImports, median(coldRestartJvm)), coldRestart));
			}
			if (restarts > 0) {
				startups.add(Stats.of("fresh data dir, same JVM again (warm)", warmFresh));
				startups.add(Stats.of("restart over the existing dir, same JVM again (warm)", warmRestart));
			}
			section("Startup (SpringApplicationBuilder.run until it returns, the app ready)");
			line("Load average now: " + loadAverage());
			line("");
			table(startups);
			line("In order (ms): new JVM fresh %s; new JVM restart %s; warm fresh %s; warm restart %s.".formatted(
					join(coldFresh), join(coldRestart), join(warmFresh), join(warmRestart)));
			line("");
			line("Whole benchmark took %.0f s. Load average at end: %s".formatted(millis(benchStarted) / 1000, loadAverage()));
		}
		finally {
			System.out.flush();
			if (!keep) {
				delete(dataDir);
				delete(freshDir);
			}
		}
		Path out = Path.of("target", "bench", "hierarchy-benchmark.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report.toString());
		System.out.println("\n=== Report written to " + out.toAbsolutePath() + " ===\n");
		System.out.println(report);
	}

	// ---- app ----------------------------------------------------------------------------------

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(TagGraphApplication.class).profiles("testusers").run(
				"--server.port=0",
				"--taggraph.neo4j.embedded.data-dir=" + dataDir,
				"--taggraph.neo4j.embedded.bolt-port=0",
				"--taggraph.neo4j.embedded.http-port=0",
				"--taggraph.neo4j.embedded.http-enabled=false",
				"--spring.main.banner-mode=off",
				"--logging.level.root=WARN",
				"--logging.level.com.taggraph=INFO");
	}

	/** Run in a new JVM: starts the app once over {@code dir} and reports how long that took. */
	private static void startupOnly(Path dir) {
		long started = System.nanoTime();
		try (ConfigurableApplicationContext app = start(dir)) {
			double runMs = millis(started);
			long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
			System.out.printf(Locale.ROOT, "STARTUP run=%.1f jvm=%d%n", runMs, sinceJvmStart);
		}
	}

	/** Starts the app in a new JVM with this JVM's flags and class path, as a restart of the service would. */
	private double[] coldStart(Path dir) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), HierarchyBenchmark.class.getName(),
				"--startup-only", dir.toString()));
		Path log = Files.createDirectories(Path.of("target", "bench")).resolve("cold-start-%d.log".formatted(++coldStartCount));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
		if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("cold start failed; see " + log.toAbsolutePath());
		}
		String result = Files.readAllLines(log).stream().filter(l -> l.startsWith("STARTUP "))
			.reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no STARTUP line in " + log));
		double runMs = Double.parseDouble(result.replaceAll(".*run=([0-9.]+).*", "$1"));
		long jvmMs = Long.parseLong(result.replaceAll(".*jvm=([0-9]+).*", "$1"));
		System.out.printf(Locale.ROOT, "  new JVM over %s: %.0f ms (%d ms since the JVM started)%n", dir, runMs, jvmMs);
		return new double[] { runMs, jvmMs };
	}

	// ---- imports ------------------------------------------------------------------------------

	/** @return the code of a level-4 leaf of an imported scheme */
	private String imports(Driver driver) {
		String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
		int classes = IndustryScheme.lines("X").size() - 1;
		List<Double> creates = new ArrayList<>();
		String lastCsv = null;
		String lastPrefix = null;
		for (int i = 0; i < importRuns; i++) {
			lastPrefix = "B" + runId + i + "-";
			lastCsv = IndustryScheme.csv(lastPrefix);
			creates.add(importCsv(lastCsv, classes, 0));
		}
		List<Double> unchanged = new ArrayList<>();
		for (int i = 0; i < importRuns; i++) {
			unchanged.add(importCsv(lastCsv, 0, classes));
		}
		String large = largeScheme("L" + runId + "-");
		int largeClasses = (int) large.lines().count() - 1;
		double largeMs = importCsv(large, largeClasses, 0);

		List<Stats> rows = new ArrayList<>();
		rows.add(Stats.of("IndustryScheme, %,d classes / 4 levels, new prefix each run (all created)".formatted(classes),
				creates));
		rows.add(Stats.of("same file again (all %,d unchanged)".formatted(classes), unchanged));
		rows.add(Stats.single("generated scheme, %,d classes / 5 levels (all created), once".formatted(largeClasses),
				largeMs));
		table(rows);
		line("Created runs in order (ms): " + join(creates));
		line("Unchanged runs in order (ms): " + join(unchanged));
		line("Generated %,d-class scheme: %.0f ms = %,.0f classes/s; IndustryScheme median: %,.0f classes/s."
			.formatted(largeClasses, largeMs, largeClasses / (largeMs / 1000), classes / (median(creates) / 1000)));
		line("");
		return IndustryScheme.chainOfFirstLeaf(lastPrefix).get(3);
	}

	private double importCsv(String csv, int expectCreated, int expectUnchanged) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import/tag-classes")).header("Authorization", com.taggraph.ApiClient.basic(com.taggraph.ApiClient.TESTER))
			.header("Content-Type", CSV)
			.header("Accept", "application/json")
			.timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
			.build();
		long started = System.nanoTime();
		HttpResponse<String> response = send(request);
		double ms = millis(started);
		JsonNode body = json.readTree(response.body());
		if (response.statusCode() != 200 || body.path("counts").path("created").asInt() != expectCreated
				|| body.path("counts").path("unchanged").asInt() != expectUnchanged
				|| body.path("counts").path("updated").asInt() != 0) {
			throw new IllegalStateException("import answered %d: %s".formatted(response.statusCode(),
					abbreviate(response.body())));
		}
		return ms;
	}

	/** A 5-level scheme in tree order (parents before children); codes like L-1.2.3.4.5. */
	private static String largeScheme(String prefix) {
		StringBuilder csv = new StringBuilder("code,parent,name,criterion,exclusive,exhaustive\n");
		addLevel(csv, prefix, null, 0);
		return csv.toString();
	}

	private static void addLevel(StringBuilder csv, String prefix, String parent, int depth) {
		if (depth == LARGE_BRANCHING.length) {
			return;
		}
		for (int i = 1; i <= LARGE_BRANCHING[depth]; i++) {
			String code = parent == null ? prefix + i : parent + "." + i;
			boolean leaf = depth == LARGE_BRANCHING.length - 1;
			csv.append(code).append(',').append(parent == null ? "" : parent).append(",第").append(depth + 1)
				.append("级类目 ").append(code).append(',').append(leaf ? "" : "第" + (depth + 2) + "级划分")
				.append(',').append(leaf ? "" : "true").append(",false\n");
			addLevel(csv, prefix, code, depth + 1);
		}
	}

	// ---- reads --------------------------------------------------------------------------------

	/** The GraphQL reads, then the same class-chain reads as raw Cypher over Bolt. */
	private List<Stats> reads(Driver driver, String importedLeaf) {
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("GraphQL `tagClass(code:\"C07.02.01\"){classChain{code} broader{code}}`",
				"{ tagClass(code: \"C07.02.01\") { classChain { code } broader { code } } }");
		queries.put("GraphQL `tag(code:\"T0703\"){classChain{code}}`",
				"{ tag(code: \"T0703\") { classChain { code } } }");
		queries.put("GraphQL `tagClass(code:\"C01.01\"){tags{code} siblings{code}}`",
				"{ tagClass(code: \"C01.01\") { tags { code } siblings { code } } }");
		queries.put("GraphQL full tree `rootClasses{code narrower{code classChain{code} tags{code}} tags(includeDescendants:true){code}}`",
				"{ rootClasses { code narrower { code classChain { code } tags { code } } tags(includeDescendants: true) { code } } }");
		queries.put("GraphQL `searchTags(text:\"光伏\"){code}`", "{ searchTags(text: \"光伏\") { code } }");
		if (importedLeaf != null) {
			queries.put("GraphQL `tagClass(code:\"%s\"){classChain{code}}` (imported level-4 leaf)".formatted(importedLeaf),
					"{ tagClass(code: \"%s\") { classChain { code } } }".formatted(importedLeaf));
		}
		List<Stats> rows = new ArrayList<>();
		ApiClient checker = ApiClient.on(port);
		String fullTree = queries.keySet().stream().filter(n -> n.startsWith("GraphQL full tree")).findFirst().orElseThrow();
		queries.forEach((name, query) -> {
			var reply = checker.query(query);
			if (reply.status() != 200 || reply.hasErrors()) {
				throw new IllegalStateException(name + " answered " + reply.status() + ": " + reply.body());
			}
			String payload = json.writeValueAsString(Map.of("query", query));
			int bytes = send(graphQlRequest(payload)).body().getBytes(StandardCharsets.UTF_8).length;
			boolean reduced = importedLeaf != null && name.equals(fullTree);
			int n = reduced ? Math.min(iterations, treeIterations) : iterations;
			int w = reduced ? Math.min(warmup, treeIterations / 5) : warmup;
			rows.add(measure(name + " — %,d B reply".formatted(bytes), n, w, () -> {
				HttpResponse<String> response = send(graphQlRequest(payload));
				if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
					throw new IllegalStateException(name + " answered " + response.statusCode() + ": "
							+ abbreviate(response.body()));
				}
				return response.body().length();
			}));
		});

		List<String> chainCodes = new ArrayList<>(List.of("C07.02.01"));
		if (importedLeaf != null) {
			chainCodes.add(importedLeaf);
		}
		for (String code : chainCodes) {
			Map<String, Object> params = Map.of("codes", List.of(code));
			List<Record> check = readTx(driver, CHAIN_CYPHER, params);
			if (check.size() != 1 || check.get(0).get("chain").size() < 3) {
				throw new IllegalStateException("no chain for " + code + ": " + check);
			}
			rows.add(measure("Bolt raw Cypher: class chain of %s (1 read transaction)".formatted(code), iterations, warmup,
					() -> readTx(driver, CHAIN_CYPHER, params).size()));
			rows.add(measure("Bolt raw Cypher: class lookup + chain of %s (2 read transactions, as the GraphQL request does)"
				.formatted(code), iterations, warmup, () -> readTx(driver, FIND_CLASS_CYPHER, params).size()
						+ readTx(driver, CHAIN_CYPHER, params).size()));
		}
		return rows;
	}

	private static List<Record> readTx(Driver driver, String cypher, Map<String, Object> params) {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, params).list());
		}
	}

	private HttpRequest graphQlRequest(String payload) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", com.taggraph.ApiClient.basic(com.taggraph.ApiClient.TESTER))
			.header("Content-Type", "application/json")
			.header("Accept", ApiClient.GRAPHQL_RESPONSE)
			.timeout(Duration.ofMinutes(1))
			.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
			.build();
	}

	private Stats measure(String name, int iterations, int warmup, Supplier<Object> call) {
		long started = System.nanoTime();
		call.get();
		double first = millis(started);
		for (int i = 1; i < warmup; i++) {
			call.get();
		}
		double[] samples = new double[iterations];
		for (int i = 0; i < iterations; i++) {
			started = System.nanoTime();
			call.get();
			samples[i] = millis(started);
		}
		Stats stats = Stats.of(name, Arrays.stream(samples).boxed().toList()).withFirst(first);
		System.out.printf(Locale.ROOT, "  %s: median %.2f ms, p95 %.2f ms (first call %.1f ms)%n", name, stats.median,
				stats.p95, first);
		return stats;
	}

	// ---- facts --------------------------------------------------------------------------------

	private void machine() {
		section("Machine");
		Machine.factRows().forEach(this::line);
		line("| OS | %s, %s %s %s |".formatted(Machine.osRelease(), System.getProperty("os.name"), System.getProperty("os.version"),
				System.getProperty("os.arch")));
		line("");
	}

	/** @return the class count, for labels */
	private String sizes(Driver driver) {
		Record r = readTx(driver, """
				RETURN COUNT { (:TagClass) } AS classes,
				       COUNT { (c:TagClass) WHERE NOT (c)-[:BROADER]->(:TagClass) } AS roots,
				       COUNT { (:Tag) } AS tags,
				       COUNT { ()-[:BROADER]->() } AS broader,
				       COUNT { ()-[:IN_CLASS]->() } AS inClass,
				       COUNT { () } AS nodes,
				       COUNT { ()-->() } AS relationships""", Map.of()).get(0);
		line("%,d classes (%,d roots), %,d tags; %,d BROADER and %,d IN_CLASS relationships; %,d nodes and %,d relationships in all."
			.formatted(r.get("classes").asLong(), r.get("roots").asLong(), r.get("tags").asLong(),
					r.get("broader").asLong(), r.get("inClass").asLong(), r.get("nodes").asLong(),
					r.get("relationships").asLong()));
		line("");
		return "%,d classes".formatted(r.get("classes").asLong());
	}

	private static String loadAverage() {
		return Machine.loadAverage().orElse("unknown") + " (1, 5, 15 min)";
	}

	// ---- output -------------------------------------------------------------------------------

	private record Stats(String name, int n, double median, double p95, double min, double max, Double first) {

		static Stats of(String name, List<Double> samples) {
			double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			return new Stats(name, sorted.length, HierarchyBenchmark.median(samples), sorted[(int) Math.ceil(0.95 * sorted.length) - 1],
					sorted[0], sorted[sorted.length - 1], null);
		}

		static Stats single(String name, double ms) {
			return new Stats(name, 1, ms, ms, ms, ms, null);
		}

		Stats withFirst(double firstMs) {
			return new Stats(name, n, median, p95, min, max, firstMs);
		}
	}

	private void table(List<Stats> rows) {
		boolean withFirst = rows.stream().anyMatch(r -> r.first() != null);
		line("| What | n | median ms | p95 ms | min ms | max ms |" + (withFirst ? " first call ms |" : ""));
		line("|---|--:|--:|--:|--:|--:|" + (withFirst ? "--:|" : ""));
		for (Stats r : rows) {
			line("| %s | %d | %s | %s | %s | %s |%s".formatted(r.name(), r.n(), fmt(r.median()), fmt(r.p95()),
					fmt(r.min()), fmt(r.max()), withFirst ? " " + (r.first() == null ? "" : fmt(r.first())) + " |" : ""));
		}
		line("");
	}

	private static String fmt(double ms) {
		return ms >= 100 ? "%,.0f".formatted(ms) : ms >= 10 ? "%.1f".formatted(ms) : "%.2f".formatted(ms);
	}

	private void section(String title) {
		line("## " + title);
		line("");
	}

	private void line(String text) {
		report.append(text).append('\n');
		System.out.println(text);
	}

	private static String join(List<Double> values) {
		return String.join(", ", values.stream().map(v -> "%.0f".formatted(v)).toList());
	}

	private static double median(List<Double> samples) {
		double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int mid = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}

	private static double millis(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1_000_000.0;
	}

	private static String abbreviate(String text) {
		return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
