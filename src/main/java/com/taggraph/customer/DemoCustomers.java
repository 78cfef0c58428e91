package com.taggraph.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.taggraph.graph.CypherParameters;
import com.taggraph.graph.DemoProperties;
import com.taggraph.graph.StartupStep;
import com.taggraph.graph.TransientRetry;

/**
 * On the first start with demo data on, generates {@code taggraph.demo.customers}
 * customers consistent with the library, in one transaction: either all of them are there
 * or none, and a database that already holds customers is never touched.
 */
@Component
@Order(10)
class DemoCustomers implements StartupStep {

	private static final Log log = LogFactory.getLog(DemoCustomers.class);

	private static final int BATCH = 1000;
	static final long SEED = 20241118L;

	private final CustomerRepository repository;

	private final TransactionTemplate tx;

	private final long count;

	DemoCustomers(CustomerRepository repository, PlatformTransactionManager transactions, DemoProperties demo) {
		this.repository = repository;
		this.tx = TransientRetry.template(transactions);
		this.count = demo.customers();
	}

	@Override
	public void afterLibraryReady(boolean demoEnabled) {
		if (!demoEnabled || count <= 0) {
			return;
		}
		long started = System.nanoTime();
		Long written = tx.execute(status -> {
			if (repository.anyCustomer()) {
				return 0L;
			}
			// one rule run computes every demo assignment; provenance names it
			String runId = "rules-demo-" + java.time.Instant.now();
			var generator = new CustomerGenerator(repository.libraryTags(), repository.customerScopes(), SEED);
			List<Map<String, Object>> batch = new ArrayList<>(BATCH);
			long[] assignments = { 0 };
			generator.generate(count, SEED, customer -> {
				Map<String, Object> row = CypherParameters.of("id", customer.id(), "name", customer.name(),
						"attributes", customer.attributes(), "tags", customer.tags());
				batch.add(row);
				assignments[0] += customer.tags().size();
				if (batch.size() == BATCH) {
					repository.createWithTags(batch, runId);
					batch.clear();
				}
			});
			if (!batch.isEmpty()) {
				repository.createWithTags(batch, runId);
			}
			return assignments[0];
		});
		if (written != null && written > 0) {
			log.info("Generated %d demo customers with %d tag assignments in %d ms".formatted(count, written,
					(System.nanoTime() - started) / 1_000_000));
		}
	}

}
