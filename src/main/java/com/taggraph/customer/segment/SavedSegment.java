package com.taggraph.customer.segment;

import java.util.List;

/**
 * A stored segment definition with its live members.
 *
 * @param createdAt ISO-8601 time of saving
 * @param missingCodes codes of the definition that no longer name a tag or class; they
 * match no customer
 */
public record SavedSegment(String name, SegmentWhere where, String createdAt, Segment segment,
		List<String> missingCodes) {
}
