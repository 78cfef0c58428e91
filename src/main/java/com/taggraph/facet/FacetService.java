package com.taggraph.facet;

import static com.taggraph.error.InputRules.count;
import static com.taggraph.error.InputRules.requireCode;
import static com.taggraph.error.InputRules.requireEmpty;
import static com.taggraph.error.InputRules.requireFreeCode;
import static com.taggraph.error.InputRules.requireName;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeKind;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.error.InputRules.Held;
import com.taggraph.graph.GraphModel;
import com.taggraph.graph.Keyset;
import com.taggraph.lifecycle.ChangeGate;
import com.taggraph.lifecycle.ItemKind;
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TaxonomyService;

/**
 * Facets (面), sub-facets (亚面) and their values, and the rules that hold at write time:
 * every facet has a criterion, a code names one facet or value, a tag has at most one
 * value per top-level facet, and a value that tags still have is not deleted.
 */
@Service
public class FacetService {

	private static final int MAX_CRITERION = 2000;
	static final int MAX_VALUES_PER_CALL = 100;
	static final int MAX_PAGE = 200;

	/** The key of the tags' keyset: their code. */
	private static final String KEY = "tag";

	private final FacetRepository repository;

	private final TaxonomyService taxonomy;

	private final AuditTrail audit;

	private final ChangeGate gate;

	FacetService(FacetRepository repository, TaxonomyService taxonomy, AuditTrail audit, ChangeGate gate) {
		this.repository = repository;
		this.taxonomy = taxonomy;
		this.audit = audit;
		this.gate = gate;
	}

	// ---- reads
	// --------------------------------------------------------------------------------

	public List<Facet> facets() {
		return repository.topFacets();
	}

	public Facet facet(String code) {
		return repository.findFacet(code).orElse(null);
	}

	public FacetValue facetValue(String code) {
		return repository.valuesByCode(List.of(code)).get(code);
	}

	public Map<String, Facet> facetsByCode(Collection<String> codes) {
		return repository.facetsByCode(codes);
	}

	public Map<String, List<Facet>> subFacets(Collection<String> codes) {
		return repository.subFacets(codes);
	}

	public Map<String, List<FacetValue>> values(Collection<String> facetCodes, boolean withSubFacets) {
		return repository.valuesOf(facetCodes, withSubFacets);
	}

	public Map<String, List<FacetValue>> valuesOfTags(Collection<String> tagCodes) {
		return repository.valuesOfTags(tagCodes);
	}

	public Map<String, List<Tag>> tagsWithValues(Collection<String> valueCodes, Visibility visibility) {
		return repository.tagsWithValues(valueCodes, visibility.hidden());
	}

	/**
	 * Per top-level facet, the tags with no value in it and those with several; read by
	 * the rule report too.
	 */
	@Transactional(readOnly = true)
	public List<FacetCoverage> coverage(Visibility visibility) {
		return repository.coverage(visibility.hidden());
	}

	/**
	 * Tags selected by facet values, class and name, one page after the position, with
	 * the disjunctive counts of every top-level facet's values. The library's tags are
	 * few (hundreds to thousands), so the combination is applied to one read of every
	 * candidate tag with its value codes.
	 */
	@Transactional(readOnly = true)
	TagSelection searchTags(TagFilter filter, ScrollPosition after, Integer first, Visibility visibility) {
		TagFilter where = filter == null ? TagFilter.ALL : filter;
		int size = Keyset.size(first, 20, MAX_PAGE);
		String afterCode = Keyset.after(after, KEY);
		if (where.facetValues().size() > MAX_VALUES_PER_CALL) {
			throw DomainException.invalid("where.facetValues",
					"at most %d values, got %d".formatted(MAX_VALUES_PER_CALL, where.facetValues().size()));
		}
		Map<String, FacetValue> values = requireValues(new LinkedHashSet<>(where.facetValues()), "where.facetValues");
		if (where.classCode() != null && taxonomy.tagClass(where.classCode()) == null) {
			throw new DomainException(ErrorCode.NOT_FOUND, "unknown class '%s'".formatted(where.classCode()),
					Map.of("field", "where.classCode", "subject", List.of(where.classCode())));
		}
		List<Facet> facets = repository.topFacets();
		Map<String, List<FacetValue>> valuesByFacet = repository.valuesOf(facets.stream().map(Facet::code).toList(),
				true);
		var candidates = repository.tagsWithTheirValues(where.classCode(), where.text(), where.status(),
				visibility.hidden());
		var combination = new FacetCombination(values.values());
		List<Tag> selected = combination.select(candidates);
		List<Tag> rest = afterCode == null ? selected
				: selected.stream().filter(t -> t.code().compareTo(afterCode) > 0).toList();
		return new TagSelection(Keyset.window(rest.subList(0, Math.min(size + 1, rest.size())), size, KEY, Tag::code),
				selected.size(), combination.counts(facets, valuesByFacet, candidates));
	}

	/**
	 * One page of a tag selection, the size of the whole selection, and its disjunctive
	 * facet counts.
	 */
	record TagSelection(Window<Tag> page, int totalCount, List<TagConnection.FacetCount> facetCounts) {
	}

	// ---- facet writes
	// -------------------------------------------------------------------------

	@Transactional
	public Facet createFacet(FacetInput in) {
		requireCode("code", in.code());
		requireName("name", in.name());
		requireCriterion(in.criterion());
		if (in.parentCode() != null) {
			requireCode("parentCode", in.parentCode());
		}
		repository.lockFacets();
		requireFreeCode(in.code(), repository.codeTakenBy(in.code()));
		if (in.parentCode() != null && repository.findFacet(in.parentCode()).isEmpty()) {
			throw new DomainException(ErrorCode.NOT_FOUND,
					"unknown facet '%s' for sub-facet '%s'".formatted(in.parentCode(), in.code()),
					Map.of("field", "parentCode", "subject", in.parentCode()));
		}
		audit.recorded(ChangeKind.FACET, in.code(), "CREATE", () -> repository.createFacet(in));
		return repository.findFacet(in.code()).orElseThrow();
	}

	@Transactional
	public Facet updateFacet(String code, FacetChanges changes) {
		if (changes.name() != null) {
			requireName("name", changes.name());
		}
		if (changes.criterion() != null) {
			requireCriterion(changes.criterion());
		}
		requireFacet(code);
		Map<String, Object> given = ChangeGate.given("name", changes.name(), "criterion", changes.criterion());
		gate.write(FacetReview.UPDATE_FACET, code, given, changes, () -> repository.updateFacet(code, changes));
		return repository.findFacet(code).orElseThrow();
	}

	@Transactional
	public String deleteFacet(String code) {
		repository.lockFacets();
		requireFacet(code);
		FacetRepository.FacetContents contents = repository.facetContents(code);
		requireEmpty("facet", code, new Held("subFacets", contents.subFacets(), "sub-facet", "sub-facets"),
				new Held("values", contents.values(), "value", "values"), "delete them first");
		gate.delete(FacetReview.DELETE_FACET, code, () -> repository.delete(GraphModel.FACET, code));
		return code;
	}

	// ---- value writes
	// -------------------------------------------------------------------------

	@Transactional
	public FacetValue createFacetValue(FacetValueInput in) {
		requireCode("code", in.code());
		requireName("name", in.name());
		requireCode("facetCode", in.facetCode());
		repository.lockFacets();
		requireFreeCode(in.code(), repository.codeTakenBy(in.code()));
		if (repository.findFacet(in.facetCode()).isEmpty()) {
			throw new DomainException(ErrorCode.NOT_FOUND,
					"unknown facet '%s' for value '%s'".formatted(in.facetCode(), in.code()),
					Map.of("field", "facetCode", "subject", in.facetCode()));
		}
		audit.recorded(ChangeKind.FACET_VALUE, in.code(), "CREATE", () -> repository.createValue(in));
		return facetValue(in.code());
	}

	@Transactional
	public FacetValue updateFacetValue(String code, FacetValueChanges changes) {
		if (changes.name() != null) {
			requireName("name", changes.name());
		}
		requireValue(code);
		audit.recorded(ChangeKind.FACET_VALUE, code, "UPDATE", () -> repository.updateValue(code, changes));
		return facetValue(code);
	}

	@Transactional
	public String deleteFacetValue(String code) {
		repository.lockFacets();
		requireValue(code);
		FacetRepository.ValueUsers users = repository.valueUsers(code);
		long tags = users.tags();
		List<String> classes = users.classes();
		if (tags > 0 || !classes.isEmpty()) {
			throw new DomainException(ErrorCode.NOT_EMPTY,
					"facet value '%s' is still used: %s have it%s%s".formatted(code, count(tags, "tag", "tags"),
							tags > 0 ? " " + users.sampleTags() : "",
							classes.isEmpty() ? "" : " and classes " + classes + " name it as their scope"),
					Map.of("subject", code, "tags", tags, "sampleTags", users.sampleTags(), "classes", classes));
		}
		audit.recorded(ChangeKind.FACET_VALUE, code, "DELETE", () -> repository.delete(GraphModel.FACET_VALUE, code));
		return code;
	}

	// ---- classifying tags
	// ---------------------------------------------------------------------

	/**
	 * Gives the tag the values. Each replaces the tag's value in the same top-level
	 * facet, so the tag keeps exactly one value per facet it is classified in.
	 */
	@Transactional
	public void classifyTag(String tagCode, List<String> valueCodes) {
		if (tagCode == null || tagCode.isBlank()) {
			throw DomainException.invalid("tagCode", "tag code is empty");
		}
		if (valueCodes == null || valueCodes.isEmpty()) {
			throw DomainException.invalid("facetValueCodes", "give at least one facet value code");
		}
		if (valueCodes.size() > MAX_VALUES_PER_CALL) {
			throw DomainException.invalid("facetValueCodes",
					"at most %d values per call, got %d".formatted(MAX_VALUES_PER_CALL, valueCodes.size()));
		}
		if (!repository.tagExists(tagCode)) {
			throw new DomainException(ErrorCode.NOT_FOUND, "unknown tag '%s'".formatted(tagCode),
					Map.of("field", "tagCode", "subject", tagCode));
		}
		Set<String> codes = new LinkedHashSet<>(valueCodes);
		Map<String, FacetValue> values = requireValues(codes, "facetValueCodes");
		Map<String, FacetValue> byTopFacet = new LinkedHashMap<>();
		for (FacetValue value : values.values()) {
			FacetValue other = byTopFacet.putIfAbsent(value.topFacetCode(), value);
			if (other != null) {
				throw new DomainException(ErrorCode.FACET_CONFLICT,
						"%s and %s are both values of facet %s, and a tag has one value per facet"
							.formatted(other.code(), value.code(), value.topFacetCode()),
						Map.of("field", "facetValueCodes", "subject", tagCode, "values",
								List.of(other.code(), value.code()), "facetCode", value.topFacetCode()));
			}
		}
		repository.lockTag(tagCode);
		gate.write(FacetReview.CLASSIFY_TAG, tagCode,
				Map.of("facetValues", valuesAfterClassifying(tagCode, byTopFacet.keySet(), codes)),
				new FacetReview.Classification(List.copyOf(codes)),
				() -> repository.classify(tagCode, byTopFacet.keySet(), codes));
	}

	/**
	 * The tag's value codes once classified: its values in other facets kept, the given
	 * ones added; sorted as its audit state.
	 */
	private List<String> valuesAfterClassifying(String tagCode, Set<String> topFacets, Set<String> codes) {
		java.util.TreeSet<String> after = new java.util.TreeSet<>(codes);
		repository.valuesOfTags(List.of(tagCode))
			.getOrDefault(tagCode, List.of())
			.stream()
			.filter(v -> !topFacets.contains(v.topFacetCode()))
			.forEach(v -> after.add(v.code()));
		return List.copyOf(after);
	}

	// ---- checks
	// -------------------------------------------------------------------------------

	private void requireFacet(String code) {
		if (code == null || repository.findFacet(code).isEmpty()) {
			throw DomainException.notFound("facet", String.valueOf(code));
		}
	}

	private void requireValue(String code) {
		if (code == null || repository.valuesByCode(List.of(code)).isEmpty()) {
			throw DomainException.notFound("facet value", String.valueOf(code));
		}
	}

	/** The values by code; NOT_FOUND on the field naming every unknown one. */
	private Map<String, FacetValue> requireValues(Set<String> codes, String field) {
		Map<String, FacetValue> values = repository.valuesByCode(codes);
		Set<String> unknown = new LinkedHashSet<>(codes);
		unknown.removeAll(values.keySet());
		if (!unknown.isEmpty()) {
			throw new DomainException(ErrorCode.NOT_FOUND,
					"unknown facet value%s %s".formatted(unknown.size() == 1 ? "" : "s", String.join(", ", unknown)),
					Map.of("field", field, "subject", List.copyOf(unknown)));
		}
		return values;
	}

	/** One criterion per facet (划分标准): a facet without one is not a facet. */
	private static void requireCriterion(String criterion) {
		if (criterion == null || criterion.isBlank()) {
			throw DomainException.invalid("criterion", "a facet divides by exactly one criterion; it is empty");
		}
		if (criterion.length() > MAX_CRITERION) {
			throw DomainException.invalid("criterion", "longer than %d characters".formatted(MAX_CRITERION));
		}
	}

}
