package com.taggraph.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeKind;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.security.Visibility;

/**
 * Customers and their tags. The exclusivity rule (互斥) holds at write time: a customer
 * never carries tags from two branches of an exclusive class, unless a write is refused
 * or swaps the old tag out.
 */
@Service
public class CustomerService {

	static final int MAX_TAGS_PER_WRITE = 500;

	private final CustomerRepository repository;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	CustomerService(CustomerRepository repository, ApplicationEventPublisher events, AuditTrail audit) {
		this.repository = repository;
		this.audit = audit;
		this.events = events;
	}

	// Single-statement reads run without a Spring transaction: the driver then sends one
	// auto-commit
	// statement (RUN+PULL) instead of BEGIN, RUN+PULL and COMMIT as three round trips,
	// which was most
	// of a portrait request's time. One statement is consistent on its own.
	public Customer customer(String id) {
		return repository.find(id).orElse(null);
	}

	public List<Customer> customers(Collection<String> ids) {
		return repository.findAll(ids);
	}

	/**
	 * For each assignment, the customer's own assignments of the tags its tag is derived
	 * from (at any depth), in one query for all of them.
	 */
	@Transactional(readOnly = true)
	public Map<TagAssignment, List<TagAssignment>> carriedUpstream(Collection<TagAssignment> assignments,
			Visibility visibility) {
		List<Map<String, String>> pairs = assignments.stream()
			.map(a -> Map.of("customer", a.customerId(), "tag", a.tag().code()))
			.distinct()
			.toList();
		Map<String, List<TagAssignment>> found = repository.carriedUpstream(pairs, visibility.hidden());
		Map<TagAssignment, List<TagAssignment>> result = new HashMap<>();
		for (TagAssignment a : assignments) {
			result.put(a, found.getOrDefault(a.customerId() + "|" + a.tag().code(), List.of()));
		}
		return result;
	}

	/**
	 * Each customer's history of the tags the caller may see, oldest first: one query for
	 * any number of customers.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<TagHistoryEntry>> tagHistory(Collection<String> customerIds, String tagCode,
			Visibility visibility) {
		return repository.history(customerIds, tagCode, visibility.hidden());
	}

	/**
	 * A customer with every assignment the caller may see and its class chain, in one
	 * query; null if there is none.
	 */
	public CustomerTags customerWithTags(String id, Visibility visibility) {
		return repository.findWithEntries(id, visibility.hidden())
			.map(found -> new CustomerTags(found.customer(), found.entries()))
			.orElse(null);
	}

	/**
	 * Every assignment the caller may see, with its tag's class chain, of each customer:
	 * one query for any number.
	 */
	public Map<String, CustomerTags> tagsOf(Collection<String> customerIds, Visibility visibility) {
		var entries = repository.entries(Set.copyOf(customerIds), visibility.hidden());
		Map<String, CustomerTags> result = new HashMap<>();
		for (String id : customerIds) {
			result.put(id, new CustomerTags(null, entries.getOrDefault(id, List.of())));
		}
		return result;
	}

	/**
	 * A customer's assignments with their class chains, from which its tag list and
	 * portrait both follow.
	 */
	public record CustomerTags(Customer customer, List<Portrait.Entry> entries) {

		public List<TagAssignment> assignments() {
			return entries.stream()
				.map(Portrait.Entry::assignment)
				.sorted(java.util.Comparator.comparing(a -> a.tag().code()))
				.toList();
		}

		public Portrait portrait(String customerId) {
			return Portrait.of(customerId, entries);
		}
	}

	/**
	 * Gives the customer the tags. A tag from an exclusive class whose other branch the
	 * customer carries is refused with EXCLUSIVE_CONFLICT, or with {@code replace} swaps
	 * that tag out.
	 */
	@Transactional
	public Customer assignTags(String customerId, List<String> tagCodes, boolean replace) {
		return assignTags(customerId, tagCodes, replace, AssignmentSource.MANUAL, null);
	}

	/**
	 * As {@link #assignTags(String, List, boolean)}, recording how the tags came and who
	 * put them there.
	 */
	@Transactional
	public Customer assignTags(String customerId, List<String> tagCodes, boolean replace, AssignmentSource source,
			String by) {
		Set<String> codes = requireTags(customerId, tagCodes);
		repository.lock(customerId);
		var change = audit.change(ChangeKind.CUSTOMER, customerId);
		Set<String> swappedOut = new LinkedHashSet<>();
		Map<String, CustomerRepository.ExclusiveBranch> requested = new HashMap<>();
		List<CustomerRepository.ExclusiveBranch> carried = new ArrayList<>();
		for (var branch : repository.exclusiveBranches(customerId, codes)) {
			if (!branch.carried()) {
				var other = requested.putIfAbsent(branch.exclusiveClass(), branch);
				if (other != null && !other.branch().equals(branch.branch())) {
					throw conflict(customerId, other.tag(), branch.tag(), branch.exclusiveClass(), false);
				}
			}
			else if (!codes.contains(branch.tag())) {
				carried.add(branch);
			}
		}
		for (var old : carried) {
			var incoming = requested.get(old.exclusiveClass());
			if (incoming != null && !incoming.branch().equals(old.branch())) {
				if (!replace) {
					throw conflict(customerId, incoming.tag(), old.tag(), old.exclusiveClass(), true);
				}
				swappedOut.add(old.tag());
			}
		}
		if (!swappedOut.isEmpty()) {
			repository.remove(customerId, swappedOut, "REPLACED", by);
		}
		repository.assign(customerId, codes, source, by);
		change.record("ASSIGN_TAGS");
		events.publishEvent(new TagAssignmentsChanged(customerId, codes, swappedOut));
		return repository.find(customerId).orElseThrow();
	}

	/**
	 * Takes the tags off the customer, keeping each in its tag history with who removed
	 * it; tags it does not carry are ignored.
	 */
	@Transactional
	public Customer removeTags(String customerId, List<String> tagCodes, String by) {
		Set<String> codes = requireTags(customerId, tagCodes);
		repository.lock(customerId);
		audit.recorded(ChangeKind.CUSTOMER, customerId, "REMOVE_TAGS",
				() -> repository.remove(customerId, codes, "REMOVED", by));
		events.publishEvent(new TagAssignmentsChanged(customerId, Set.of(), codes));
		return repository.find(customerId).orElseThrow();
	}

	private Set<String> requireTags(String customerId, List<String> tagCodes) {
		if (tagCodes == null || tagCodes.isEmpty()) {
			throw DomainException.invalid("tagCodes", "give at least one tag code");
		}
		if (tagCodes.size() > MAX_TAGS_PER_WRITE) {
			throw DomainException.invalid("tagCodes",
					"at most %d tags per call, got %d".formatted(MAX_TAGS_PER_WRITE, tagCodes.size()));
		}
		if (customerId == null || repository.find(customerId).isEmpty()) {
			throw new DomainException(ErrorCode.NOT_FOUND, "customer '%s' does not exist".formatted(customerId),
					Map.of("field", "customerId", "subject", String.valueOf(customerId)));
		}
		Set<String> codes = new LinkedHashSet<>(tagCodes);
		Set<String> unknown = new LinkedHashSet<>(codes);
		unknown.removeAll(repository.existingTags(codes));
		if (!unknown.isEmpty()) {
			throw new DomainException(ErrorCode.NOT_FOUND,
					"unknown tag%s %s".formatted(unknown.size() == 1 ? "" : "s", String.join(", ", unknown)),
					Map.of("field", "tagCodes", "subject", List.copyOf(unknown)));
		}
		return codes;
	}

	private static DomainException conflict(String customerId, String tag, String other, String classCode,
			boolean carried) {
		String message = carried
				? "customer '%s' carries %s, which excludes %s: both are in exclusive class %s; pass replace: true to swap %s for %s"
					.formatted(customerId, other, tag, classCode, other, tag)
				: "%s and %s exclude each other: both are in exclusive class %s".formatted(other, tag, classCode);
		return new DomainException(ErrorCode.EXCLUSIVE_CONFLICT, message,
				Map.of("tags", List.of(tag, other), "classCode", classCode, "subject", customerId));
	}

}
