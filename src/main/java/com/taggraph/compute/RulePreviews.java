package com.taggraph.compute;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;

/**
 * Runs a draft rule on the staged data, after binding it exactly as saving would, and
 * reports what it matches; nothing is kept.
 */
@Component
class RulePreviews {

	private final RuleService rules;

	private final SourceEngine engine;

	private final ComputeProperties properties;

	RulePreviews(RuleService rules, SourceEngine engine, ComputeProperties properties) {
		this.rules = rules;
		this.engine = engine;
		this.properties = properties;
	}

	RulePreview preview(String code, String sql, boolean classRule) {
		BoundRule rule = rules.bind(code, classRule, sql);
		long started = System.nanoTime();
		try {
			return engine.withRules(connection -> {
				try (Statement statement = connection.createStatement()) {
					for (String input : rule.tags()) {
						statement.execute("CREATE TABLE IF NOT EXISTS " + SourceEngine.tagTable(input)
								+ " (customer VARCHAR, value VARCHAR)");
					}
					statement.execute("CREATE OR REPLACE TEMP TABLE preview AS SELECT * FROM (" + sql + ") AS rule");
				}
				long customers = TagComputation.count(connection, "SELECT count(DISTINCT customer) FROM preview");
				List<RulePreview.TagCount> tags = new ArrayList<>();
				if (classRule) {
					for (String[] row : TagComputation.rows(connection,
							"SELECT tag, count(DISTINCT customer) FROM preview GROUP BY tag ORDER BY tag")) {
						tags.add(new RulePreview.TagCount(row[0], Long.parseLong(row[1])));
					}
				}
				else {
					tags.add(new RulePreview.TagCount(code, customers));
				}
				List<String> sample = TagComputation
					.rows(connection,
							"SELECT DISTINCT customer FROM preview ORDER BY customer LIMIT " + properties.sampleSize())
					.stream()
					.map(row -> row[0])
					.toList();
				return new RulePreview(customers, tags, sample, rule.fields(), rule.tags(),
						(System.nanoTime() - started) / 1_000_000);
			});
		}
		catch (SQLException ex) {
			throw new DomainException(ErrorCode.INVALID_INPUT, "the rule failed when run: " + ex.getMessage(),
					java.util.Map.of("field", "sql", "subject", code));
		}
	}

}
