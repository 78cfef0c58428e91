package com.taggraph.governance;

import java.util.List;

/**
 * The result of running the rule checks of the requested categories.
 *
 * @param generatedAt ISO-8601 time the checks ran
 * @param dataAsOf when the segment index the data checks read was built; null without
 * data checks
 * @param counts one entry per check that ran, zero included, in {@link RuleCheck} order
 */
public record RuleReport(String generatedAt, List<RuleCategory> categories, String dataAsOf,
		List<ReportedViolation> violations, List<CheckCount> counts) {

	/**
	 * How many violations one check found, and how many customers they involve (data
	 * checks only).
	 */
	public record CheckCount(RuleCheck kind, RuleCategory category, int violations, Integer customers) {
	}
}
