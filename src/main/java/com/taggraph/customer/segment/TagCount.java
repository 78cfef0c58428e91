package com.taggraph.customer.segment;

import com.taggraph.taxonomy.Tag;

/**
 * How many customers of a segment carry one tag, and what share of the segment that is.
 */
public record TagCount(Tag tag, int count, double share) {
}
