package com.taggraph.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.audit.AuditContext;
import com.taggraph.audit.AuditTrail;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.graph.CypherParameters;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a write to a class, tag or facet learns whether it may go ahead. The item
 * services validate a change in full, then ask {@link #holds}: a DRAFT is written
 * directly; a change to an APPROVED (or DEPRECATED) item becomes a pending change and the
 * item keeps its approved values; an item IN_REVIEW is not edited until it is decided.
 * Approval replays the change through the same service (its {@link ChangeApplier}) inside
 * {@link #applying}, so the same rules refuse it if the library has moved on meanwhile.
 */
@Component
public class ChangeGate {

	/**
	 * Microseconds since the epoch, strictly increasing, so ids sort in the order changes
	 * were proposed.
	 */
	private static final AtomicLong lastMicros = new AtomicLong();

	/**
	 * Set while an approved change is being applied: the write is the reviewer's
	 * decision, not a new proposal.
	 */
	private static final ThreadLocal<Boolean> APPLYING = new ThreadLocal<>();

	private final LifecycleRepository repository;

	private final AuditTrail audit;

	private final AuditContext context;

	private final JsonMapper json = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

	ChangeGate(LifecycleRepository repository, AuditTrail audit, AuditContext context) {
		this.repository = repository;
		this.audit = audit;
		this.context = context;
	}

	/**
	 * Whether the change is held instead of written; call it after validating, right
	 * before writing. When held, a pending change with its diff is recorded (with a
	 * PROPOSE event) and the caller writes nothing. A change that would change nothing is
	 * not held either, and the caller need not write.
	 * @param operation what the write is, as the owning module declares it
	 * @param proposed the values the change gives, keyed as the item's audit state
	 * ({@code name}, {@code tagClass}, {@code parent}, {@code facetValues};
	 * {@code deleted} for a delete)
	 * @param arguments what approval passes back to the operation's {@link ChangeApplier}
	 * to apply it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <A> boolean holds(ChangeOperation<A> operation, String code, Map<String, ?> proposed, A arguments) {
		ItemKind kind = operation.kind();
		if (Boolean.TRUE.equals(APPLYING.get())) {
			return false;
		}
		LifecycleStatus status = repository.statuses(kind, List.of(code)).get(code);
		if (status == null) {
			return false;
		}
		if (status == LifecycleStatus.IN_REVIEW) {
			PendingChange review = repository.openChanges(kind, List.of(code)).get(code);
			throw new DomainException(ErrorCode.FORBIDDEN_TRANSITION,
					"%s '%s' is IN_REVIEW%s; it can be edited again once a reviewer rejects it or its proposer withdraws it"
						.formatted(kind.noun(), code, review == null ? "" : " (pending change " + review.id() + ")"),
					Map.of("subject", code, "status", status.name()));
		}
		if (!status.governed()) {
			return false;
		}
		Map<String, Object> values = new LinkedHashMap<>(proposed);
		repository.lock();
		requireNoOpenChange(kind, code);
		Map<String, Object> approved = audit.stateOf(kind.changeKind(), code);
		List<FieldDiff> diff = diff(approved, values);
		if (diff.isEmpty()) {
			return true;
		}
		PendingChange change = propose(kind, code, operation.name(), values, arguments, diff, null);
		audit.record("PROPOSE", kind.changeKind(), code, approved, withChange(approved, change));
		return true;
	}

	/**
	 * Writes the change and records its event (named as the operation) unless
	 * {@link #holds} holds it for review: the one way an item service writes a governed
	 * change.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <A> void write(ChangeOperation<A> operation, String code, Map<String, ?> proposed, A arguments,
			Runnable write) {
		if (!holds(operation, code, proposed, arguments)) {
			audit.recorded(operation.kind().changeKind(), code, operation.name(), write);
		}
	}

	/**
	 * {@link #write} of a delete: it proposes {@link #DELETED} and needs no arguments.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void delete(ChangeOperation<NoArguments> operation, String code, Runnable delete) {
		write(operation, code, DELETED, NoArguments.NONE, delete);
	}

	/** Runs an approved change's write: {@link #holds} lets it through. */
	<T> T applying(Supplier<T> write) {
		Boolean before = APPLYING.get();
		APPLYING.set(Boolean.TRUE);
		try {
			return write.get();
		}
		finally {
			if (before == null) {
				APPLYING.remove();
			}
			else {
				APPLYING.set(before);
			}
		}
	}

	/** The status of each existing item among the codes. */
	@Transactional(readOnly = true)
	public Map<String, LifecycleStatus> statuses(ItemKind kind, Collection<String> codes) {
		return repository.statuses(kind, codes);
	}

	void requireNoOpenChange(ItemKind kind, String code) {
		PendingChange open = repository.openChanges(kind, List.of(code)).get(code);
		if (open != null) {
			throw new DomainException(ErrorCode.CHANGE_PENDING,
					"%s '%s' already has a pending change %s (%s by %s) awaiting review; it must be approved, rejected or withdrawn first"
						.formatted(kind.noun(), code, open.id(), open.operation(), open.by()),
					Map.of("subject", code, "pendingChange", open.id()));
		}
	}

	/** Stores a pending change by the current user. */
	PendingChange propose(ItemKind kind, String code, String operation, Map<String, ?> proposed, Object arguments,
			List<FieldDiff> diff, String comment) {
		String id = nextId();
		repository.create(new PendingChange(id, kind, code, operation, PendingChange.PENDING, context.current().user(),
				null, comment, json.writeValueAsString(proposed), json.writeValueAsString(arguments), diff, null, null,
				null));
		return repository.find(id).orElseThrow();
	}

	/**
	 * The item's state with the pending change it went through, as lifecycle events
	 * record it.
	 */
	static Map<String, Object> withChange(Map<String, Object> state, PendingChange change) {
		Map<String, Object> after = state == null ? new LinkedHashMap<>() : new LinkedHashMap<>(state);
		Map<String, Object> pending = new LinkedHashMap<>();
		pending.put("id", change.id());
		pending.put("operation", change.operation());
		pending.put("status", change.status());
		pending.put("proposedBy", change.by());
		pending.put("comment", change.comment());
		pending.put("reviewedBy", change.reviewedBy());
		pending.put("reviewComment", change.reviewComment());
		pending.put("diff", change.diff());
		pending.values().removeIf(Objects::isNull);
		after.put("pendingChange", pending);
		return after;
	}

	/** Every proposed field whose value differs from the approved one. */
	static List<FieldDiff> diff(Map<String, Object> approved, Map<String, ?> proposed) {
		List<FieldDiff> diff = new ArrayList<>();
		proposed.forEach((field, value) -> {
			Object current = approved == null ? null
					: approved.getOrDefault(field, "deleted".equals(field) ? Boolean.FALSE : null);
			String before = text(current);
			String after = text(value);
			if (!Objects.equals(before, after)) {
				diff.add(new FieldDiff(field, before, after));
			}
		});
		return diff;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Collection<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		return String.valueOf(value);
	}

	/**
	 * The given fields of a partial update: a null value means "keep", so it is left out.
	 */
	public static Map<String, Object> given(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				map.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return map;
	}

	/** A map that keeps null values (a move to the root proposes parent null). */
	public static Map<String, Object> values(Object... keysAndValues) {
		return CypherParameters.of(keysAndValues);
	}

	/** What a delete proposes. */
	public static final Map<String, Object> DELETED = Map.of("deleted", true);

	private static String nextId() {
		long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
		long micros = lastMicros.updateAndGet(last -> Math.max(last + 1, now));
		return "pc-%016x-%04x".formatted(micros, ThreadLocalRandom.current().nextInt(0x10000));
	}

}
