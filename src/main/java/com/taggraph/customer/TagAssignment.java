package com.taggraph.customer;

import com.taggraph.taxonomy.Tag;

/**
 * One tag on one customer: the {@code HAS_TAG} relationship.
 *
 * @param value for enumerated or numeric tags, else null
 * @param assignedAt ISO-8601 time of assignment
 * @param importId the bulk import that wrote it, if any
 * @param by who put it there (a steward, for MANUAL and FOLKSONOMY), if recorded
 * @param runId the rule run that computed it, for RULE
 */
public record TagAssignment(String customerId, Tag tag, String value, String assignedAt, AssignmentSource source,
		String importId, String by, String runId) {
}
