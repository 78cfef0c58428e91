package com.taggraph.graph;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Prepares the database before the web server accepts requests: schema first, then the
 * demo library on an empty database, then one query so the first user does not pay for a
 * cold planner.
 */
@Component
class GraphStartup implements SmartInitializingSingleton {

	private static final Log log = LogFactory.getLog(GraphStartup.class);

	private final Neo4jClient neo4j;

	private final PlatformTransactionManager transactions;

	private final JsonMapper json;

	private final Resource schema;

	private final boolean demoEnabled;

	private final Resource demoLibrary;

	private final java.util.List<StartupStep> steps;

	private final java.util.List<DemoLibraryPart> demoParts;

	GraphStartup(Neo4jClient neo4j, PlatformTransactionManager transactions, JsonMapper json, DemoProperties demo,
			org.springframework.beans.factory.ObjectProvider<StartupStep> steps,
			org.springframework.beans.factory.ObjectProvider<DemoLibraryPart> demoParts) {
		this.neo4j = neo4j;
		this.transactions = transactions;
		this.json = json;
		this.schema = new ClassPathResource("cypher/schema.cypher");
		this.demoEnabled = demo.enabled();
		this.demoLibrary = demo.library();
		this.steps = steps.orderedStream().toList();
		this.demoParts = demoParts.orderedStream().toList();
	}

	@Override
	public void afterSingletonsInstantiated() {
		new GraphSchema(neo4j, schema).apply();
		if (demoEnabled) {
			new DemoLibraryLoader(neo4j, TransientRetry.template(transactions), json, demoParts)
				.loadIfEmpty(demoLibrary);
		}
		steps.forEach(step -> step.afterLibraryReady(demoEnabled));
		long started = System.nanoTime();
		long classes = neo4j.query("MATCH (c:TagClass) RETURN count(c)").fetchAs(Long.class).one().orElse(0L);
		log.info("Tag library holds %d classes (warm-up query %d ms)".formatted(classes,
				(System.nanoTime() - started) / 1_000_000));
	}

}
