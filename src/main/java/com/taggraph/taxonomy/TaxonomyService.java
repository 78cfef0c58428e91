package com.taggraph.taxonomy;

import static com.taggraph.error.InputRules.MAX_CODE;
import static com.taggraph.error.InputRules.MAX_NAME;
import static com.taggraph.error.InputRules.MAX_TEXT;
import static com.taggraph.error.InputRules.codeProblem;
import static com.taggraph.error.InputRules.count;
import static com.taggraph.error.InputRules.nameProblem;
import static com.taggraph.error.InputRules.requireCode;
import static com.taggraph.error.InputRules.requireEmpty;
import static com.taggraph.error.InputRules.requireFreeCode;
import static com.taggraph.error.InputRules.requireName;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeKind;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.error.InputRules.Held;
import com.taggraph.importing.ImportOutcome;
import com.taggraph.importing.ImportProblem;
import com.taggraph.lifecycle.ChangeGate;
import com.taggraph.lifecycle.ItemKind;
import com.taggraph.lifecycle.LifecycleStatus;
import com.taggraph.security.Visibility;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.text.NormalizedText;
import com.taggraph.graph.GraphModel;
import com.taggraph.graph.Keyset;

/**
 * The hierarchy's rules and transaction boundaries. Every write validates first and
 * throws before it writes; anything thrown later rolls the whole transaction back, so a
 * refused request changes nothing. The rule report's structural checks are kept here at
 * write time: a cycle (CYCLE), a division without a criterion and an exhaustive class
 * without tags (STRUCTURAL_RULE); orphans cannot arise, since a tag needs a class and
 * only an empty class is deleted.
 */
@Service
public class TaxonomyService {

	private static final String DIVISION_WITHOUT_CRITERION = "DIVISION_WITHOUT_CRITERION";

	private static final String EXHAUSTIVE_CLASS_EMPTY = "EXHAUSTIVE_CLASS_EMPTY";

	/** Codes are identifiers users type and export: no spaces or control characters. */
	static final int MAX_SEARCH = 200;

	/**
	 * The keys of a search's keyset: the rank (exact code, code prefix, the rest), then
	 * the tag code.
	 */
	private static final Set<String> SEARCH_KEYS = Set.of("tag", "rank");

	private final TaxonomyRepository repository;

	private final TaxonomyWriter writer;

	private final AuditTrail audit;

	private final ChangeGate gate;

	TaxonomyService(TaxonomyRepository repository, AuditTrail audit, ChangeGate gate) {
		this.repository = repository;
		this.writer = new TaxonomyWriter(repository);
		this.audit = audit;
		this.gate = gate;
	}

	// ---- reads
	// --------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public TagClass tagClass(String code) {
		return repository.findClass(code).orElse(null);
	}

	@Transactional(readOnly = true)
	public List<TagClass> rootClasses() {
		return repository.rootClasses();
	}

	/**
	 * A tag as the app sees it (every tag), for writers: stewards and above see every
	 * tag.
	 */
	@Transactional(readOnly = true)
	public Tag tag(String code) {
		return tag(code, Visibility.ALL);
	}

	/** A tag the caller may see, else null as for an unknown code. */
	@Transactional(readOnly = true)
	public Tag tag(String code, Visibility visibility) {
		return repository.findTag(code, visibility.hidden()).orElse(null);
	}

	/** The tags with the given codes, by code; unknown codes are left out. */
	@Transactional(readOnly = true)
	public Map<String, Tag> tagsByCode(Collection<String> codes) {
		return tagsByCode(codes, Visibility.ALL);
	}

	/**
	 * The tags with the given codes the caller may see, by code; unknown and hidden codes
	 * are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, Tag> tagsByCode(Collection<String> codes, Visibility visibility) {
		return repository.findTags(codes, visibility.hidden());
	}

	@Transactional(readOnly = true)
	public List<Tag> searchTags(String text, Integer first) {
		return searchTags(text, first, null, Visibility.ALL);
	}

	/**
	 * As {@link #searchTags(String, Integer)}, only tags with one of the statuses (null
	 * or empty: any) the caller may see.
	 */
	@Transactional(readOnly = true)
	public List<Tag> searchTags(String text, Integer first, List<String> statuses, Visibility visibility) {
		return searchTags(text, statuses, null, first, visibility).getContent();
	}

	/**
	 * One page of a search, after the position: the code searched for first, then codes
	 * starting with it, then the rest, each by code.
	 */
	@Transactional(readOnly = true)
	public Window<Tag> searchTags(String text, List<String> statuses, ScrollPosition after, Integer first,
			Visibility visibility) {
		int size = Keyset.size(first, 20, MAX_SEARCH);
		String trimmed = searchText(text);
		Map<String, Object> keys = Keyset.afterKeys(after, SEARCH_KEYS);
		Integer afterRank = keys.isEmpty() ? null : rankOf(keys.get("rank"));
		String afterCode = keys.isEmpty() ? null : String.valueOf(keys.get("tag"));
		List<Tag> found = repository.searchTags(trimmed, NormalizedText.normalize(trimmed), statusList(statuses),
				afterRank, afterCode, size + 1, visibility.hidden());
		return Keyset.windowByKeys(found, size,
				t -> Map.of("tag", t.code(), "rank", TaxonomyRepository.searchRank(trimmed, t.code())));
	}

	/** How many tags a search finds. */
	@Transactional(readOnly = true)
	public int countSearchTags(String text, List<String> statuses, Visibility visibility) {
		String trimmed = searchText(text);
		return repository.countSearchTags(trimmed, NormalizedText.normalize(trimmed), statusList(statuses),
				visibility.hidden());
	}

	private static String searchText(String text) {
		String trimmed = text == null ? "" : text.strip();
		if (trimmed.isEmpty()) {
			throw DomainException.invalid("text", "must not be blank");
		}
		return trimmed;
	}

	private static List<String> statusList(List<String> statuses) {
		return statuses == null || statuses.isEmpty() ? null : List.copyOf(statuses);
	}

	private static Integer rankOf(Object rank) {
		if (rank instanceof Number number && number.intValue() >= 0 && number.intValue() <= 2) {
			return number.intValue();
		}
		throw DomainException.invalid("after", "not a cursor of this list");
	}

	@Transactional(readOnly = true)
	public Map<String, TagClass> classesByCode(Collection<String> codes) {
		return repository.findClasses(Set.copyOf(codes))
			.stream()
			.collect(Collectors.toMap(TagClass::code, Function.identity()));
	}

	@Transactional(readOnly = true)
	public Map<String, List<TagClass>> narrower(Collection<String> codes) {
		return repository.narrower(Set.copyOf(codes));
	}

	@Transactional(readOnly = true)
	public Map<String, List<TagClass>> classArrays(Collection<String> codes) {
		return repository.classArrays(Set.copyOf(codes));
	}

	@Transactional(readOnly = true)
	public Map<String, List<TagClass>> classChains(Collection<String> codes) {
		return repository.classChains(Set.copyOf(codes));
	}

	/** One query per distinct maxDepth among the keys. */
	@Transactional(readOnly = true)
	public Map<DescendantsKey, List<TagClass>> descendants(Set<DescendantsKey> keys) {
		Map<DescendantsKey, List<TagClass>> result = new LinkedHashMap<>();
		keys.stream()
			.collect(Collectors.groupingBy(k -> java.util.Optional.ofNullable(k.maxDepth())))
			.forEach((depth, group) -> {
				Integer maxDepth = depth.orElse(null);
				if (maxDepth != null && maxDepth < 1) {
					throw DomainException.invalid("maxDepth", "must be at least 1, was " + maxDepth);
				}
				var found = repository.descendants(group.stream().map(DescendantsKey::classCode).toList(), maxDepth);
				group.forEach(k -> result.put(k, found.getOrDefault(k.classCode(), List.of())));
			});
		return result;
	}

	/** At most two queries: one with descendants, one without. */
	@Transactional(readOnly = true)
	public Map<ClassTagsKey, List<Tag>> tagsOfClasses(Set<ClassTagsKey> keys, Visibility visibility) {
		Map<ClassTagsKey, List<Tag>> result = new LinkedHashMap<>();
		keys.stream().collect(Collectors.partitioningBy(ClassTagsKey::includeDescendants)).forEach((deep, group) -> {
			if (group.isEmpty()) {
				return;
			}
			var found = repository.tagsOfClasses(group.stream().map(ClassTagsKey::classCode).toList(), deep,
					visibility.hidden());
			group.forEach(k -> result.put(k, found.getOrDefault(k.classCode(), List.of())));
		});
		return result;
	}

	// ---- class writes
	// -------------------------------------------------------------------------

	@Transactional
	public TagClass createTagClass(TagClassInput in) {
		requireCode("code", in.code());
		requireName("name", in.name());
		optionalText("criterion", in.criterion(), MAX_TEXT);
		optionalText("scope", in.scope(), MAX_CODE);
		optionalText("overlapReason", in.overlapReason(), MAX_TEXT);
		if (in.parentCode() != null) {
			requireCode("parentCode", in.parentCode());
		}
		repository.lockTaxonomy();
		requireFreeCode(in.code(), repository.codeTakenBy(in.code()));
		if (in.parentCode() != null && !repository.classExists(in.parentCode())) {
			throw new DomainException(ErrorCode.NOT_FOUND,
					"unknown parent class '%s' of new class '%s'".formatted(in.parentCode(), in.code()),
					Map.of("field", "parentCode", "subject", in.parentCode()));
		}
		if (in.parentCode() != null) {
			requireCriterionToDivide(in.parentCode(), "parentCode");
		}
		if (Boolean.TRUE.equals(in.exhaustive())) {
			throw structural(EXHAUSTIVE_CLASS_EMPTY, in.code(), "exhaustive",
					"new class '%s' holds no tag yet, so it cannot be exhaustive: create it, add its tags, then mark it exhaustive"
						.formatted(in.code()));
		}
		audit.recorded(ChangeKind.TAG_CLASS, in.code(), "CREATE", () -> repository.createClass(in));
		return repository.findClass(in.code()).orElseThrow();
	}

	@Transactional
	public TagClass updateTagClass(String code, TagClassChanges changes) {
		if (changes.name() != null) {
			requireName("name", changes.name());
		}
		optionalText("criterion", changes.criterion(), MAX_TEXT);
		optionalText("scope", changes.scope(), MAX_CODE);
		optionalText("overlapReason", changes.overlapReason(), MAX_TEXT);
		requireClass(code);
		if (changes.criterion() != null && changes.criterion().isBlank()
				&& repository.classContents(code).classes() > 0) {
			throw structural(DIVISION_WITHOUT_CRITERION, code, "criterion",
					"class '%s' has lower classes, so its criterion cannot be emptied".formatted(code));
		}
		if (Boolean.TRUE.equals(changes.exhaustive()) && !repository.holdsTags(code)) {
			throw structural(EXHAUSTIVE_CLASS_EMPTY, code, "exhaustive",
					"class '%s' holds no tag at or below it, so it cannot be exhaustive".formatted(code));
		}
		Map<String, Object> given = ChangeGate.given("name", changes.name(), "criterion", changes.criterion(),
				"exclusive", changes.exclusive(), "exhaustive", changes.exhaustive(), "scope", changes.scope(),
				"overlapReason", changes.overlapReason());
		gate.write(TaxonomyReview.UPDATE_CLASS, code, given, changes, () -> repository.updateClass(code, changes));
		return repository.findClass(code).orElseThrow();
	}

	/**
	 * Moves a class (with everything below it) under a new upper class, or to the root if
	 * null.
	 */
	@Transactional
	public TagClass moveTagClass(String code, String newParentCode) {
		repository.lockTaxonomy();
		requireClass(code);
		if (newParentCode != null) {
			if (!repository.classExists(newParentCode)) {
				throw new DomainException(ErrorCode.NOT_FOUND, "unknown parent class '%s'".formatted(newParentCode),
						Map.of("field", "newParentCode", "subject", newParentCode));
			}
			if (repository.isSelfOrDescendant(newParentCode, code)) {
				throw new DomainException(ErrorCode.CYCLE,
						"moving class '%s' under '%s' would make a cycle: '%s' is %s".formatted(code, newParentCode,
								newParentCode,
								newParentCode.equals(code) ? "the class itself" : "below '" + code + "'"),
						Map.of("field", "newParentCode", "subject", code));
			}
			requireCriterionToDivide(newParentCode, "newParentCode");
		}
		List<String> emptied = repository.exhaustiveClassesEmptiedByMovingClass(code, newParentCode);
		if (!emptied.isEmpty()) {
			throw emptiedExhaustive(emptied, "moving class '%s' away".formatted(code));
		}
		gate.write(TaxonomyReview.MOVE_CLASS, code, ChangeGate.values("parent", newParentCode),
				new TaxonomyReview.ClassMove(newParentCode), () -> repository.moveClass(code, newParentCode));
		return repository.findClass(code).orElseThrow();
	}

	@Transactional
	public String deleteTagClass(String code) {
		repository.lockTaxonomy();
		requireClass(code);
		TaxonomyRepository.ClassContents contents = repository.classContents(code);
		requireEmpty("class", code, new Held("classes", contents.classes(), "lower class", "lower classes"),
				new Held("tags", contents.tags(), "tag", "tags"), "move or delete them first");
		gate.delete(TaxonomyReview.DELETE_CLASS, code, () -> repository.delete(GraphModel.TAG_CLASS, code));
		return code;
	}

	// ---- tag writes
	// ---------------------------------------------------------------------------

	@Transactional
	public Tag createTag(TagInput in) {
		requireCode("code", in.code());
		requireName("name", in.name());
		requireCode("classCode", in.classCode());
		optionalText("rule", in.rule(), MAX_TEXT);
		repository.lockTaxonomy();
		requireFreeCode(in.code(), repository.codeTakenBy(in.code()));
		if (!repository.classExists(in.classCode())) {
			throw new DomainException(ErrorCode.NOT_FOUND,
					"unknown class '%s' for new tag '%s'".formatted(in.classCode(), in.code()),
					Map.of("field", "classCode", "subject", in.classCode()));
		}
		audit.recorded(ChangeKind.TAG, in.code(), "CREATE", () -> repository.createTag(in));
		return repository.findTag(in.code(), List.of()).orElseThrow();
	}

	@Transactional
	public Tag updateTag(String code, TagChanges changes) {
		if (changes.name() != null) {
			requireName("name", changes.name());
		}
		optionalText("rule", changes.rule(), MAX_TEXT);
		requireTag(code);
		Map<String, Object> given = ChangeGate.given("name", changes.name(), "rule", changes.rule());
		gate.write(TaxonomyReview.UPDATE_TAG, code, given, changes, () -> repository.updateTag(code, changes));
		return repository.findTag(code, List.of()).orElseThrow();
	}

	@Transactional
	public Tag moveTag(String code, String classCode) {
		requireTag(code);
		if (!repository.classExists(classCode)) {
			throw new DomainException(ErrorCode.NOT_FOUND, "unknown class '%s'".formatted(classCode),
					Map.of("field", "classCode", "subject", classCode));
		}
		List<String> emptied = repository.exhaustiveClassesEmptiedByRemovingTag(code, classCode);
		if (!emptied.isEmpty()) {
			throw emptiedExhaustive(emptied, "moving tag '%s' away".formatted(code));
		}
		gate.write(TaxonomyReview.MOVE_TAG, code, ChangeGate.values("tagClass", classCode),
				new TaxonomyReview.TagMove(classCode), () -> repository.moveTag(code, classCode));
		return repository.findTag(code, List.of()).orElseThrow();
	}

	@Transactional
	public String deleteTag(String code) {
		requireTag(code);
		TaxonomyRepository.TagDependents dependents = repository.tagDependents(code);
		List<String> derived = dependents.derivedTags();
		long customers = dependents.customers();
		if (!derived.isEmpty() || customers > 0) {
			throw new DomainException(ErrorCode.NOT_EMPTY,
					"tag '%s' is still used: %s derive from it %s and %s carry it".formatted(code,
							count(derived.size(), "tag", "tags"), derived, count(customers, "customer", "customers")),
					Map.of("subject", code, "derivedTags", derived, "customers", customers));
		}
		if (!dependents.constraints().isEmpty()) {
			throw new DomainException(ErrorCode.NOT_EMPTY,
					"tag '%s' is still named by %s %s; delete them first".formatted(code,
							count(dependents.constraints().size(), "constraint", "constraints"),
							dependents.constraints()),
					Map.of("subject", code, "constraints", dependents.constraints()));
		}
		List<String> emptied = repository.exhaustiveClassesEmptiedByRemovingTag(code, null);
		if (!emptied.isEmpty()) {
			throw emptiedExhaustive(emptied, "deleting tag '%s'".formatted(code));
		}
		gate.delete(TaxonomyReview.DELETE_TAG, code, () -> repository.delete(GraphModel.TAG, code));
		return code;
	}

	// ---- class-scheme import
	// ------------------------------------------------------------------

	/**
	 * Imports a whole class scheme in one transaction: all rows are checked (against each
	 * other and the graph) before the first write, and any problem, including
	 * {@code parseProblems} found while reading the file, means nothing is written.
	 */
	@Transactional
	public ImportOutcome importScheme(List<ClassRow> rows, List<ImportProblem> parseProblems, boolean dryRun) {
		return importScheme(rows, parseProblems, dryRun, false);
	}

	/**
	 * As {@link #importScheme(List, List, boolean)}. New classes land as DRAFT, and rows
	 * that would change a class that is not a DRAFT are refused (one problem each):
	 * approved classes change through review. With {@code approved} (an admin's
	 * {@code status=APPROVED}) every written class is APPROVED, new or changed.
	 */
	@Transactional
	public ImportOutcome importScheme(List<ClassRow> rows, List<ImportProblem> parseProblems, boolean dryRun,
			boolean approved) {
		long started = System.nanoTime();
		List<ImportProblem> problems = new ArrayList<>(parseProblems);
		for (ClassRow row : rows) {
			checkRow(row, problems);
		}
		if (!dryRun) {
			repository.lockTaxonomy();
		}
		ClassScheme scheme = new ClassScheme(rows, repository.allClassRows(),
				repository.tagCodesAmong(rows.stream().map(ClassRow::code).toList()));
		problems.addAll(scheme.validate());
		// what GraphQL writes refuse with STRUCTURAL_RULE, an import may not bring in
		// either
		problems.addAll(scheme.structuralProblems(repository.classesHoldingTags()));
		if (problems.isEmpty() && !approved) {
			problems.addAll(changesToGovernedClasses(scheme.changes().updated()));
		}
		if (!problems.isEmpty()) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			problems.sort(java.util.Comparator.comparingLong(ImportProblem::lineOrZero));
			return ImportOutcome.refused(dryRun, rows.size(), problems, problems.size(), millisSince(started));
		}
		ClassScheme.Changes changes = scheme.changes();
		String eventId = null;
		if (!dryRun) {
			String status = approved ? LifecycleStatus.APPROVED.name() : null;
			List<TaxonomyWriter.ClassRecord> writes = new ArrayList<>();
			changes.created().forEach(r -> writes.add(toRecord(r, status)));
			changes.updated().forEach(r -> writes.add(toRecord(r, status)));
			writer.writeClasses(writes, TaxonomyWriter.Absent.KEEP);
			// one event for the whole scheme, not one per row
			eventId = audit.recordImport("scheme-" + java.util.UUID.randomUUID(), Map.of("rows", rows.size(), "created",
					changes.created().size(), "updated", changes.updated().size(), "unchanged", changes.unchanged()));
		}
		return ImportOutcome.written(dryRun, new ImportOutcome.Counts(rows.size(), changes.created().size(),
				changes.updated().size(), changes.unchanged()), eventId, millisSince(started));
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	private void checkRow(ClassRow row, List<ImportProblem> problems) {
		check(row, "code", row.code(), true, MAX_CODE, problems);
		check(row, "name", row.name(), false, MAX_NAME, problems);
		if (row.parent() != null) {
			check(row, "parent", row.parent(), true, MAX_CODE, problems);
		}
		if (row.criterion() != null && row.criterion().length() > MAX_TEXT) {
			problems.add(ImportProblem.at(row.line(), row.code(), "criterion", "INVALID_VALUE",
					"longer than %d characters".formatted(MAX_TEXT)));
		}
	}

	private static void check(ClassRow row, String field, String value, boolean isCode, int max,
			List<ImportProblem> problems) {
		String problem = isCode ? codeProblem(value) : nameProblem(value, max);
		if (problem != null) {
			problems.add(ImportProblem.at(row.line(), row.code(), field, "INVALID_VALUE", problem));
		}
	}

	/** A problem for each row that would change a class in review or in force. */
	private List<ImportProblem> changesToGovernedClasses(List<ClassRow> updated) {
		Map<String, LifecycleStatus> statuses = gate.statuses(ItemKind.TAG_CLASS,
				updated.stream().map(ClassRow::code).toList());
		return updated.stream()
			.filter(row -> statuses.get(row.code()) != null && statuses.get(row.code()) != LifecycleStatus.DRAFT)
			.map(row -> ImportProblem.at(row.line(), row.code(), "status", "NOT_DRAFT",
					("class '%s' is %s: an import changes only drafts; propose the change through GraphQL for review, "
							+ "or have an admin import with status=APPROVED")
						.formatted(row.code(), statuses.get(row.code()))))
			.toList();
	}

	private static TaxonomyWriter.ClassRecord toRecord(ClassRow row, String status) {
		return new TaxonomyWriter.ClassRecord(row.code(), row.parent(), row.name(), row.criterion(), row.exclusive(),
				row.exhaustive(), null, status, null);
	}

	// ---- validation
	// ---------------------------------------------------------------------------

	private void requireClass(String code) {
		if (code == null || !repository.classExists(code)) {
			throw DomainException.notFound("class", code);
		}
	}

	private void requireTag(String code) {
		if (code == null || repository.findTag(code, List.of()).isEmpty()) {
			throw DomainException.notFound("tag", code);
		}
	}

	/**
	 * One criterion per division (划分标准): a class gets lower classes only once it says how
	 * they are divided.
	 */
	private void requireCriterionToDivide(String parentCode, String field) {
		TagClass parent = repository.findClass(parentCode).orElseThrow();
		if (parent.criterion() == null || parent.criterion().isBlank()) {
			throw structural(DIVISION_WITHOUT_CRITERION, parentCode, field,
					"class '%s' has no criterion (划分标准): give it the criterion its lower classes are divided by first"
						.formatted(parentCode));
		}
	}

	private static DomainException emptiedExhaustive(List<String> classes, String change) {
		return structural(EXHAUSTIVE_CLASS_EMPTY, classes.get(0), "code",
				"%s would leave exhaustive class%s %s with no tag".formatted(change, classes.size() == 1 ? "" : "es",
						String.join(", ", classes.stream().map(c -> "'" + c + "'").toList())));
	}

	/**
	 * Named like the rule report's check, so a client can tell which rule a refusal
	 * protects.
	 */
	private static DomainException structural(String rule, String subject, String field, String message) {
		return new DomainException(ErrorCode.STRUCTURAL_RULE, message,
				Map.of("rule", rule, "subject", subject, "field", field));
	}

	private static void optionalText(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw DomainException.invalid(field, "longer than %d characters".formatted(max));
		}
	}

}
