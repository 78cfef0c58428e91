package com.taggraph.folksonomy;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeKind;
import com.taggraph.customer.AssignmentSource;
import com.taggraph.customer.Customer;
import com.taggraph.customer.CustomerService;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TaxonomyService;
import com.taggraph.text.NormalizedText;

/** Free tags on customers: putting them on and taking them off, and listing how they are used. */
@Service
public class FreeTagService {

	static final int MAX_LIST = 1000;

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

	/** What {@link #add} did: the free tag put on, or the controlled tag its text resolves to. */
	public record Applied(Customer customer, FreeTag freeTag, Tag assignedTag) {
	}

	/**
	 * Puts the free tag on the customer, or, when its text was promoted or merged, the controlled tag
	 * (source FOLKSONOMY, under the exclusive-class rule like any assignment).
	 */
	@Transactional
	public Applied add(String customerId, String text, String by) {
		String typed = FreeTagText.require("text", text);
		requireCustomer(customerId);
		String normalized = NormalizedText.normalize(typed);
		String tagCode = repository.lockForTagging(normalized, typed);
		if (tagCode == null) {
			var change = audit.change(ChangeKind.CUSTOMER, customerId);
			repository.add(customerId, typed, normalized, by);
			change.record("ADD_FREE_TAG");
			return new Applied(customers.customer(customerId), repository.find(normalized).orElseThrow(), null);
		}
		Customer customer = customers.assignTags(customerId, List.of(tagCode), false, AssignmentSource.FOLKSONOMY, by);
		return new Applied(customer, null, taxonomy.tag(tagCode));
	}

	/** Takes the free tag, in any spelling, off the customer; one it does not carry is ignored. */
	@Transactional
	public Customer remove(String customerId, String text) {
		String typed = FreeTagText.require("text", text);
		requireCustomer(customerId);
		var change = audit.change(ChangeKind.CUSTOMER, customerId);
		repository.remove(customerId, NormalizedText.normalize(typed));
		change.record("REMOVE_FREE_TAG");
		return customers.customer(customerId);
	}

	@Transactional(readOnly = true)
	public List<FreeTag> list(FreeTagOrder order, Integer first, boolean includeResolved) {
		int limit = first == null ? 100 : first;
		if (limit < 1 || limit > MAX_LIST) {
			throw DomainException.invalid("first", "must be between 1 and %d, was %d".formatted(MAX_LIST, limit));
		}
		return repository.list(order == null ? FreeTagOrder.USAGE : order, limit, includeResolved);
	}

	/** The free tag any spelling of the text belongs to, or null when nobody used it. */
	@Transactional(readOnly = true)
	public FreeTag find(String text) {
		return repository.find(NormalizedText.normalize(FreeTagText.require("text", text))).orElse(null);
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
