package com.taggraph.governance;

import java.util.List;

/**
 * One violation found by the rule report.
 *
 * @param codes the classes, tags and facets involved, the offending one first
 * @param customerCount customers breaking the rule, for the data checks; null for the
 * others
 * @param sampleCustomerIds up to 20 of those customers, smallest ids first; empty for the
 * others
 */
public record ReportedViolation(RuleCheck kind, RuleCategory category, List<String> codes, String message,
		Integer customerCount, List<String> sampleCustomerIds) {

	static ReportedViolation of(RuleCheck kind, List<String> codes, String message) {
		return new ReportedViolation(kind, kind.category(), List.copyOf(codes), message, null, List.of());
	}

	static ReportedViolation ofCustomers(RuleCheck kind, List<String> codes, String message, int customerCount,
			List<String> sampleCustomerIds) {
		return new ReportedViolation(kind, kind.category(), List.copyOf(codes), message, customerCount,
				List.copyOf(sampleCustomerIds));
	}
}
