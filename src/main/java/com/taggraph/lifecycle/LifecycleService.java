package com.taggraph.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.audit.Actor;
import com.taggraph.audit.AuditContext;
import com.taggraph.audit.AuditTrail;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.graph.Keyset;
import com.taggraph.facet.FacetChanges;
import com.taggraph.facet.FacetService;
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.TagChanges;
import com.taggraph.taxonomy.TagClassChanges;
import com.taggraph.taxonomy.TaxonomyService;

import tools.jackson.databind.json.JsonMapper;

/**
 * The review steps: submitting a draft, approving, rejecting or withdrawing a pending
 * change, and proposing a deprecation. Nobody decides on their own change: approval
 * compares the change's proposer with the current user, whatever the user's roles. Every
 * step records a change event on the item. Approval writes the change through the
 * {@link ChangeApplier} its owning module registered for it.
 */
@Service
public class LifecycleService {

	static final int MAX_PAGE = 500;

	/** The key of the pending changes' keyset: their id. */
	private static final String KEY = "pendingChange";

	/**
	 * The operations lifecycle applies itself: approving a submitted draft, and retiring
	 * an item.
	 */
	private static final String PUBLISH = "PUBLISH";

	private static final String DEPRECATE = "DEPRECATE";

	private final LifecycleRepository repository;

	private final ChangeGate gate;

	private final AuditTrail audit;

	private final AuditContext context;

	private final Map<Operation, ChangeApplier<?>> appliers = new LinkedHashMap<>();

	private final JsonMapper json = JsonMapper.builder().build();

	LifecycleService(LifecycleRepository repository, ChangeGate gate, AuditTrail audit, AuditContext context,
			List<ChangeAppliers> modules) {
		this.repository = repository;
		this.gate = gate;
		this.audit = audit;
		this.context = context;
		for (ItemKind kind : ItemKind.values()) {
			register(new ChangeApplier<>(new ChangeOperation<>(kind, PUBLISH, NoArguments.class),
					(code, none) -> publish(kind, code)));
			register(new ChangeApplier<>(new ChangeOperation<>(kind, DEPRECATE, Deprecation.class),
					(code, deprecation) -> retire(kind, code, deprecation.replacedBy())));
		}
		modules.forEach(module -> module.appliers().forEach(this::register));
	}

	/** Which applier writes a pending change. */
	private record Operation(ItemKind kind, String name) {
	}

	/**
	 * What a deprecation proposes: the status, and the item that replaces the deprecated
	 * one (if named).
	 */
	record Deprecation(String status, String replacedBy) {
	}

	private void register(ChangeApplier<?> applier) {
		ChangeOperation<?> operation = applier.operation();
		ChangeApplier<?> other = appliers.putIfAbsent(new Operation(operation.kind(), operation.name()), applier);
		if (other != null) {
			throw new IllegalStateException("two appliers of %s %s".formatted(operation.kind(), operation.name()));
		}
	}

	// ---- steps
	// --------------------------------------------------------------------------------

	/**
	 * DRAFT → IN_REVIEW: a PUBLISH change a different reviewer approves (→ APPROVED) or
	 * rejects (→ DRAFT).
	 */
	@Transactional
	public PendingChange submit(ItemKind kind, String code, String comment) {
		LifecycleStatus status = requireItem(kind, code);
		if (status != LifecycleStatus.DRAFT) {
			throw transition(
					"only a DRAFT is submitted for review; %s '%s' is %s%s".formatted(kind.noun(), code, status,
							status.governed() ? " (edit it and the change is held for review by itself)" : ""),
					code, status);
		}
		repository.lock();
		gate.requireNoOpenChange(kind, code);
		Map<String, Object> before = audit.stateOf(kind.changeKind(), code);
		Map<String, Object> proposed = Map.of("status", LifecycleStatus.APPROVED.name());
		PendingChange change = gate.propose(kind, code, PUBLISH, proposed, NoArguments.NONE,
				List.of(new FieldDiff("status", LifecycleStatus.DRAFT.name(), LifecycleStatus.APPROVED.name())),
				optional(comment));
		repository.setStatus(kind, code, LifecycleStatus.IN_REVIEW, null);
		record(before, "SUBMIT", kind, code, change);
		return change;
	}

	/**
	 * Proposes retiring an APPROVED item. A deprecated tag must name its replacement: an
	 * existing tag that is not deprecated itself. Like every change to an approved item
	 * it waits for a different reviewer.
	 */
	@Transactional
	public PendingChange deprecate(ItemKind kind, String code, String replacedBy, String comment) {
		LifecycleStatus status = requireItem(kind, code);
		if (status != LifecycleStatus.APPROVED) {
			throw transition("only an APPROVED %s is deprecated; '%s' is %s%s".formatted(kind.noun(), code, status,
					status == LifecycleStatus.DRAFT ? " (a draft is deleted instead)" : ""), code, status);
		}
		String replacement = replacedBy == null || replacedBy.isBlank() ? null : replacedBy.strip();
		if (replacement == null && kind == ItemKind.TAG) {
			throw DomainException.invalid("replacedBy", "a deprecated tag names the tag that replaces it");
		}
		if (replacement != null) {
			requireReplacement(kind, code, replacement);
		}
		repository.lock();
		gate.requireNoOpenChange(kind, code);
		Map<String, Object> approved = audit.stateOf(kind.changeKind(), code);
		Map<String, Object> proposed = new LinkedHashMap<>();
		proposed.put("status", LifecycleStatus.DEPRECATED.name());
		if (replacement != null) {
			proposed.put("replacedBy", replacement);
		}
		PendingChange change = gate.propose(kind, code, DEPRECATE, proposed,
				new Deprecation(LifecycleStatus.DEPRECATED.name(), replacement), ChangeGate.diff(approved, proposed),
				optional(comment));
		audit.record("PROPOSE", kind.changeKind(), code, approved, ChangeGate.withChange(approved, change));
		return change;
	}

	/**
	 * Applies the change through the item's own service (its rules still apply), then
	 * marks it APPROVED.
	 */
	@Transactional
	public PendingChange approve(String id, String comment) {
		repository.lock();
		PendingChange change = requireOpen(id, "approved");
		Actor reviewer = context.current();
		if (reviewer.user().equals(change.by())) {
			throw new DomainException(ErrorCode.SELF_APPROVAL,
					"%s proposed change %s to %s '%s' and cannot approve it; another reviewer must"
						.formatted(reviewer.user(), id, change.kind().noun(), change.code()),
					Map.of("subject", change.code(), "pendingChange", id, "proposedBy", change.by()));
		}
		Map<String, Object> before = audit.stateOf(change.kind().changeKind(), change.code());
		gate.applying(() -> {
			apply(change);
			return null;
		});
		repository.decide(id, PendingChange.APPROVED, reviewer.user(), optional(comment));
		PendingChange decided = repository.find(id).orElseThrow();
		record(before, "APPROVE", change.kind(), change.code(), decided);
		return decided;
	}

	/**
	 * Leaves the approved version as it is (a submitted draft goes back to DRAFT). A
	 * reason is required.
	 */
	@Transactional
	public PendingChange reject(String id, String comment) {
		if (comment == null || comment.isBlank()) {
			throw DomainException.invalid("comment", "say why the change is rejected");
		}
		return close(id, PendingChange.REJECTED, "REJECT", "rejected", comment.strip());
	}

	/** The proposer takes the change back; as a rejection, nothing of it is applied. */
	@Transactional
	public PendingChange withdraw(String id) {
		PendingChange change = repository.find(id).orElseThrow(() -> DomainException.notFound("pending change", id));
		String user = context.current().user();
		if (!user.equals(change.by())) {
			throw new DomainException(ErrorCode.FORBIDDEN_TRANSITION,
					"only %s, who proposed change %s, may withdraw it; a reviewer rejects it instead"
						.formatted(change.by(), id),
					Map.of("subject", change.code(), "pendingChange", id));
		}
		return close(id, PendingChange.WITHDRAWN, "WITHDRAW", "withdrawn", null);
	}

	private PendingChange close(String id, String status, String operation, String verb, String comment) {
		repository.lock();
		PendingChange change = requireOpen(id, verb);
		Map<String, Object> before = audit.stateOf(change.kind().changeKind(), change.code());
		if (PUBLISH.equals(change.operation())) {
			repository.setStatus(change.kind(), change.code(), LifecycleStatus.DRAFT, null);
		}
		repository.decide(id, status, context.current().user(), comment);
		PendingChange decided = repository.find(id).orElseThrow();
		record(before, operation, change.kind(), change.code(), decided);
		return decided;
	}

	private void apply(PendingChange change) {
		ChangeApplier<?> applier = appliers.get(new Operation(change.kind(), change.operation()));
		if (applier == null) {
			throw new IllegalStateException("no way to apply " + change.operation() + " to a " + change.kind());
		}
		apply(applier, change);
	}

	/**
	 * The arguments are read back as the record the operation declares, then handed to
	 * its applier.
	 */
	private <A> void apply(ChangeApplier<A> applier, PendingChange change) {
		A arguments = json.readValue(change.arguments() == null ? "{}" : change.arguments(),
				applier.operation().arguments());
		applier.apply(change.code(), arguments);
	}

	private void publish(ItemKind kind, String code) {
		requireItem(kind, code);
		repository.setStatus(kind, code, LifecycleStatus.APPROVED, null);
	}

	private void retire(ItemKind kind, String code, String replacement) {
		if (replacement != null) {
			requireReplacement(kind, code, replacement);
		}
		repository.setStatus(kind, code, LifecycleStatus.DEPRECATED, replacement);
	}

	// ---- reads
	// --------------------------------------------------------------------------------

	/** A change the caller may see; one on a hidden tag is null, as for an unknown id. */
	@Transactional(readOnly = true)
	public PendingChange pendingChange(String id, Visibility visibility) {
		return repository.find(id, visibility.hidden()).orElse(null);
	}

	@Transactional(readOnly = true)
	public Map<String, String> replacements(ItemKind kind, Collection<String> codes) {
		return repository.replacements(kind, codes);
	}

	// ---- the lifecycle fields of other modules' types, for many items at once
	// ------------------

	/** Each item's status (items that no longer exist are left out). */
	@Transactional(readOnly = true)
	public <T> Map<T, LifecycleStatus> statuses(ItemKind kind, List<T> items, Function<T, String> code) {
		return byItem(items, code, repository.statuses(kind, codes(items, code)));
	}

	/**
	 * Each item's open change, for the items that have one the caller may see (one
	 * proposing a hidden tag, as a replacement say, is left out).
	 */
	@Transactional(readOnly = true)
	public <T> Map<T, PendingChange> openChanges(ItemKind kind, List<T> items, Function<T, String> code,
			Visibility visibility) {
		return byItem(items, code, repository.openChanges(kind, codes(items, code), visibility.hidden()));
	}

	/**
	 * Each deprecated item's replacement, for the items that name one that exists.
	 * @param find the owning module's read of items by code
	 */
	@Transactional(readOnly = true)
	public <T> Map<T, T> replacements(ItemKind kind, List<T> items, Function<T, String> code,
			Function<Set<String>, Map<String, T>> find) {
		Map<String, String> replacements = repository.replacements(kind, codes(items, code));
		Map<String, T> found = find.apply(Set.copyOf(replacements.values()));
		return items.stream()
			.distinct()
			.filter(t -> replacements.containsKey(code.apply(t)) && found.containsKey(replacements.get(code.apply(t))))
			.collect(Collectors.toMap(Function.identity(), t -> found.get(replacements.get(code.apply(t)))));
	}

	/**
	 * For each result (segment, portrait) the warnings of the deprecated tags it uses, in
	 * one query for all.
	 */
	@Transactional(readOnly = true)
	public List<List<DeprecationWarning>> warnings(List<? extends Collection<String>> tagsPerResult) {
		Set<String> all = new LinkedHashSet<>();
		tagsPerResult.forEach(all::addAll);
		List<DeprecationWarning> found = deprecationWarnings(all);
		List<List<DeprecationWarning>> result = new ArrayList<>();
		for (Collection<String> tags : tagsPerResult) {
			result.add(found.stream().filter(w -> tags.contains(w.tagCode())).toList());
		}
		return result;
	}

	private static <T> List<String> codes(Collection<T> items, Function<T, String> code) {
		return items.stream().map(code).distinct().toList();
	}

	private static <T, V> Map<T, V> byItem(List<T> items, Function<T, String> code, Map<String, V> found) {
		return items.stream()
			.distinct()
			.filter(t -> found.containsKey(code.apply(t)))
			.collect(Collectors.toMap(Function.identity(), t -> found.get(code.apply(t))));
	}

	/** A warning for every deprecated tag among the codes, in code order. */
	@Transactional(readOnly = true)
	public List<DeprecationWarning> deprecationWarnings(Collection<String> tagCodes) {
		if (tagCodes.isEmpty()) {
			return List.of();
		}
		return repository.deprecatedTags(tagCodes)
			.stream()
			.map(tag -> DeprecationWarning.of(tag.code(), tag.name(), tag.replacedBy()))
			.toList();
	}

	/**
	 * Pending changes (by default the open ones), newest first, one page after the
	 * position.
	 */
	@Transactional(readOnly = true)
	public Window<PendingChange> pendingChanges(String status, String by, ItemKind kind, ScrollPosition after,
			Integer first, Visibility visibility) {
		int size = Keyset.size(first, 50, MAX_PAGE);
		List<PendingChange> found = repository.page(status, by, kind, Keyset.after(after, KEY), size + 1,
				visibility.hidden());
		return Keyset.window(found, size, KEY, PendingChange::id);
	}

	/** How many pending changes the filter selects. */
	@Transactional(readOnly = true)
	public int countPendingChanges(String status, String by, ItemKind kind, Visibility visibility) {
		return repository.count(status, by, kind, visibility.hidden());
	}

	// ---- checks
	// -------------------------------------------------------------------------------

	private LifecycleStatus requireItem(ItemKind kind, String code) {
		LifecycleStatus status = code == null ? null : repository.statuses(kind, List.of(code)).get(code);
		if (status == null) {
			throw DomainException.notFound(kind.noun(), code);
		}
		return status;
	}

	private void requireReplacement(ItemKind kind, String code, String replacement) {
		if (replacement.equals(code)) {
			throw DomainException.invalid("replacedBy", "%s '%s' cannot replace itself".formatted(kind.noun(), code));
		}
		LifecycleStatus status = repository.statuses(kind, List.of(replacement)).get(replacement);
		if (status == null) {
			throw new DomainException(ErrorCode.NOT_FOUND,
					"replacement %s '%s' does not exist".formatted(kind.noun(), replacement),
					Map.of("field", "replacedBy", "subject", replacement));
		}
		if (status == LifecycleStatus.DEPRECATED) {
			throw DomainException.invalid("replacedBy", "%s '%s' is deprecated itself; name a %s in force"
				.formatted(kind.noun(), replacement, kind.noun()));
		}
	}

	private PendingChange requireOpen(String id, String verb) {
		PendingChange change = repository.find(id == null ? "" : id)
			.orElseThrow(() -> DomainException.notFound("pending change", id));
		if (!change.open()) {
			throw new DomainException(ErrorCode.FORBIDDEN_TRANSITION,
					"change %s is already %s%s; it cannot be %s".formatted(id, change.status(),
							change.reviewedBy() == null ? "" : " by " + change.reviewedBy(), verb),
					Map.of("subject", change.code(), "pendingChange", id, "status", change.status()));
		}
		return change;
	}

	/**
	 * One event per step, with the item before and after it and the pending change it
	 * went through.
	 */
	private void record(Map<String, Object> before, String operation, ItemKind kind, String code,
			PendingChange change) {
		Map<String, Object> after = audit.stateOf(kind.changeKind(), code);
		audit.record(operation, kind.changeKind(), code, before, ChangeGate.withChange(after, change));
	}

	private static DomainException transition(String message, String code, LifecycleStatus status) {
		return new DomainException(ErrorCode.FORBIDDEN_TRANSITION, message,
				Map.of("subject", code, "status", status.name()));
	}

	private static String optional(String comment) {
		return comment == null || comment.isBlank() ? null : comment.strip();
	}

}
