package com.taggraph.customer.segment;

import java.util.List;

import com.taggraph.customer.Customer;

/**
 * One page of a segment's customers as a Relay connection, ordered by customer id. The class name
 * ends in "Connection", so Spring for GraphQL's connection adapter passes it through as it is.
 */
public record CustomerConnection(List<Edge> edges, PageInfo pageInfo, int totalCount) {

	/** One customer of the page. */
	public record Edge(String cursor, Customer node) {
	}

	/** Where the page sits in the whole list. */
	public record PageInfo(boolean hasPreviousPage, boolean hasNextPage, String startCursor, String endCursor) {
	}
}
