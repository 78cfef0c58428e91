package com.taggraph.customer;

/**
 * One stay of a tag on a customer: when it came, how, and when it went (null while it is
 * carried).
 *
 * @param reason why it went: REMOVED, or REPLACED by an exclusive class's other branch
 */
public record TagHistoryEntry(String tagCode, String tagName, String value, String assignedAt, AssignmentSource source,
		String importId, String by, String runId, String removedAt, String removedBy, String reason) {
}
