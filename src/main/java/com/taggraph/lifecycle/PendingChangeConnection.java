package com.taggraph.lifecycle;

import java.util.List;

/** One page of pending changes, newest first, with keyset cursors. */
public record PendingChangeConnection(List<Edge> edges, PageInfo pageInfo) {

	public record Edge(String cursor, PendingChange node) {
	}

	public record PageInfo(boolean hasPreviousPage, boolean hasNextPage, String startCursor, String endCursor) {
	}
}
