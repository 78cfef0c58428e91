package com.taggraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.taggraph.ApiClient;
import com.taggraph.TagGraphApplication;
import com.taggraph.text.NormalizedText;

import tools.jackson.databind.JsonNode;

/**
 * Benchmark of issue 4's free tags and SKOS interchange through the real endpoints. SKOS: export of the
 * demo library in each syntax, a dry run of that export, and the import of ISO 3166 (5,376 concepts,
 * from Debian's iso-codes) into the library, then again unchanged. Free tags: the demo app with
 * {@code --free-tags N} synthetic free tags (default 2,000: the most the clustering compares) on its
 * 10,000 demo customers, a tenth of them with a variant spelling that shares characters and carriers.
 * Not a test: {@code mvn -B -Pbench test-compile exec:exec -Dbench.main=com.taggraph.bench.VocabularyBenchmark}.
 */
public final class VocabularyBenchmark {

	/** Characters the synthetic texts are drawn from: common in customer-service notes. */
	private static final String CHARACTERS = "电费用户客户企业工厂商铺居民老人租房出停产施工充电桩光伏屋顶新能源汽车重点大中小"
			+ "难沟通投诉欠缴催收夜间白天季节临时扩建搬迁空置闲置频繁咨询维修改造节能高耗低压专线台区农业养殖学校医院";

	private final int freeTags;
	private final int iterations;

	private VocabularyBenchmark(Map<String, String> args) {
		this.freeTags = Integer.parseInt(args.getOrDefault("free-tags", "2000"));
		this.iterations = Integer.parseInt(args.getOrDefault("iterations", "20"));
	}

	public static void main(String[] argv) {
		BenchRun.exitAfter(() -> new VocabularyBenchmark(BenchRun.pairs(argv)).run());
	}

	private void run() throws Exception {
		Path dataDir = Files.createTempDirectory("taggraph-vocabulary-bench-");
		StringBuilder report = new StringBuilder();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TagGraphApplication.class).profiles("testusers").run(
				"--server.port=0", "--taggraph.neo4j.embedded.data-dir=" + dataDir,
				"--taggraph.neo4j.embedded.bolt-port=0", "--taggraph.neo4j.embedded.http-port=0",
				"--taggraph.neo4j.embedded.http-enabled=false", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.com.taggraph=INFO")) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			Driver driver = app.getBean(Driver.class);
			ApiClient client = ApiClient.on(port);

			skos(client, report);

			int applications = generate(driver);
			long stored = count(driver, "MATCH (f:FreeTag) RETURN count(f)");
			report.append("Data: %,d free tags (%,d synthetic + the demo's) on %,d customers, %,d applications.%n%n"
				.formatted(stored, freeTags, count(driver, "MATCH (c:Customer) RETURN count(c)"),
						count(driver, "MATCH ()-[r:HAS_FREE_TAG]->() RETURN count(r)")));

			JsonNode clusters = ok(client.query("{ freeTagClusters { id customers freeTags { normalized } links { score } } }"))
				.data("freeTagClusters");
			int clustered = 0;
			for (JsonNode c : clusters) {
				clustered += c.path("freeTags").size();
			}
			report.append("freeTagClusters: %d clusters holding %d free tags; %,d applications generated.%n%n"
				.formatted(clusters.size(), clustered, applications));

			List<Samples> samples = new ArrayList<>();
			samples.add(Samples.time("freeTagClusters (the 2,000 most used compared, suggestions included)", 3, iterations,
					() -> ok(client.query("{ freeTagClusters { id label texts customers links { from to score }"
							+ " suggestions { score tag { code } tagClass { code } } } }"))));
			samples.add(Samples.time("freeTags(orderBy: USAGE, first: 100)", 20, iterations * 10,
					() -> ok(client.query("{ freeTags(orderBy: USAGE, first: 100) { text customers taggers"
							+ " firstUsedAt lastUsedAt spellings { text customers } } }"))));
			List<String> ids = ids(driver, iterations * 10 + 20);
			int[] next = { 0 };
			samples.add(Samples.time("addFreeTag (new customer each call)", 20, iterations * 10,
					() -> ok(client.query("mutation($id: ID!) { addFreeTag(customerId: $id, text: \"基准测试标签\") { freeTag { customers } } }",
							Map.of("id", ids.get(next[0]++)), "bench"))));

			JsonNode biggest = clusters.get(0);
			long started = System.nanoTime();
			JsonNode promoted = ok(client.query("mutation($id: ID!) { promoteFreeTags(input: {clusterId: $id, code: \"TBENCH1\","
					+ " classCode: \"C07.05\"}) { customers newlyAssigned } }", Map.of("id", biggest.path("id").asString()),
					"bench")).data("promoteFreeTags");
			double promoteMs = (System.nanoTime() - started) / 1e6;

			report.append(Samples.header()).append('\n');
			samples.forEach(s -> report.append(s.row()).append('\n'));
			report.append("%nPromoting the largest cluster (%d free tags, %d carriers): %.0f ms, one call.%n"
				.formatted(biggest.path("freeTags").size(), promoted.path("customers").asInt(), promoteMs));
		}
		System.out.println();
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/vocabulary-benchmark.md"), report);
	}

	/** SKOS export and import timings, before the free tags are generated. */
	private void skos(ApiClient client, StringBuilder report) throws Exception {
		List<Samples> samples = new ArrayList<>();
		Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
		for (String accept : List.of("text/turtle", "application/rdf+xml", "application/ld+json")) {
			samples.add(Samples.time("GET /api/export/skos, Accept " + accept, 5, iterations, () -> {
				var response = client.raw(java.net.http.HttpRequest.newBuilder().GET().header("Accept", accept),
						"/api/export/skos");
				sizes.put(accept, response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
				return response;
			}));
		}
		String turtle = client.raw(java.net.http.HttpRequest.newBuilder().GET(), "/api/export/skos").body();
		samples.add(Samples.time("POST /api/import/skos?dryRun=true, the demo export (229 concepts and collections)", 3,
				iterations, () -> okImport(client.post("/api/import/skos?dryRun=true", turtle, "text/turtle",
						"application/json"))));
		if (com.taggraph.skos.Iso3166Scheme.available(com.taggraph.skos.Iso3166Scheme.DEBIAN)) {
			var out = new java.io.ByteArrayOutputStream();
			org.apache.jena.riot.RDFDataMgr.write(out,
					com.taggraph.skos.Iso3166Scheme.model(com.taggraph.skos.Iso3166Scheme.DEBIAN),
					org.apache.jena.riot.RDFFormat.TURTLE_BLOCKS);
			String iso = out.toString(java.nio.charset.StandardCharsets.UTF_8);
			double[] first = { 0 };
			long started = System.nanoTime();
			okImport(client.post("/api/import/skos", iso, "text/turtle", "application/json"));
			first[0] = (System.nanoTime() - started) / 1e6;
			samples.add(Samples.of("POST /api/import/skos, ISO 3166 (5,376 concepts), first import", first));
			samples.add(Samples.time("POST /api/import/skos, ISO 3166 again (all unchanged)", 0, 5,
					() -> okImport(client.post("/api/import/skos", iso, "text/turtle", "application/json"))));
			sizes.put("ISO 3166 Turtle", iso.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		}
		report.append("SKOS, sizes in bytes: ").append(sizes).append("\n\n").append(Samples.header()).append('\n');
		samples.forEach(s -> report.append(s.row()).append('\n'));
		report.append('\n');
	}

	private static ApiClient.Reply okImport(ApiClient.Reply reply) {
		if (reply.status() != 200) {
			throw new IllegalStateException("SKOS import refused: " + reply.body());
		}
		return reply;
	}

	/**
	 * Writes the synthetic free tags over Bolt (setup, not timed): texts of 2–6 characters, carriers
	 * from a skewed distribution (1 to ~300), every tenth with a variant (one character more) on
	 * half its carriers plus some of its own.
	 */
	private int generate(Driver driver) {
		Random random = new Random(42);
		List<String> customers = ids(driver, Integer.MAX_VALUE);
		Set<String> texts = new LinkedHashSet<>();
		while (texts.size() < freeTags) {
			StringBuilder text = new StringBuilder();
			int length = 2 + random.nextInt(5);
			for (int i = 0; i < length; i++) {
				text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
			}
			texts.add(text.toString());
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		int n = 0;
		for (String text : texts) {
			int carriers = Math.max(1, (int) (300 / Math.pow(1 + random.nextInt(300), 0.8)));
			List<String> chosen = new ArrayList<>();
			for (int k = 0; k < carriers; k++) {
				chosen.add(customers.get(random.nextInt(customers.size())));
			}
			chosen.forEach(id -> rows.add(row(id, text, random)));
			if (n++ % 10 == 0) {
				String variant = text + CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
				chosen.subList(0, (chosen.size() + 1) / 2).forEach(id -> rows.add(row(id, variant, random)));
				rows.add(row(customers.get(random.nextInt(customers.size())), variant, random));
			}
		}
		try (var session = driver.session()) {
			for (int i = 0; i < rows.size(); i += 5000) {
				List<Map<String, Object>> batch = rows.subList(i, Math.min(rows.size(), i + 5000));
				session.executeWriteWithoutResult(tx -> tx.run("""
						UNWIND $rows AS row
						MATCH (cu:Customer {id: row.customerId})
						MERGE (f:FreeTag {normalized: row.normalized}) ON CREATE SET f.text = row.text
						MERGE (cu)-[r:HAS_FREE_TAG]->(f) ON CREATE SET r.text = row.text, r.by = row.by, r.at = datetime()""",
						Map.of("rows", batch)));
			}
		}
		return rows.size();
	}

	private static Map<String, Object> row(String customerId, String text, Random random) {
		return Map.of("customerId", customerId, "text", text, "normalized", NormalizedText.normalize(text), "by",
				"user" + random.nextInt(40));
	}

	private static List<String> ids(Driver driver, int limit) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run("MATCH (c:Customer) RETURN c.id ORDER BY c.id LIMIT $limit",
					Map.of("limit", limit)).list(r -> r.get(0).asString()));
		}
	}

	private static long count(Driver driver, String cypher) {
		try (var session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
		}
	}

	private static ApiClient.Reply ok(ApiClient.Reply reply) {
		if (reply.hasErrors() || reply.status() != 200) {
			throw new IllegalStateException(String.format(Locale.ROOT, "GraphQL failed: %s", reply.body()));
		}
		return reply;
	}
}
