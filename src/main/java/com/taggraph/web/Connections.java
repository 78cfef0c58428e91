package com.taggraph.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import com.taggraph.error.DomainException;

/**
 * The one cursor of every connection, and the connections made of Spring Data
 * {@link Window}s. A cursor is a {@link ScrollPosition} in Spring for GraphQL's encoding,
 * base64 over JSON of the keyset: opaque to clients, and turned back into the position
 * that {@link ScrollSubrange} hands a controller for {@code first}/{@code after}. Primary
 * over Boot's default strategy, so it is the one Spring for GraphQL resolves subranges
 * with.
 */
@Component
@Primary
public class Connections implements CursorStrategy<ScrollPosition> {

	private final CursorStrategy<ScrollPosition> encoding = CursorStrategy
		.withEncoder(new ScrollPositionCursorStrategy(), CursorEncoder.base64());

	@Override
	public boolean supports(Class<?> targetType) {
		return encoding.supports(targetType);
	}

	@Override
	public String toCursor(ScrollPosition position) {
		return encoding.toCursor(position);
	}

	/**
	 * The position a cursor names; INVALID_INPUT on {@code after} for any text that is no
	 * cursor of this app.
	 */
	@Override
	public ScrollPosition fromCursor(String cursor) {
		try {
			return encoding.fromCursor(cursor);
		}
		catch (RuntimeException ex) {
			throw DomainException.invalid("after", "not a cursor: '%s'".formatted(cursor));
		}
	}

	/**
	 * The window as a connection. It has a previous page when it starts after a position
	 * (keyset pages are read forward only); {@code totalCount} is counted when selected.
	 */
	public <T> Connection<T> of(Window<T> window, ScrollSubrange range, IntSupplier totalCount) {
		List<Connection.Edge<T>> edges = new ArrayList<>(window.size());
		for (int i = 0; i < window.size(); i++) {
			edges.add(new Connection.Edge<>(toCursor(window.positionAt(i)), window.getContent().get(i)));
		}
		boolean afterSome = range.position().filter(p -> !p.isInitial()).isPresent();
		var pageInfo = new Connection.PageInfo(afterSome, window.hasNext(),
				edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, pageInfo, totalCount);
	}

	/**
	 * The position a controller passes to its service: where the page starts, null from
	 * the start.
	 */
	public static ScrollPosition position(ScrollSubrange range) {
		return range.position().orElse(null);
	}

	/** The page size a client asked for ({@code first}), null when none. */
	public static Integer first(ScrollSubrange range) {
		return range.count().isPresent() ? range.count().getAsInt() : null;
	}

}
