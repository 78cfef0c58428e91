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
 * demo library on an empty database, then the startup steps, then one query so the first
 * user does not pay for a cold planner. On the first start of the web application the
 * steps from the one that prepares the demo data on run in order on a thread of their own
 * ({@code taggraph.demo.background}): computing the demo customers' tags is a run like
 * any other, listed by {@code computeRuns} while the server already answers.
 */
@Component
class GraphStartup implements SmartInitializingSingleton, org.springframework.beans.factory.DisposableBean {

	private static final Log log = LogFactory.getLog(GraphStartup.class);

	private final Neo4jClient neo4j;

	private final PlatformTransactionManager transactions;

	private final JsonMapper json;

	private final Resource schema;

	private final boolean demoEnabled;

	private final Resource demoLibrary;

	private final java.util.List<StartupStep> steps;

	private final java.util.List<DemoLibraryPart> demoParts;

	private final boolean background;

	/** Set when the app shuts down, so the demo thread stops quietly between steps. */
	private volatile boolean closing;

	GraphStartup(Neo4jClient neo4j, PlatformTransactionManager transactions, JsonMapper json, DemoProperties demo,
			org.springframework.beans.factory.ObjectProvider<StartupStep> steps,
			org.springframework.beans.factory.ObjectProvider<DemoLibraryPart> demoParts,
			org.springframework.context.ApplicationContext context) {
		this.neo4j = neo4j;
		this.transactions = transactions;
		this.json = json;
		this.schema = new ClassPathResource("cypher/schema.cypher");
		this.demoEnabled = demo.enabled();
		this.demoLibrary = demo.library();
		this.steps = steps.orderedStream().toList();
		this.demoParts = demoParts.orderedStream().toList();
		// a command needs the data it works on: only the web application goes on without
		this.background = demo.background() && context instanceof org.springframework.web.context.WebApplicationContext;
	}

	@Override
	public void afterSingletonsInstantiated() {
		new GraphSchema(neo4j, schema).apply();
		if (demoEnabled) {
			new DemoLibraryLoader(neo4j, TransientRetry.template(transactions), json, demoParts)
				.loadIfEmpty(demoLibrary);
		}
		int split = background ? firstPreparingDemoData() : steps.size();
		steps.subList(0, split).forEach(step -> step.afterLibraryReady(demoEnabled));
		if (split < steps.size()) {
			java.util.List<StartupStep> rest = steps.subList(split, steps.size());
			Thread thread = new Thread(() -> prepareDemoData(rest), "demo-data");
			thread.setDaemon(true);
			thread.start();
			log.info("Preparing the demo customers and computing their tags in the background; "
					+ "the server answers meanwhile and computeRuns lists the demo run");
		}
		long started = System.nanoTime();
		long classes = neo4j.query("MATCH (c:TagClass) RETURN count(c)").fetchAs(Long.class).one().orElse(0L);
		log.info("Tag library holds %d classes (warm-up query %d ms)".formatted(classes,
				(System.nanoTime() - started) / 1_000_000));
	}

	@Override
	public void destroy() {
		closing = true;
	}

	private int firstPreparingDemoData() {
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).preparesDemoData(demoEnabled)) {
				return i;
			}
		}
		return steps.size();
	}

	private void prepareDemoData(java.util.List<StartupStep> rest) {
		long started = System.nanoTime();
		boolean failed = false;
		for (StartupStep step : rest) {
			if (closing) {
				log.info("Preparing the demo data stopped: the app is shutting down");
				return;
			}
			try {
				step.afterLibraryReady(demoEnabled);
			}
			catch (RuntimeException ex) {
				if (closing) {
					log.info("Preparing the demo data stopped: the app is shutting down (" + ex.getMessage() + ")");
					return;
				}
				// the app still serves the library; the steps after (the segment index)
				// still run
				log.error("Startup step %s failed while preparing the demo data"
					.formatted(step.getClass().getSimpleName()), ex);
				failed = true;
			}
		}
		if (!failed) {
			log.info("Demo data ready in %d ms".formatted((System.nanoTime() - started) / 1_000_000));
		}
	}

}
