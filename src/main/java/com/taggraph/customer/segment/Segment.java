package com.taggraph.customer.segment;

import java.util.Set;

import org.roaringbitmap.RoaringBitmap;

/**
 * A segment (客户群) as computed for one request: its members as a bitmap over the index
 * snapshot it was computed on, so its count, its pages and its distribution all describe
 * the same customers; and the tags its combination uses (named, or standing behind a
 * class or facet value), for its warnings.
 */
public record Segment(RoaringBitmap members, IndexSnapshot index, Set<String> tags) {

	public int count() {
		return members.getCardinality();
	}
}
