package com.taggraph.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.error.DomainException;
import com.taggraph.graph.Keyset;

import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: every write records a {@link ChangeEvent} in the transaction of the
 * write itself, so a refused or rolled-back write leaves no event and a committed one
 * always has one. Events are append-only: nothing in the app updates or deletes them.
 *
 * <p>
 * A service write brackets its change with {@link #change}: the state before is read when
 * the change starts, the state after when it is recorded.
 */
@Service
public class AuditTrail {

	public static final int MAX_PAGE = 500;
	static final int MAX_HISTORY = 1000;

	/** The key of the change events' keyset: their id. */
	private static final String KEY = "changeEvent";

	/**
	 * Microseconds since the epoch, strictly increasing in this app, so ids sort in the
	 * order events were made.
	 */
	private static final AtomicLong lastMicros = new AtomicLong();

	private final AuditRepository repository;

	private final AuditContext context;

	private final JsonMapper json = JsonMapper.builder().build();

	AuditTrail(AuditRepository repository, AuditContext context) {
		this.repository = repository;
		this.context = context;
	}

	/** A change to one node under way; {@link Change#record} writes its event. */
	public final class Change {

		private final ChangeKind kind;

		private final String code;

		private final Map<String, Object> before;

		private Change(ChangeKind kind, String code, Map<String, Object> before) {
			this.kind = kind;
			this.code = code;
			this.before = before;
		}

		/**
		 * Records the change with the node's state now as {@code after} (null when it is
		 * gone).
		 */
		public void record(String operation) {
			AuditTrail.this.record(operation, kind, code, before, stateOf(kind, code));
		}

	}

	/**
	 * Starts a change to the node, reading its state before (null when it does not exist
	 * yet).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Change change(ChangeKind kind, String code) {
		return new Change(kind, code, stateOf(kind, code));
	}

	/**
	 * Runs a write to one node and records it as {@code operation}, with the node's state
	 * before and after the write.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recorded(ChangeKind kind, String code, String operation, Runnable write) {
		var change = change(kind, code);
		write.run();
		change.record(operation);
	}

	/** Records one event; {@code before} and {@code after} are stored as JSON text. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String operation, ChangeKind kind, String code, Map<String, ?> before, Map<String, ?> after) {
		repository.create(nextId(), context.current(), operation, kind, code, toJson(before), toJson(after), null);
	}

	/**
	 * One event for a whole bulk import: kind Import, the import id as code, the summary
	 * (counts) as after.
	 * @return the event's id, which import responses return so a client can find the
	 * event again
	 */
	@Transactional
	public String recordImport(String importId, Map<String, ?> summary) {
		return recordImport(importId, "IMPORT", summary);
	}

	/**
	 * As {@link #recordImport(String, Map)}, for another step of an import's life
	 * (ROLLBACK).
	 */
	@Transactional
	public String recordImport(String importId, String operation, Map<String, ?> summary) {
		String id = nextId();
		repository.create(id, context.current(), operation, ChangeKind.IMPORT, importId, null, toJson(summary),
				importId);
		return id;
	}

	/** The node's properties and relationship state, or null when it does not exist. */
	@Transactional(readOnly = true)
	public Map<String, Object> stateOf(ChangeKind kind, String code) {
		return repository.stateOf(kind, code).orElse(null);
	}

	// ---- reads
	// --------------------------------------------------------------------------------

	/**
	 * Every event on the code (of one kind, or any), newest first; at most
	 * {@value #MAX_HISTORY}.
	 */
	@Transactional(readOnly = true)
	public List<ChangeEvent> history(String code, ChangeKind kind) {
		if (code == null || code.isBlank()) {
			throw DomainException.invalid("code", "must not be blank");
		}
		return repository.history(code, kind, MAX_HISTORY);
	}

	/**
	 * The newest events of each code of one kind, for the {@code history} fields of many
	 * nodes.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<ChangeEvent>> histories(ChangeKind kind, Collection<String> codes) {
		return repository.histories(kind, codes, MAX_HISTORY);
	}

	/**
	 * The {@code history} field of many nodes of one kind in one query: each node with
	 * its newest events. The module owning the node type serves the field with this, from
	 * its own controller.
	 */
	@Transactional(readOnly = true)
	public <T> Map<T, List<ChangeEvent>> histories(ChangeKind kind, List<T> nodes, Function<T, String> code) {
		Map<String, List<ChangeEvent>> found = histories(kind, nodes.stream().map(code).distinct().toList());
		Map<T, List<ChangeEvent>> result = new LinkedHashMap<>();
		nodes.forEach(n -> result.put(n, found.getOrDefault(code.apply(n), List.of())));
		return result;
	}

	/**
	 * Events across the library (or on one code), newest first, filtered, one page after
	 * the position; at most {@value #MAX_PAGE} a page.
	 */
	@Transactional(readOnly = true)
	public Window<ChangeEvent> changes(ChangeFilter filter, ScrollPosition after, Integer first) {
		int size = Keyset.size(first, 100, MAX_PAGE);
		String afterId = Keyset.after(after, KEY);
		List<ChangeEvent> found = repository.changes(filter.code(), parseSince(filter.since()), filter.by(),
				filter.kind(), afterId, size + 1);
		return Keyset.window(found, size, KEY, ChangeEvent::id);
	}

	/**
	 * One page of the events on one node, for the {@code changes} connection of a node
	 * type.
	 */
	public record HistoryPage(ChangeKind kind, String code, String afterId, int size) {
	}

	/** A page of events and how many the node has in all. */
	public record EventPage(Window<ChangeEvent> events, int totalCount) {
	}

	/**
	 * The page of the node's events after the position; INVALID_INPUT for a bad size or
	 * cursor.
	 */
	public static HistoryPage historyPage(ChangeKind kind, String code, ScrollPosition after, Integer first) {
		return new HistoryPage(kind, code, Keyset.after(after, KEY), Keyset.size(first, 100, MAX_PAGE));
	}

	/** Pages of the events of many nodes, newest first, in one read. */
	@Transactional(readOnly = true)
	public Map<HistoryPage, EventPage> historyPages(Collection<HistoryPage> pages) {
		List<HistoryPage> asked = List.copyOf(pages);
		Map<HistoryPage, EventPage> result = new java.util.HashMap<>();
		repository.historyPages(asked).forEach((i, found) -> {
			HistoryPage page = asked.get(i);
			result.put(page,
					new EventPage(Keyset.window(found.getKey(), page.size(), KEY, ChangeEvent::id), found.getValue()));
		});
		return result;
	}

	/** How many events the filter selects. */
	@Transactional(readOnly = true)
	public int countChanges(ChangeFilter filter) {
		return repository.countChanges(filter.code(), parseSince(filter.since()), filter.by(), filter.kind());
	}

	/** Which events {@code changes} selects: every part given must match. */
	public record ChangeFilter(String code, String since, String by, ChangeKind kind) {

		public ChangeFilter {
			if (code != null && code.isBlank()) {
				throw DomainException.invalid("code", "must not be blank");
			}
		}
	}

	/**
	 * An ISO date-time with offset ({@code 2026-11-27T20:00:00Z}) or a date (midnight
	 * UTC).
	 */
	static ZonedDateTime parseSince(String since) {
		if (since == null || since.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(since.strip()).toZonedDateTime();
		}
		catch (DateTimeParseException notDateTime) {
			try {
				return LocalDate.parse(since.strip()).atStartOfDay(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notDate) {
				throw DomainException.invalid("since",
						"not an ISO date-time with offset or a date: '%s' (e.g. 2026-11-27T20:00:00Z or 2026-11-27)"
							.formatted(since));
			}
		}
	}

	private String toJson(Map<String, ?> state) {
		return state == null ? null : json.writeValueAsString(new TreeMap<>(state));
	}

	private static String nextId() {
		long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
		long micros = lastMicros.updateAndGet(last -> Math.max(last + 1, now));
		return "%016x-%08x".formatted(micros, ThreadLocalRandom.current().nextInt());
	}

}
