package com.taggraph.customer.segment;

import org.roaringbitmap.RoaringBitmap;

/**
 * A segment (客户群) as computed for one request: its members as a bitmap over the index snapshot it
 * was computed on, so its count, its pages and its distribution all describe the same customers.
 */
public record Segment(RoaringBitmap members, IndexSnapshot index) {

	public int count() {
		return members.getCardinality();
	}
}
