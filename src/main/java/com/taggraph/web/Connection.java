package com.taggraph.web;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * One page of any list as a Relay connection: the SDL's {@code XConnection} types all
 * resolve to this class. {@code totalCount} is counted only when a client selects it,
 * once. The name ends in "Connection", so Spring for GraphQL's connection adapter passes
 * it through as it is.
 */
public class Connection<T> {

	private final List<Edge<T>> edges;

	private final PageInfo pageInfo;

	private final IntSupplier total;

	private Integer totalCount;

	protected Connection(List<Edge<T>> edges, PageInfo pageInfo, IntSupplier total) {
		this.edges = List.copyOf(edges);
		this.pageInfo = pageInfo;
		this.total = total;
	}

	/**
	 * A connection of the same page, for a feature's connection that adds fields of its
	 * own.
	 */
	protected Connection(Connection<T> page) {
		this(page.edges, page.pageInfo, page.total);
	}

	public List<Edge<T>> edges() {
		return edges;
	}

	public PageInfo pageInfo() {
		return pageInfo;
	}

	/** How many items the whole list holds. */
	public synchronized int totalCount() {
		if (totalCount == null) {
			totalCount = total.getAsInt();
		}
		return totalCount;
	}

	/**
	 * The page with each node replaced; a node mapped to null is left out (gone since the
	 * page was read), while the page info, and so the cursor to go on from, stays.
	 */
	public <U> Connection<U> map(Function<T, U> node) {
		List<Edge<U>> mapped = edges.stream()
			.map(e -> new Edge<>(e.cursor(), node.apply(e.node())))
			.filter(e -> e.node() != null)
			.toList();
		return new Connection<>(mapped, pageInfo, total);
	}

	/**
	 * One item of the page and the opaque cursor to pass as {@code after} to go on behind
	 * it.
	 */
	public record Edge<T>(String cursor, T node) {

		public Edge {
			Objects.requireNonNull(cursor);
		}
	}

	/** Where the page sits in the whole list. */
	public record PageInfo(boolean hasPreviousPage, boolean hasNextPage, String startCursor, String endCursor) {
	}

}
