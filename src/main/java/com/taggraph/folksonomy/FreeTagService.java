package com.taggraph.folksonomy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeKind;
import com.taggraph.customer.AssignmentSource;
import com.taggraph.customer.Customer;
import com.taggraph.customer.CustomerService;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.graph.Keyset;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TaxonomyService;
import com.taggraph.text.NormalizedText;

/**
 * Free tags on customers: putting them on and taking them off, and listing how they are
 * used.
 */
@Service
public class FreeTagService {

	static final int MAX_LIST = 1000;

	/** The keys of the free tags' keyset: the order's rank, then the normalised text. */
	private static final String KEY = "freeTag";

	private static final String RANK = "rank";

	private final FreeTagRepository repository;

	private final CustomerService customers;

	private final TaxonomyService taxonomy;

	private final AuditTrail audit;

	FreeTagService(FreeTagRepository repository, CustomerService customers, TaxonomyService taxonomy,
			AuditTrail audit) {
		this.repository = repository;
		this.audit = audit;
		this.customers = customers;
		this.taxonomy = taxonomy;
	}

	/**
	 * What {@link #add} did: the free tag put on, or the controlled tag its text resolves
	 * to.
	 */
	public record Applied(Customer customer, FreeTag freeTag, Tag assignedTag) {
	}

	/**
	 * Puts the free tag on the customer, or, when its text was promoted or merged, the
	 * controlled tag (source FOLKSONOMY, under the exclusive-class rule like any
	 * assignment).
	 */
	@Transactional
	public Applied add(String customerId, String text, String by) {
		String typed = FreeTagText.require("text", text);
		requireCustomer(customerId);
		String normalized = NormalizedText.normalize(typed);
		String tagCode = repository.lockForTagging(normalized, typed);
		if (tagCode == null) {
			audit.recorded(ChangeKind.CUSTOMER, customerId, "ADD_FREE_TAG",
					() -> repository.add(customerId, typed, normalized, by));
			return new Applied(customers.customer(customerId), repository.find(normalized).orElseThrow(), null);
		}
		Customer customer = customers.assignTags(customerId, List.of(tagCode), false, AssignmentSource.FOLKSONOMY, by);
		return new Applied(customer, null, taxonomy.tag(tagCode));
	}

	/**
	 * Takes the free tag, in any spelling, off the customer; one it does not carry is
	 * ignored.
	 */
	@Transactional
	public Customer remove(String customerId, String text) {
		String typed = FreeTagText.require("text", text);
		requireCustomer(customerId);
		audit.recorded(ChangeKind.CUSTOMER, customerId, "REMOVE_FREE_TAG",
				() -> repository.remove(customerId, NormalizedText.normalize(typed)));
		return customers.customer(customerId);
	}

	@Transactional(readOnly = true)
	public List<FreeTag> list(FreeTagOrder order, Integer first, boolean includeResolved) {
		return list(order, includeResolved, null, first).getContent();
	}

	/**
	 * One page of free tags in the order, behind the position; at most {@value #MAX_LIST}
	 * a page.
	 */
	@Transactional(readOnly = true)
	public Window<FreeTag> list(FreeTagOrder order, boolean includeResolved, ScrollPosition after, Integer first) {
		int size = Keyset.size(first, 100, MAX_LIST);
		FreeTagOrder in = order == null ? FreeTagOrder.USAGE : order;
		Map<String, Object> keys = Keyset.afterKeys(after, Set.of(KEY, RANK));
		Object afterRank = keys.get(RANK);
		if (!keys.isEmpty() && !(keys.get(KEY) instanceof String
				&& (afterRank == null || afterRank instanceof Number || afterRank instanceof String))) {
			throw DomainException.invalid("after", "not a cursor of this list");
		}
		List<FreeTag> found = repository.list(in, size + 1, includeResolved, afterRank, (String) keys.get(KEY));
		return Keyset.windowByKeys(found, size, f -> {
			Map<String, Object> position = new HashMap<>();
			position.put(KEY, f.normalized());
			position.put(RANK, in.rankOf.apply(f));
			return position;
		});
	}

	/** How many free tags the list holds. */
	@Transactional(readOnly = true)
	public int count(boolean includeResolved) {
		return repository.count(includeResolved);
	}

	/** The free tag any spelling of the text belongs to, or null when nobody used it. */
	@Transactional(readOnly = true)
	public FreeTag find(String text) {
		return repository.find(NormalizedText.normalize(FreeTagText.require("text", text))).orElse(null);
	}

	/** The free tags on each customer, ordered by normalised text. */
	@Transactional(readOnly = true)
	public Map<String, List<CustomerFreeTag>> onCustomers(Collection<String> customerIds) {
		return repository.onCustomers(customerIds);
	}

	/** The free tags of the normalised texts, by normalised text. */
	@Transactional(readOnly = true)
	public Map<String, FreeTag> byNormalized(Collection<String> normalized) {
		Map<String, FreeTag> found = new HashMap<>();
		repository.find(normalized).forEach(f -> found.put(f.normalized(), f));
		return found;
	}

	@Transactional(readOnly = true)
	public Map<String, List<String>> synonyms(List<String> tagCodes) {
		return repository.synonyms(tagCodes);
	}

	private void requireCustomer(String customerId) {
		if (customerId == null || customers.customer(customerId) == null) {
			throw new DomainException(ErrorCode.NOT_FOUND, "customer '%s' does not exist".formatted(customerId),
					Map.of("field", "customerId", "subject", String.valueOf(customerId)));
		}
	}

}
