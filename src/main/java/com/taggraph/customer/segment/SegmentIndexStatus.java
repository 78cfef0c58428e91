package com.taggraph.customer.segment;

/**
 * What the segment index holds.
 *
 * @param builtAt ISO-8601 time of the last full build from Neo4j
 * @param updatesSinceBuild assignment changes applied incrementally since then
 * @param memoryBytes estimated heap of the index: bitmaps plus the customer id table
 * @param bitmapBytes heap of the bitmaps alone
 */
public record SegmentIndexStatus(int customers, int tags, long assignments, String builtAt, long buildMillis,
		long memoryBytes, long bitmapBytes, int updatesSinceBuild, String refreshInterval) {
}
