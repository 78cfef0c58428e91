package com.taggraph.audit;

import java.util.List;

/**
 * One page of change events, newest first, as a Relay connection with keyset cursors. The name ends
 * in "Connection", so Spring for GraphQL's connection adapter passes it through as it is.
 */
public record ChangeEventConnection(List<Edge> edges, PageInfo pageInfo) {

	/** One event of the page. */
	public record Edge(String cursor, ChangeEvent node) {
	}

	/** Where the page sits in the whole list. */
	public record PageInfo(boolean hasPreviousPage, boolean hasNextPage, String startCursor, String endCursor) {
	}
}
