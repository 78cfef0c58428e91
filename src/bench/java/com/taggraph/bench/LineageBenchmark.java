package com.taggraph.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.taggraph.ApiClient;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphApplication;
import com.taggraph.lineage.ImpactQueries;

import tools.jackson.databind.JsonNode;

/**
 * Benchmark of issue 5's lineage, impact and provenance on a synthetic library 100× the demo, through
 * the real GraphQL endpoint. The app starts with the demo (57 classes, 127 tags, 10,000 customers);
 * {@link SyntheticLibrary} then writes over Bolt, from a seeded {@link Random}: 5,711 classes under a
 * root {@code X}, 50 systems / 1,000 tables / 10,000 fields, 12,700 tags in 8 derivation layers (so
 * chains are 8 hops deep, with diamonds and a few hot fields feeding hundreds of tags), and about 30
 * of those tags on each demo customer. Each request is timed from the client and its Cypher
 * statements counted on the app's driver ({@link StatementCounter}).
 *
 * <p>Not a test: {@code mvn -B -Pbench test-compile exec:exec -Dbench.main=com.taggraph.bench.LineageBenchmark
 * -Dbench.jvm=-Xmx4g}. Options in {@code -Dbench.args}: {@code --iterations N} (default 30),
 * {@code --warmup N} (default 5), {@code --seed N} (default 42), {@code --tags-per-customer N}
 * (default 30), {@code --only impact,provenance} (only the rows whose name starts so). The report is
 * also written to {@code target/lineage-benchmark.md}; the temporary data directory is deleted at the end.
 */
public final class LineageBenchmark {

	static final String LINEAGE = """
			query($tag: ID!, $direction: LineageDirection, $depth: Int) {
			  lineage(tagCode: $tag, direction: $direction, maxDepth: $depth) {
			    tag { code } nodes { code kind name degree customerCount } edges { from to kind transform } paths
			    sourceSystems { code name } isPartial
			  }
			}""";

	static final String PROVENANCE = """
			query($id: ID!) {
			  customer(id: $id) {
			    tags {
			      tag { code }
			      provenance {
			        source runId
			        lineage { sourceSystems { code } isPartial }
			        upstreamAssignments { tag { code } }
			        explanation
			      }
			    }
			  }
			}""";

	private final int iterations;
	private final int warmup;
	private final long seed;
	private final int tagsPerCustomer;
	/** Row name prefixes to run (all when empty), e.g. {@code impact,provenance}. */
	private final List<String> only;
	private final StringBuilder report = new StringBuilder();
	private final List<Double> loads = new ArrayList<>();

	private LineageBenchmark(Map<String, String> args) {
		this.iterations = Integer.parseInt(args.getOrDefault("iterations", "30"));
		this.warmup = Integer.parseInt(args.getOrDefault("warmup", "5"));
		this.seed = Long.parseLong(args.getOrDefault("seed", "42"));
		this.tagsPerCustomer = Integer.parseInt(args.getOrDefault("tags-per-customer", "30"));
		this.only = args.containsKey("only") ? List.of(args.get("only").split(",")) : List.of();
	}

	public static void main(String[] argv) {
		BenchRun.exitAfter(() -> new LineageBenchmark(BenchRun.pairs(argv)).run());
	}

	private void run() throws Exception {
		Path dataDir = Files.createTempDirectory("taggraph-lineage-bench-");
		Instant started = Instant.now();
		String loadAtStart = loadAverage();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TagGraphApplication.class,
				StatementCounter.class).profiles("testusers").run("--server.port=0", "--taggraph.neo4j.embedded.data-dir=" + dataDir,
						"--taggraph.neo4j.embedded.bolt-port=0", "--taggraph.neo4j.embedded.http-port=0",
						"--taggraph.neo4j.embedded.http-enabled=false", "--spring.main.banner-mode=off",
						// the index is rebuilt once below, after the Bolt writes; no periodic rebuild during timing
						"--taggraph.segments.refresh-interval=0",
						"--logging.level.root=WARN", "--logging.level.com.taggraph=INFO")) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			Driver driver = app.getBean(Driver.class);
			ApiClient client = ApiClient.on(port);

			long generating = System.nanoTime();
			SyntheticLibrary library = SyntheticLibrary.write(driver, seed, tagsPerCustomer);
			double generateSeconds = (System.nanoTime() - generating) / 1e9;
			JsonNode index = ok(client.query("mutation { refreshSegmentIndex { customers tags assignments buildMillis memoryBytes } }"))
				.data("refreshSegmentIndex");

			line("## Machine and data");
			line("");
			machine(loadAtStart);
			data(driver, library, generateSeconds, index);

			Sampler sampler = new Sampler(driver, library, new Random(seed + 1));
			List<Row> rows = new ArrayList<>();
			Map<String, String> shapes = new LinkedHashMap<>();

			// (a) upstream of the deepest tags; (a') a mid-chain tag for comparison
			List<String> deepest = sampler.layerTags(SyntheticLibrary.LAYERS - 1, 10);
			rows.add(measure("lineage UPSTREAM of a layer-7 tag (8-hop chains, diamonds), maxDepth 10", deepest,
					code -> client.query(LINEAGE, Map.of("tag", code, "direction", "UPSTREAM", "depth", 10)),
					(code, reply) -> lineageShape(reply.data("lineage"), closure(driver, code, true)), shapes));
			rows.add(measure("lineage UPSTREAM of a layer-3 tag, maxDepth 10", sampler.layerTags(3, 10),
					code -> client.query(LINEAGE, Map.of("tag", code, "direction", "UPSTREAM", "depth", 10)),
					(code, reply) -> lineageShape(reply.data("lineage"), closure(driver, code, true)), shapes));
			// (b) downstream of the layer-0 tags most derived from, and of typical ones
			rows.add(measure("lineage DOWNSTREAM of a layer-0 tag (the 10 with most direct dependants), maxDepth 10",
					sampler.mostDerivedFrom(0, 10),
					code -> client.query(LINEAGE, Map.of("tag", code, "direction", "DOWNSTREAM", "depth", 10)),
					(code, reply) -> lineageShape(reply.data("lineage"), closure(driver, code, false)), shapes));
			rows.add(measure("lineage DOWNSTREAM of a layer-0 tag (random), maxDepth 10", sampler.layerTags(0, 10),
					code -> client.query(LINEAGE, Map.of("tag", code, "direction", "DOWNSTREAM", "depth", 10)),
					(code, reply) -> lineageShape(reply.data("lineage"), closure(driver, code, false)), shapes));

			// (c) and (d): impact and impactCounts of a field, a hot field, a table and a system
			Map<String, List<String>> sources = new LinkedHashMap<>();
			sources.put("a hot field (the 5 feeding most tags directly)", sampler.hotFields(5));
			sources.put("a typical field (10 random fields that feed a tag)", sampler.typicalFields(10));
			sources.put("a table (the 5 holding the hot fields)", sampler.tablesOf(sampler.hotFields(5)));
			sources.put("a system (the 5 feeding most tags directly)", sampler.busiestSystems(5));
			sources.forEach((what, codes) -> rows.add(measure("impact of " + what + ", maxDepth 10", codes,
					code -> client.query(ImpactQueries.IMPACT, Map.of("source", code, "depth", 10)),
					(code, reply) -> impactShape(reply.data("impact")), shapes)));
			sources.forEach((what, codes) -> rows.add(measure("impactCounts of " + what + ", maxDepth 10", codes,
					code -> client.query(ImpactQueries.COUNTS, Map.of("source", code, "depth", 10)),
					(code, reply) -> countsShape(reply.data("impactCounts"), affectedTags(driver, code)), shapes)));

			// (e) provenance of every tag of a customer
			rows.add(measure("provenance of every tag of a customer (demo and synthetic tags)", sampler.customers(10),
					id -> client.query(PROVENANCE, Map.of("id", id)),
					(id, reply) -> provenanceShape(reply.data("customer")), shapes));

			line("## Requests");
			line("");
			line("%d iterations after %d warm-up per row; each row cycles through its sample codes (listed under the table)."
				.formatted(iterations, warmup));
			line("Statements: Cypher statements the app sent over Bolt for one request (min–max over the timed requests).");
			line("");
			line("| What | n | median ms | p95 ms | min ms | max ms | statements |");
			line("|---|--:|--:|--:|--:|--:|--:|");
			rows.removeIf(java.util.Objects::isNull);
			rows.forEach(r -> line(r.samples.row() + " " + r.statements() + " |"));
			line("");
			line("What each request returned (over its sample codes):");
			line("");
			shapes.forEach((what, shape) -> line("- **%s**: %s".formatted(what, shape)));
			line("");
			line("Load average during the requests: %s (1 min, sampled before each row); at the start %s, at the end %s. Run took %d s."
				.formatted(range(loads), loadAtStart, loadAverage(), ChronoUnit.SECONDS.between(started, Instant.now())));
		}
		System.out.println();
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/lineage-benchmark.md"), report);
		// about 0.7 GB per run, with the transaction logs
		try (var files = Files.walk(dataDir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	// ---- measuring ------------------------------------------------------------------------------

	private record Row(Samples samples, int minStatements, int maxStatements) {

		String statements() {
			return minStatements == maxStatements ? String.valueOf(minStatements) : minStatements + "–" + maxStatements;
		}
	}

	/**
	 * Warm-up, then {@code iterations} timed requests, cycling through the codes; the shape of each
	 * code's first reply is summarised for the report.
	 */
	private Row measure(String name, List<String> codes, Function<String, ApiClient.Reply> call,
			BiFunction<String, ApiClient.Reply, Map<String, Object>> shape, Map<String, String> shapes) {
		if (!only.isEmpty() && only.stream().noneMatch(name::startsWith)) {
			return null;
		}
		System.out.println(name + " on " + codes);
		loads.add(Double.parseDouble(loadAverage().split(" ")[0]));
		List<Map<String, Object>> seen = new ArrayList<>();
		for (String code : codes) {
			ApiClient.Reply reply = ok(call.apply(code));
			Map<String, Object> s = new LinkedHashMap<>(shape.apply(code, reply));
			s.put("reply KB", reply.body().toString().getBytes(StandardCharsets.UTF_8).length / 1024);
			seen.add(s);
		}
		for (int i = 0; i < warmup; i++) {
			ok(call.apply(codes.get(i % codes.size())));
		}
		double[] ms = new double[iterations];
		int minStatements = Integer.MAX_VALUE;
		int maxStatements = 0;
		for (int i = 0; i < iterations; i++) {
			String code = codes.get(i % codes.size());
			StatementCounter.reset();
			long t0 = System.nanoTime();
			ok(call.apply(code));
			ms[i] = (System.nanoTime() - t0) / 1e6;
			int statements = StatementCounter.count();
			minStatements = Math.min(minStatements, statements);
			maxStatements = Math.max(maxStatements, statements);
		}
		shapes.put(name, summarise(seen) + "; codes " + String.join(", ", codes));
		return new Row(Samples.of(name, ms), minStatements, maxStatements);
	}

	/** Each key's range over the sample codes: "nodes 120–340, isPartial true ×10". */
	private static String summarise(List<Map<String, Object>> seen) {
		List<String> parts = new ArrayList<>();
		for (String key : seen.get(0).keySet()) {
			List<Object> values = seen.stream().map(m -> m.get(key)).toList();
			if (values.get(0) instanceof Boolean) {
				long yes = values.stream().filter(Boolean.TRUE::equals).count();
				parts.add("%s true ×%d of %d".formatted(key, yes, values.size()));
			}
			else {
				List<Double> numbers = values.stream().map(v -> ((Number) v).doubleValue()).toList();
				parts.add("%s %s".formatted(key, range(numbers)));
			}
		}
		return String.join(", ", parts);
	}

	private static String range(List<Double> numbers) {
		double min = Collections.min(numbers);
		double max = Collections.max(numbers);
		return min == max ? number(min) : number(min) + "–" + number(max);
	}

	private static String number(double value) {
		return value == Math.rint(value) ? "%,d".formatted((long) value) : "%.2f".formatted(value);
	}

	/** How many elements each of the lists has, in this order. */
	private static Map<String, Object> sizes(JsonNode answer, String... lists) {
		Map<String, Object> sizes = new LinkedHashMap<>();
		for (String list : lists) {
			sizes.put(list, answer.path(list).size());
		}
		return sizes;
	}

	private static Map<String, Object> lineageShape(JsonNode lineage, long allNodes) {
		Map<String, Object> s = sizes(lineage, "nodes");
		s.put("nodes within maxDepth (Cypher)", allNodes);
		s.putAll(sizes(lineage, "edges", "paths"));
		s.put("systems", lineage.path("sourceSystems").size());
		int deepest = 0;
		for (JsonNode node : lineage.path("nodes")) {
			deepest = Math.max(deepest, node.path("degree").asInt());
		}
		s.put("deepest degree", deepest);
		s.put("isPartial", lineage.path("isPartial").asBoolean());
		return s;
	}

	/**
	 * Every node of a tag's lineage within 10 hops, counted by Cypher as a set (no paths): tags and
	 * fields, and upstream the fields' tables and systems. What an uncut lineage would list.
	 */
	private static long closure(Driver driver, String code, boolean upstream) {
		return read(driver, upstream ? """
				MATCH (root:Tag {code: $code})
				CALL (root) { MATCH (root)-[:DERIVED_FROM*0..10]->(n) RETURN DISTINCT n }
				OPTIONAL MATCH (n:SourceField)-[:IN_TABLE]->(tb:SourceTable)-[:IN_SYSTEM]->(s:SourceSystem)
				RETURN count(DISTINCT n) + count(DISTINCT tb) + count(DISTINCT s)""" : """
				MATCH (root:Tag {code: $code})
				RETURN COUNT { MATCH (root)<-[:DERIVED_FROM*0..10]-(n:Tag) RETURN DISTINCT n }""",
				Map.of("code", code)).get(0).asLong();
	}

	/** Tags derived from the source within 10 hops, counted by Cypher independently of the app's query. */
	private static long affectedTags(Driver driver, String code) {
		return read(driver, """
				MATCH (f:SourceField) WHERE f.code = $code OR f.code STARTS WITH $code + '.'
				MATCH (f)<-[:DERIVED_FROM*1..10]-(t:Tag)
				RETURN count(DISTINCT t)""", Map.of("code", code)).get(0).asLong();
	}

	private static Map<String, Object> impactShape(JsonNode impact) {
		Map<String, Object> s = sizes(impact, "tags", "classes", "nodes", "edges");
		s.put("customerCount", impact.path("customerCount").asInt());
		s.put("isPartial", impact.path("isPartial").asBoolean());
		return s;
	}

	private static Map<String, Object> countsShape(JsonNode counts, long cypherTags) {
		if (counts.path("tagCount").asLong() != cypherTags) {
			throw new IllegalStateException("impactCounts says %d tags, Cypher %d: %s".formatted(
					counts.path("tagCount").asLong(), cypherTags, counts));
		}
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("fieldCount", counts.path("fieldCount").asInt());
		s.put("tagCount checked equal to Cypher", true);
		s.put("tagCount", counts.path("tagCount").asInt());
		s.put("classCount", counts.path("classCount").asInt());
		s.put("customerCount", counts.path("customerCount").asInt());
		s.put("isPartial", counts.path("isPartial").asBoolean());
		return s;
	}

	private static Map<String, Object> provenanceShape(JsonNode customer) {
		Map<String, Object> s = new LinkedHashMap<>();
		int upstream = 0;
		int partial = 0;
		for (JsonNode tag : customer.path("tags")) {
			upstream += tag.path("provenance").path("upstreamAssignments").size();
			partial += tag.path("provenance").path("lineage").path("isPartial").asBoolean() ? 1 : 0;
		}
		s.put("tags", customer.path("tags").size());
		s.put("upstream assignments", upstream);
		s.put("partial lineages", partial);
		return s;
	}

	private static ApiClient.Reply ok(ApiClient.Reply reply) {
		if (reply.hasErrors() || reply.status() != 200) {
			throw new IllegalStateException(String.format(Locale.ROOT, "GraphQL failed: %s", reply.body()));
		}
		return reply;
	}

	// ---- report -----------------------------------------------------------------------------------

	private void line(String text) {
		report.append(text).append('\n');
	}

	private void machine(String loadAtStart) {
		Machine.factRows().forEach(this::line);
		line("| Load average at start | %s |".formatted(loadAtStart));
		line("");
	}

	private void data(Driver driver, SyntheticLibrary library, double generateSeconds, JsonNode index) {
		Record r = read(driver, """
				RETURN COUNT { (:TagClass) } AS classes,
				       COUNT { (c:TagClass) WHERE c.code STARTS WITH 'X' } AS syntheticClasses,
				       COUNT { (:Tag) } AS tags,
				       COUNT { (t:Tag) WHERE t.code STARTS WITH 'XL' } AS syntheticTags,
				       COUNT { (:SourceSystem) } AS systems,
				       COUNT { (:SourceTable) } AS tables,
				       COUNT { (:SourceField) } AS fields,
				       COUNT { (:Tag)-[:DERIVED_FROM]->(:SourceField) } AS fromFields,
				       COUNT { (:Tag)-[:DERIVED_FROM]->(:Tag) } AS fromTags,
				       COUNT { (:Customer) } AS customers,
				       COUNT { ()-[:HAS_TAG]->() } AS assignments,
				       COUNT { (:Customer)-[:HAS_TAG]->(t:Tag) WHERE t.code STARTS WITH 'XL' } AS syntheticAssignments,
				       COUNT { () } AS nodes,
				       COUNT { ()-->() } AS relationships""");
		Record fanOut = read(driver, """
				MATCH (f:SourceField)
				WITH f, COUNT { (f)<-[:DERIVED_FROM]-(:Tag) } AS direct
				RETURN max(direct) AS hottest, percentileDisc(direct, 0.5) AS median,
				       sum(CASE WHEN direct >= 100 THEN 1 ELSE 0 END) AS over100,
				       sum(CASE WHEN direct > 0 THEN 1 ELSE 0 END) AS used""");
		Record diamonds = read(driver, """
				MATCH (t:Tag) WHERE t.code STARTS WITH 'XL'
				RETURN count(t) AS derived,
				       sum(CASE WHEN EXISTS {
				         MATCH (t)-[:DERIVED_FROM]->(a:Tag)-[:DERIVED_FROM]->(u:Tag)<-[:DERIVED_FROM]-(b:Tag)<-[:DERIVED_FROM]-(t)
				         WHERE a <> b } THEN 1 ELSE 0 END) AS withDiamond""");
		Record deepest = read(driver, """
				MATCH (t:Tag {code: $code})
				RETURN EXISTS { (t)-[:DERIVED_FROM*8]->(:SourceField) } AS eight,
				       EXISTS { (t)-[:DERIVED_FROM*9]->() } AS nine""", Map.of("code", library.layers.get(SyntheticLibrary.LAYERS - 1).get(0)));
		line("Data, counted by Cypher after the synthetic library was written (%.0f s, seed %d) and the segment index rebuilt:"
			.formatted(generateSeconds, seed));
		line("");
		line("| What | Count |");
		line("|---|--:|");
		line("| Classes (synthetic under `X` + the demo's) | %,d (%,d + %,d) |".formatted(r.get("classes").asLong(),
				r.get("syntheticClasses").asLong(), r.get("classes").asLong() - r.get("syntheticClasses").asLong()));
		line("| Tags (synthetic in %d layers + the demo's) | %,d (%,d + %,d) |".formatted(SyntheticLibrary.LAYERS,
				r.get("tags").asLong(), r.get("syntheticTags").asLong(), r.get("tags").asLong() - r.get("syntheticTags").asLong()));
		line("| Synthetic tags per layer 0…7 | %s |".formatted(String.join(" / ",
				library.layers.stream().map(l -> "%,d".formatted(l.size())).toList())));
		line("| Source systems / tables / fields | %,d / %,d / %,d |".formatted(r.get("systems").asLong(),
				r.get("tables").asLong(), r.get("fields").asLong()));
		line("| DERIVED_FROM to a field / to a tag | %,d / %,d |".formatted(r.get("fromFields").asLong(),
				r.get("fromTags").asLong()));
		line("| Fields feeding a tag; tags fed directly by the hottest field; fields feeding ≥ 100 tags | %,d; %,d; %,d (median of all fields %,d) |"
			.formatted(fanOut.get("used").asLong(), fanOut.get("hottest").asLong(), fanOut.get("over100").asLong(),
					fanOut.get("median").asLong()));
		line("| Synthetic tags with a one-level diamond (two of the tags it derives from derive from one same tag) | %,d of %,d |".formatted(
				diamonds.get("withDiamond").asLong(), diamonds.get("derived").asLong()));
		line("| A layer-7 tag has an 8-hop chain to a field / a 9-hop one | %s / %s |".formatted(
				deepest.get("eight").asBoolean(), deepest.get("nine").asBoolean()));
		line("| Customers; tag assignments (synthetic + the demo's) | %,d; %,d (%,d + %,d) |".formatted(
				r.get("customers").asLong(), r.get("assignments").asLong(), r.get("syntheticAssignments").asLong(),
				r.get("assignments").asLong() - r.get("syntheticAssignments").asLong()));
		line("| All nodes / relationships | %,d / %,d |".formatted(r.get("nodes").asLong(), r.get("relationships").asLong()));
		line("| Segment index (refreshSegmentIndex) | %,d customers, %,d tags, %,d assignments, built in %,d ms, %.1f MiB |"
			.formatted(index.path("customers").asLong(), index.path("tags").asLong(), index.path("assignments").asLong(),
					index.path("buildMillis").asLong(), index.path("memoryBytes").asLong() / 1048576.0));
		line("");
	}

	private static Record read(Driver driver, String cypher) {
		return read(driver, cypher, Map.of());
	}

	private static Record read(Driver driver, String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, parameters).single());
		}
	}

	private static String loadAverage() {
		return Machine.loadAverage().orElse("0 0 0");
	}

	// ---- sample codes -------------------------------------------------------------------------------

	/**
	 * Picks the codes each row cycles through: deterministic for a seed (the random's), several per
	 * row.
	 */
	private record Sampler(Driver driver, SyntheticLibrary library, Random random) {

		List<String> layerTags(int layer, int n) {
			List<String> tags = new ArrayList<>(library.layers.get(layer));
			Collections.shuffle(tags, random);
			return List.copyOf(tags.subList(0, n));
		}

		List<String> mostDerivedFrom(int layer, int n) {
			return strings("""
					UNWIND $codes AS code
					MATCH (t:Tag {code: code})
					RETURN code ORDER BY COUNT { (t)<-[:DERIVED_FROM]-(:Tag) } DESC, code LIMIT $n""",
					Map.of("codes", library.layers.get(layer), "n", n));
		}

		List<String> hotFields(int n) {
			return strings("""
					MATCH (f:SourceField) WHERE f.code STARTS WITH 'XS'
					RETURN f.code ORDER BY COUNT { (f)<-[:DERIVED_FROM]-(:Tag) } DESC, f.code LIMIT $n""", Map.of("n", n));
		}

		List<String> typicalFields(int n) {
			List<String> used = strings("""
					MATCH (f:SourceField) WHERE f.code STARTS WITH 'XS' AND EXISTS { (f)<-[:DERIVED_FROM]-(:Tag) }
					RETURN f.code ORDER BY f.code""", Map.of());
			Collections.shuffle(used, random);
			return List.copyOf(used.subList(0, n));
		}

		List<String> tablesOf(List<String> fields) {
			Set<String> tables = new LinkedHashSet<>();
			fields.forEach(f -> tables.add(f.substring(0, f.lastIndexOf('.'))));
			return List.copyOf(tables);
		}

		List<String> busiestSystems(int n) {
			return strings("""
					MATCH (s:SourceSystem) WHERE s.code STARTS WITH 'XS'
					RETURN s.code ORDER BY COUNT { (s)<-[:IN_SYSTEM]-()<-[:IN_TABLE]-()<-[:DERIVED_FROM]-(:Tag) } DESC, s.code
					LIMIT $n""", Map.of("n", n));
		}

		List<String> customers(int n) {
			List<String> ids = strings("MATCH (c:Customer) RETURN c.id ORDER BY c.id", Map.of());
			Collections.shuffle(ids, random);
			return List.copyOf(ids.subList(0, n));
		}

		private List<String> strings(String cypher, Map<String, Object> parameters) {
			try (var session = driver.session()) {
				return new ArrayList<>(session.executeRead(tx -> tx.run(cypher, parameters).list(r -> r.get(0).asString())));
			}
		}
	}

	// ---- the synthetic library -----------------------------------------------------------------------

	/**
	 * A library 100× the demo, written over Bolt in parameterised UNWIND batches. Everything is drawn
	 * from one seeded {@link Random}, so a seed gives the same graph.
	 * <ul>
	 * <li>Classes: {@code X}, ten {@code X.01}…, a hundred {@code X.01.01}…, 5,600 leaves
	 * {@code X.01.01.01}… (56 per second-level class); 5,711 in all.</li>
	 * <li>Sources: systems {@code XS01}…{@code XS50}, 20 tables each ({@code XS01.TB01}), 10 fields
	 * each ({@code XS01.TB01.F01}).</li>
	 * <li>Tags {@code XL<layer>T<nnnn>}, each in a random leaf class. Layer 0 derives from 1–4 fields:
	 * mostly of one home system (systems drawn Zipf-like, so a few are busy), one in five a hot field
	 * ({@code F01} of the first table of XS01…XS20, Zipf-like: the hottest feeds hundreds). Layer k
	 * derives from 2–4 tags of layer k−1, drawn with a skew toward the low numbers (popular tags, hence
	 * diamonds), and one in four also from a field.</li>
	 * <li>Customers: each demo customer gets {@code tagsPerCustomer} distinct synthetic tags, skewed
	 * toward popular ones, as {@code RULE} assignments.</li>
	 * </ul>
	 */
	static final class SyntheticLibrary {

		static final int LAYERS = 8;
		static final int[] LAYER_SIZES = { 4000, 2600, 1800, 1400, 1100, 800, 600, 400 };
		static final int SYSTEMS = 50;
		static final int TABLES_PER_SYSTEM = 20;
		static final int FIELDS_PER_TABLE = 10;
		static final int HOT_FIELDS = 20;
		private static final String[] TRANSFORMS = { "取最近12个月", "按月汇总", "阈值判断", "加权评分", "去重计数", "关联匹配" };
		private static final int BATCH = 10_000;

		final List<List<String>> layers = new ArrayList<>();
		private final Random random;
		private final List<String> fields = new ArrayList<>();
		private final List<String> hotFields = new ArrayList<>();
		private final double[] systemWeights;
		private final double[] hotWeights;

		private SyntheticLibrary(long seed) {
			this.random = new Random(seed);
			this.systemWeights = zipf(SYSTEMS, 1.0);
			this.hotWeights = zipf(HOT_FIELDS, 1.0);
		}

		static SyntheticLibrary write(Driver driver, long seed, int tagsPerCustomer) {
			SyntheticLibrary library = new SyntheticLibrary(seed);
			try (var session = driver.session()) {
				library.classes(session);
				library.sources(session);
				library.tags(session);
				library.assignments(session, tagsPerCustomer);
			}
			return library;
		}

		private void classes(org.neo4j.driver.Session session) {
			List<Map<String, Object>> rows = new ArrayList<>();
			rows.add(classRow("X", null, "合成分类"));
			for (int a = 1; a <= 10; a++) {
				String first = "X.%02d".formatted(a);
				rows.add(classRow(first, "X", "合成一级类 " + a));
				for (int b = 1; b <= 10; b++) {
					String second = first + ".%02d".formatted(b);
					rows.add(classRow(second, first, "合成二级类 %d-%d".formatted(a, b)));
					for (int c = 1; c <= 56; c++) {
						rows.add(classRow(second + ".%02d".formatted(c), second, "合成三级类 %d-%d-%d".formatted(a, b, c)));
					}
				}
			}
			batches(session, rows, """
					UNWIND $rows AS row
					CREATE (:TagClass {code: row.code, name: row.name, criterion: '合成划分', exclusive: false, exhaustive: false})""");
			batches(session, rows.subList(1, rows.size()), """
					UNWIND $rows AS row
					MATCH (c:TagClass {code: row.code}), (p:TagClass {code: row.parent})
					CREATE (c)-[:BROADER]->(p)""");
		}

		private static Map<String, Object> classRow(String code, String parent, String name) {
			Map<String, Object> row = new HashMap<>();
			row.put("code", code);
			row.put("parent", parent);
			row.put("name", name);
			return row;
		}

		private void sources(org.neo4j.driver.Session session) {
			List<Map<String, Object>> systems = new ArrayList<>();
			List<Map<String, Object>> tables = new ArrayList<>();
			List<Map<String, Object>> fieldRows = new ArrayList<>();
			for (int s = 1; s <= SYSTEMS; s++) {
				String system = "XS%02d".formatted(s);
				systems.add(Map.of("code", system, "name", "合成系统 " + s, "kind", s % 5 == 0 ? "EXTERNAL" : "INTERNAL"));
				for (int t = 1; t <= TABLES_PER_SYSTEM; t++) {
					String tableName = "TB%02d".formatted(t);
					String table = system + "." + tableName;
					tables.add(Map.of("code", table, "tableName", tableName, "name", "合成表 %d-%d".formatted(s, t),
							"system", system));
					for (int f = 1; f <= FIELDS_PER_TABLE; f++) {
						String name = "F%02d".formatted(f);
						fields.add(table + "." + name);
						fieldRows.add(Map.of("code", table + "." + name, "name", name, "table", table));
					}
				}
			}
			for (int s = 1; s <= HOT_FIELDS; s++) {
				hotFields.add("XS%02d.TB01.F01".formatted(s));
			}
			batches(session, systems, """
					UNWIND $rows AS row
					CREATE (:SourceSystem {code: row.code, name: row.name, kind: row.kind, description: '合成数据'})""");
			batches(session, tables, """
					UNWIND $rows AS row
					MATCH (s:SourceSystem {code: row.system})
					CREATE (:SourceTable {code: row.code, tableName: row.tableName, name: row.name})-[:IN_SYSTEM]->(s)""");
			batches(session, fieldRows, """
					UNWIND $rows AS row
					MATCH (t:SourceTable {code: row.table})
					CREATE (:SourceField {code: row.code, name: row.name})-[:IN_TABLE]->(t)""");
		}

		private void tags(org.neo4j.driver.Session session) {
			List<Map<String, Object>> tagRows = new ArrayList<>();
			List<Map<String, Object>> fromFields = new ArrayList<>();
			List<Map<String, Object>> fromTags = new ArrayList<>();
			int leaves = 10 * 10 * 56;
			for (int layer = 0; layer < LAYERS; layer++) {
				List<String> codes = new ArrayList<>();
				for (int i = 0; i < LAYER_SIZES[layer]; i++) {
					String code = "XL%dT%04d".formatted(layer, i);
					codes.add(code);
					int leaf = random.nextInt(leaves);
					String classCode = "X.%02d.%02d.%02d".formatted(leaf / 560 + 1, leaf / 56 % 10 + 1, leaf % 56 + 1);
					tagRows.add(Map.of("code", code, "name", "合成标签 L%d-%04d".formatted(layer, i), "class", classCode,
							"rule", "合成规则（第%d层）".formatted(layer)));
					Set<String> sourceFields = new LinkedHashSet<>();
					if (layer == 0) {
						int home = pick(systemWeights);
						int n = 1 + random.nextInt(4);
						while (sourceFields.size() < n) {
							sourceFields.add(field(home));
						}
					}
					else {
						List<String> below = layers.get(layer - 1);
						Set<String> upstream = new LinkedHashSet<>();
						int n = 2 + random.nextInt(3);
						while (upstream.size() < n) {
							upstream.add(below.get(skewed(below.size())));
						}
						upstream.forEach(u -> fromTags.add(Map.of("tag", code, "from", u, "transform", transform())));
						if (random.nextInt(4) == 0) {
							sourceFields.add(field(pick(systemWeights)));
						}
					}
					sourceFields.forEach(f -> fromFields.add(Map.of("tag", code, "from", f, "transform", transform())));
				}
				layers.add(List.copyOf(codes));
			}
			batches(session, tagRows, """
					UNWIND $rows AS row
					MATCH (c:TagClass {code: row.class})
					CREATE (:Tag {code: row.code, name: row.name, rule: row.rule, status: 'APPROVED'})-[:IN_CLASS]->(c)""");
			batches(session, fromFields, """
					UNWIND $rows AS row
					MATCH (t:Tag {code: row.tag}), (f:SourceField {code: row.from})
					CREATE (t)-[:DERIVED_FROM {transform: row.transform}]->(f)""");
			batches(session, fromTags, """
					UNWIND $rows AS row
					MATCH (t:Tag {code: row.tag}), (u:Tag {code: row.from})
					CREATE (t)-[:DERIVED_FROM {transform: row.transform}]->(u)""");
		}

		/** One in five a hot field; else three in four a field of the home system, the rest any field. */
		private String field(int homeSystem) {
			int roll = random.nextInt(20);
			if (roll < 4) {
				return hotFields.get(pick(hotWeights));
			}
			int perSystem = TABLES_PER_SYSTEM * FIELDS_PER_TABLE;
			if (roll < 16) {
				return fields.get(homeSystem * perSystem + random.nextInt(perSystem));
			}
			return fields.get(random.nextInt(fields.size()));
		}

		private String transform() {
			return TRANSFORMS[random.nextInt(TRANSFORMS.length)];
		}

		private void assignments(org.neo4j.driver.Session session, int tagsPerCustomer) {
			List<String> customers = session.executeRead(tx -> tx.run("MATCH (c:Customer) RETURN c.id ORDER BY c.id")
				.list(r -> r.get(0).asString()));
			List<String> popularity = new ArrayList<>();
			layers.forEach(popularity::addAll);
			Collections.shuffle(popularity, random);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (String customer : customers) {
				Set<String> chosen = new LinkedHashSet<>();
				while (chosen.size() < tagsPerCustomer) {
					chosen.add(popularity.get(skewed(popularity.size())));
				}
				chosen.forEach(tag -> rows.add(Map.of("customer", customer, "tag", tag)));
			}
			batches(session, rows, """
					UNWIND $rows AS row
					MATCH (c:Customer {id: row.customer}), (t:Tag {code: row.tag})
					CREATE (c)-[:HAS_TAG {source: 'RULE', runId: 'bench-rules-1', assignedAt: datetime()}]->(t)""");
		}

		/** An index in [0, n), skewed toward 0: the density falls as 1/√x. */
		private int skewed(int n) {
			double u = random.nextDouble();
			return Math.min(n - 1, (int) (n * u * u));
		}

		private int pick(double[] cumulative) {
			double u = random.nextDouble();
			for (int i = 0; i < cumulative.length; i++) {
				if (u < cumulative[i]) {
					return i;
				}
			}
			return cumulative.length - 1;
		}

		/** Cumulative Zipf weights 1/(i+1)^s, normalised. */
		private static double[] zipf(int n, double s) {
			double[] cumulative = new double[n];
			double sum = 0;
			for (int i = 0; i < n; i++) {
				sum += 1 / Math.pow(i + 1, s);
				cumulative[i] = sum;
			}
			for (int i = 0; i < n; i++) {
				cumulative[i] /= sum;
			}
			return cumulative;
		}

		private static void batches(org.neo4j.driver.Session session, List<Map<String, Object>> rows, String cypher) {
			for (int i = 0; i < rows.size(); i += BATCH) {
				List<Map<String, Object>> batch = rows.subList(i, Math.min(rows.size(), i + BATCH));
				session.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", batch)).consume());
			}
		}
	}
}
