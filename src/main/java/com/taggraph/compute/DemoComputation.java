package com.taggraph.compute;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.taggraph.customer.BulkAssignments;
import com.taggraph.graph.DemoProperties;
import com.taggraph.graph.StartupStep;
import com.taggraph.graph.TransientRetry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On every start, stages the bound source data. On the first start with demo data on, the
 * demo customers come from the source data and their tags from the rules: the demo
 * extracts are generated and bound, the customers are read from {@code S1.C_CONS}, the
 * demo library's rules ({@code demo/tag-rules.json}, approved with the library) are
 * bound, giving each tag its lineage, and one run computes every tag.
 */
@Component
@Order(10)
class DemoComputation implements StartupStep {

	private static final Log log = LogFactory.getLog(DemoComputation.class);

	static final String RULES = "demo/tag-rules.json";

	private static final int BATCH = 5000;

	private final DemoSourceData sourceData;

	private final SourceStaging staging;

	private final SourceEngine engine;

	private final ComputeRepository catalogue;

	private final RuleRepository rules;

	private final RuleBinder binder;

	private final ComputeService compute;

	private final BulkAssignments bulk;

	private final TransactionTemplate tx;

	private final long customers;

	DemoComputation(DemoSourceData sourceData, SourceStaging staging, SourceEngine engine, ComputeRepository catalogue,
			RuleRepository rules, RuleBinder binder, ComputeService compute, BulkAssignments bulk,
			PlatformTransactionManager transactions, DemoProperties demo) {
		this.sourceData = sourceData;
		this.staging = staging;
		this.engine = engine;
		this.catalogue = catalogue;
		this.rules = rules;
		this.binder = binder;
		this.compute = compute;
		this.bulk = bulk;
		this.tx = TransientRetry.template(transactions);
		this.customers = demo.customers();
	}

	@Override
	public boolean preparesDemoData(boolean demoEnabled) {
		return demoEnabled && customers > 0 && sourceData.available() && !bulk.hasCustomers();
	}

	@Override
	public void afterLibraryReady(boolean demoEnabled) {
		if (!preparesDemoData(demoEnabled)) {
			sourceData.discardEarly();
			staging.stageAll();
			return;
		}
		long started = System.nanoTime();
		long generated;
		long staged;
		long created;
		try {
			List<String> tables = sourceData.generate(customers);
			generated = System.nanoTime();
			tx.executeWithoutResult(
					status -> tables.forEach(table -> catalogue.bind(table, DemoSourceData.binding(table))));
			staging.stageAll();
			staged = System.nanoTime();
			createCustomers();
			created = System.nanoTime();
			adoptRules();
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("generating the demo source data failed: " + ex.getMessage(), ex);
		}
		long adopted = System.nanoTime();
		// each step's time, so a slower first start can be traced to its step
		log.info("Demo computation: extracts %d ms, binding and staging %d ms, customers %d ms, rules %d ms".formatted(
				(generated - started) / 1_000_000, (staged - generated) / 1_000_000, (created - staged) / 1_000_000,
				(adopted - created) / 1_000_000));
		ComputeRun run = compute.runNow(false);
		if (!ComputeRun.COMPLETED.equals(run.state()) || !run.refused().isEmpty()) {
			// the app still serves the library; the run's record says what broke
			log.error("The demo computation %s did not complete cleanly: %s %s %s".formatted(run.id(), run.state(),
					run.error(), run.refused()));
		}
		log.info("Computed %d demo customers' tags from the source data: %d assignments in %d ms".formatted(customers,
				run.assignmentsWritten(), (System.nanoTime() - started) / 1_000_000));
	}

	private void createCustomers() throws SQLException {
		List<String[]> rows = engine.withRules(connection -> TagComputation.rows(connection,
				"SELECT CONS_NO, CONS_NAME, ORG_NO, CONS_SORT_CODE FROM S1.C_CONS ORDER BY CONS_NO"));
		List<BulkAssignments.CustomerRow> batch = new ArrayList<>();
		for (String[] row : rows) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("name", row[1]);
			properties.put("orgNo", row[2]);
			properties.put("consSort", row[3]);
			batch.add(new BulkAssignments.CustomerRow(row[0], properties));
			if (batch.size() == BATCH) {
				List<BulkAssignments.CustomerRow> full = List.copyOf(batch);
				tx.executeWithoutResult(status -> bulk.upsertCustomers(full, "demo-customers"));
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			tx.executeWithoutResult(status -> bulk.upsertCustomers(batch, "demo-customers"));
		}
	}

	/** The demo library's rules, bound and written with their lineage. */
	private void adoptRules() throws IOException {
		JsonNode demo;
		try (InputStream in = new ClassPathResource(RULES).getInputStream()) {
			demo = JsonMapper.builder().build().readTree(in);
		}
		List<RuleRepository.RuleOwner> owners = new ArrayList<>();
		List<RuleBinder.Draft> drafts = new ArrayList<>();
		for (boolean classes : List.of(true, false)) {
			JsonNode texts = demo.path(classes ? "classes" : "tags");
			List<String> codes = texts.propertyNames().stream().toList();
			Map<String, RuleRepository.RuleOwner> found = new HashMap<>();
			rules.owners(codes, classes).forEach(owner -> found.put(owner.code(), owner));
			for (String code : codes) {
				RuleRepository.RuleOwner owner = found.get(code);
				if (owner == null) {
					throw new IllegalStateException(
							"the demo rules name %s, which is not in the demo library".formatted(code));
				}
				owners.add(owner);
				drafts.add(new RuleBinder.Draft(code, texts.path(code).asString(), classes));
			}
		}
		List<BoundRule> bound;
		try {
			bound = binder.bindAll(drafts);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("a demo rule does not bind: " + ex.getMessage(), ex);
		}
		tx.executeWithoutResult(status -> rules.writeAll(owners, bound));
	}

}
