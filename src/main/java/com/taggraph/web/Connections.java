package com.taggraph.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import org.dataloader.DataLoader;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import com.taggraph.error.DomainException;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;

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

	/**
	 * Page size of a connection beside a list field when {@code first} is not given, and
	 * the largest one allowed.
	 */
	public static final int LIST_FIRST = 100;

	public static final int LIST_MAX_FIRST = 500;

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

	// ---- the connection beside a plain list field
	// ---------------------------------------------

	/**
	 * A page of a list a list field answers, as the Relay connection beside that field:
	 * it shows exactly what the list shows (the caller's visibility included), and
	 * {@code totalCount} is the list's size. A cursor names the key of the item the page
	 * goes on behind; when that item has left the list, the page goes on at the first
	 * item whose key sorts after it (exact for the lists in key order).
	 */
	public <T> Connection<T> page(List<T> list, ScrollSubrange range, String key, Function<T, String> keyOf) {
		return of(new ListPage(range, key).window(list, keyOf), range, list::size);
	}

	/**
	 * As {@link #page(List, ScrollSubrange, String, Function)}, of the list a batch
	 * loader reads for the field's parent, so the connection costs no query of its own
	 * however many parents ask. {@code first} and {@code after} are checked before it
	 * loads.
	 */
	public <T> CompletableFuture<Connection<T>> page(CompletionStage<? extends List<T>> list, ScrollSubrange range,
			String key, Function<T, String> keyOf) {
		ListPage page = new ListPage(range, key);
		return list.toCompletableFuture().thenApply(found -> {
			List<T> all = found == null ? List.<T>of() : found;
			return of(page.window(all, keyOf), range, all::size);
		});
	}

	/**
	 * As {@link #page(CompletionStage, ScrollSubrange, String, Function)}, of the list
	 * the {@code @BatchMapping} of {@code listField} on the parent's type answers.
	 */
	public <T> CompletableFuture<Connection<T>> beside(String listField, ScrollSubrange range, String key,
			Function<T, String> keyOf, DataFetchingEnvironment env) {
		String type = ((GraphQLObjectType) env.getParentType()).getName();
		DataLoader<Object, List<T>> loader = env.getDataLoader(type + "." + listField);
		return page(loader.load(env.getSource()), range, key, keyOf);
	}

	/**
	 * Which part of a whole list a page is: INVALID_INPUT for {@code first} outside 1 to
	 * {@value #LIST_MAX_FIRST} and for a cursor of another list.
	 */
	private record ListPage(int size, String after, String key) {

		ListPage(ScrollSubrange range, String key) {
			this(first(range) == null ? LIST_FIRST : first(range), afterKey(position(range), key), key);
			if (size < 1 || size > LIST_MAX_FIRST) {
				throw DomainException.invalid("first",
						"must be between 1 and %d, was %d".formatted(LIST_MAX_FIRST, size));
			}
		}

		private static String afterKey(ScrollPosition position, String key) {
			if (position == null || position.isInitial()) {
				return null;
			}
			if (position instanceof KeysetScrollPosition keyset && keyset.scrollsForward()
					&& keyset.getKeys().keySet().equals(Set.of(key))
					&& keyset.getKeys().get(key) instanceof String value) {
				return value;
			}
			throw DomainException.invalid("after", "not a cursor of this list");
		}

		<T> Window<T> window(List<T> list, Function<T, String> keyOf) {
			int start = start(list, keyOf);
			List<T> items = List.copyOf(list.subList(start, Math.min(list.size(), start + size)));
			return Window.from(items, i -> ScrollPosition.forward(Map.of(key, keyOf.apply(items.get(i)))),
					start + size < list.size());
		}

		private <T> int start(List<T> list, Function<T, String> keyOf) {
			if (after == null) {
				return 0;
			}
			for (int i = 0; i < list.size(); i++) {
				if (after.equals(keyOf.apply(list.get(i)))) {
					return i + 1;
				}
			}
			return IntStream.range(0, list.size())
				.filter(i -> keyOf.apply(list.get(i)).compareTo(after) > 0)
				.findFirst()
				.orElse(list.size());
		}

	}

}
