package com.taggraph.customer.segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.roaringbitmap.RoaringBitmap;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeKind;
import com.taggraph.customer.Customer;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.error.InputRules;
import com.taggraph.graph.Keyset;
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TagClass;
import com.taggraph.taxonomy.TaxonomyService;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Segments (客户群): customers selected by a tag combination, counted and paged on the
 * bitmap index; saved segment definitions; and the classification rules (exclusive,
 * exhaustive) checked on the data. Codes resolve against the class tree held with the
 * index (refreshed with it), so counts need no database round trip.
 */
@Service
public class SegmentService {

	static final int MAX_PAGE = 1000;
	static final int MAX_CODES = 500;
	static final int SAMPLE_SIZE = 20;

	/** The key of the customers' keyset: their id. */
	static final String KEY = "customer";

	private final SegmentRepository repository;

	private final SegmentIndex index;

	private final TaxonomyService taxonomy;

	private final JsonMapper json;

	private final AuditTrail audit;

	SegmentService(SegmentRepository repository, SegmentIndex index, TaxonomyService taxonomy, JsonMapper json,
			AuditTrail audit) {
		this.repository = repository;
		this.index = index;
		this.taxonomy = taxonomy;
		this.json = json;
		this.audit = audit;
	}

	// ---- segments
	// -----------------------------------------------------------------------------

	/**
	 * The customers matching the combination; unknown codes are refused with NOT_FOUND.
	 * Codes resolve against the class tree the index holds, so a count needs no database
	 * round trip; only codes new since the last build are looked up in the graph. A tag
	 * hidden from the caller is an unknown code, and classes and facet values stand for
	 * their visible tags only.
	 */
	public Segment segment(SegmentWhere where, Visibility visibility) {
		Set<String> codes = validate(where);
		IndexSnapshot snapshot = index.snapshot();
		Map<String, List<String>> resolved = resolve(codes, snapshot, visibility);
		Set<String> unknown = new LinkedHashSet<>(codes);
		unknown.removeAll(resolved.keySet());
		if (!unknown.isEmpty()) {
			throw unknownCodes(unknown);
		}
		return evaluate(where, resolved, snapshot);
	}

	/**
	 * The visible tags each code stands for; codes naming no tag, class or facet value,
	 * or a hidden tag, are left out.
	 */
	private Map<String, List<String>> resolve(Set<String> codes, IndexSnapshot snapshot, Visibility visibility) {
		Map<String, List<String>> resolved = resolve(codes, snapshot);
		if (visibility.seesEveryTag()) {
			return resolved;
		}
		Map<String, List<String>> visible = new LinkedHashMap<>();
		resolved.forEach((code, tags) -> {
			if (!visibility.hides(code)) {
				visible.put(code, visibility.visible(tags, tag -> tag));
			}
		});
		return visible;
	}

	private Map<String, List<String>> resolve(Set<String> codes, IndexSnapshot snapshot) {
		Map<String, List<String>> resolved = new LinkedHashMap<>();
		Set<String> unseen = new LinkedHashSet<>();
		for (String code : codes) {
			List<String> tags = snapshot.library().resolve(code);
			if (tags != null) {
				resolved.put(code, tags);
			}
			else {
				unseen.add(code);
			}
		}
		if (!unseen.isEmpty()) {
			// a facet value (read live: values are not held with the index), a tag or
			// class created
			// since the index was built, or a typo
			resolved.putAll(repository.resolve(unseen));
		}
		return resolved;
	}

	private static Segment evaluate(SegmentWhere where, Map<String, List<String>> resolved, IndexSnapshot snapshot) {
		List<RoaringBitmap> groups = new ArrayList<>();
		for (SegmentWhere.AnyOf group : where.allOf()) {
			groups.add(snapshot.union(tagsOf(group.anyOf(), resolved)));
		}
		// the smallest group first keeps every intermediate result small
		groups.sort(Comparator.comparingInt(RoaringBitmap::getCardinality));
		RoaringBitmap members = groups.isEmpty() ? snapshot.all().clone() : groups.get(0);
		for (int i = 1; i < groups.size() && !members.isEmpty(); i++) {
			members.and(groups.get(i));
		}
		if (!where.noneOf().isEmpty() && !members.isEmpty()) {
			members.andNot(snapshot.union(tagsOf(where.noneOf(), resolved)));
		}
		return new Segment(members, snapshot, Set.copyOf(tagsOf(List.copyOf(where.codes()), resolved)));
	}

	private static Set<String> tagsOf(List<String> codes, Map<String, List<String>> resolved) {
		Set<String> tags = new LinkedHashSet<>();
		codes.forEach(code -> tags.addAll(resolved.getOrDefault(code, List.of())));
		return tags;
	}

	/**
	 * One page of the segment's customer ids, in id order, after the customer the
	 * position names.
	 */
	public Window<String> customerPage(Segment segment, ScrollPosition after, Integer first) {
		int size = Keyset.size(first, 20, MAX_PAGE);
		List<String> ids = segment.index().idsAfter(segment.members(), Keyset.after(after, KEY), size + 1);
		return Keyset.window(ids, size, KEY, id -> id);
	}

	/** How the segment splits over the given tags, most frequent first. */
	public List<TagCount> distribution(Segment segment, List<Tag> tags) {
		int total = segment.count();
		IndexSnapshot snapshot = segment.index();
		return tags.stream().map(tag -> {
			RoaringBitmap carriers = snapshot.union(List.of(tag.code()));
			int count = RoaringBitmap.andCardinality(segment.members(), carriers);
			return new TagCount(tag, count, total == 0 ? 0 : (double) count / total);
		}).sorted(Comparator.comparingInt(TagCount::count).reversed().thenComparing(c -> c.tag().code())).toList();
	}

	/**
	 * The tags the caller may see in or below each class, for distributions; unknown
	 * classes are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<Tag>> tagsAtOrBelow(Collection<String> classCodes, Visibility visibility) {
		Map<String, List<Tag>> found = new LinkedHashMap<>();
		repository.tagsAtOrBelow(Set.copyOf(classCodes))
			.forEach((code, tags) -> found.put(code, visibility.visible(tags, Tag::code)));
		return found;
	}

	// ---- counts per tag and class
	// -------------------------------------------------------------

	public int tagCustomerCount(String tagCode) {
		return index.snapshot().tagCount(tagCode);
	}

	/**
	 * Distinct customers carrying at least one of the tags: a bitmap union, exact, no
	 * database round trip.
	 */
	public int customersWithAnyOf(Collection<String> tagCodes) {
		return index.snapshot().union(tagCodes).getCardinality();
	}

	/**
	 * From the class tree as of the index's last build: no database round trip. A caller
	 * who may not see every tag counts the carriers of the visible tags only.
	 */
	public int classCustomerCount(String classCode, Visibility visibility) {
		IndexSnapshot snapshot = index.snapshot();
		if (visibility.seesEveryTag()) {
			return snapshot.classCount(classCode);
		}
		List<String> tags = snapshot.library().resolve(classCode);
		return tags == null ? 0 : snapshot.union(visibility.visible(tags, tag -> tag)).getCardinality();
	}

	// ---- saved segments
	// -----------------------------------------------------------------------

	@Transactional
	public SavedSegment saveSegment(String name, SegmentWhere where) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > InputRules.MAX_NAME) {
			throw DomainException.invalid("name", trimmed.isEmpty() ? "must not be blank"
					: "longer than %d characters".formatted(InputRules.MAX_NAME));
		}
		Segment segment = segment(where, Visibility.ALL);
		if (repository.segmentExists(trimmed)) {
			throw new DomainException(ErrorCode.DUPLICATE_CODE,
					"a segment named '%s' already exists".formatted(trimmed),
					Map.of("field", "name", "subject", trimmed));
		}
		var change = audit.change(ChangeKind.SEGMENT, trimmed);
		String createdAt = repository.createSegment(trimmed, json.writeValueAsString(where));
		change.record("CREATE");
		return new SavedSegment(trimmed, where, createdAt, segment, List.of());
	}

	/**
	 * Every saved segment with its live members: one query however many there are. For a
	 * caller who may not see every tag, a hidden code in a definition is shown nowhere
	 * and matches no customer, as an unknown code.
	 */
	@Transactional(readOnly = true)
	public List<SavedSegment> savedSegments(Visibility visibility) {
		List<SegmentRepository.StoredSegment> rows = repository.segments();
		List<SegmentWhere> definitions = rows.stream().map(row -> parse(row.definition())).toList();
		Set<String> codes = new LinkedHashSet<>();
		definitions.forEach(d -> codes.addAll(d.codes()));
		IndexSnapshot snapshot = index.snapshot();
		Map<String, List<String>> resolved = resolve(codes, snapshot, visibility);
		List<SavedSegment> saved = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			SegmentWhere where = visibility.seesEveryTag() ? definitions.get(i)
					: withoutHidden(definitions.get(i), visibility);
			List<String> missing = where.codes().stream().filter(code -> !resolved.containsKey(code)).toList();
			saved.add(new SavedSegment(rows.get(i).name(), where, rows.get(i).createdAt(),
					evaluate(where, resolved, snapshot), missing));
		}
		return saved;
	}

	@Transactional
	public String deleteSegment(String name) {
		var change = name == null ? null : audit.change(ChangeKind.SEGMENT, name);
		if (name == null || !repository.deleteSegment(name)) {
			throw DomainException.notFound("segment", name);
		}
		change.record("DELETE");
		return name;
	}

	private SegmentWhere parse(String definition) {
		try {
			return json.readValue(definition, SegmentWhere.class);
		}
		catch (JacksonException ex) {
			// a definition edited by hand into something unreadable selects nobody rather
			// than failing the list
			return new SegmentWhere(List.of(new SegmentWhere.AnyOf(List.of())), List.of());
		}
	}

	// ---- the index
	// ----------------------------------------------------------------------------

	public SegmentIndexStatus refreshIndex() {
		return index.rebuild("requested").status(index.refreshInterval());
	}

	public SegmentIndexStatus indexStatus() {
		return index.snapshot().status(index.refreshInterval());
	}

	// ---- classification rules on the data
	// -----------------------------------------------------

	/**
	 * Customers breaking the exclusive and exhaustive rules of the class and every class
	 * below it (of every class when null), by class code; computed on the bitmaps against
	 * the current class tree. Every number follows from what the caller may see: an
	 * exclusive class is judged on its visible branches, and an exhaustive class whose
	 * tags or scope include a hidden tag is not judged for that caller.
	 */
	@Transactional(readOnly = true)
	public List<RuleViolation> ruleViolations(String classCode, Visibility visibility) {
		Library library = repository.library();
		if (classCode != null && !library.hasClass(classCode)) {
			throw DomainException.notFound("class", classCode);
		}
		IndexSnapshot snapshot = index.snapshot();
		List<String> codes = new ArrayList<>();
		if (classCode == null) {
			library.classes().forEach(c -> codes.add(c.code()));
		}
		else {
			codes.addAll(library.classAndBelow(classCode));
		}
		record Found(RuleViolation.Kind kind, String classCode, RoaringBitmap customers) {
		}
		List<Found> found = new ArrayList<>();
		for (String code : codes) {
			Library.ClassNode tagClass = library.tagClass(code);
			if (tagClass.exclusive()) {
				RoaringBitmap seen = new RoaringBitmap();
				RoaringBitmap inTwoOrMore = new RoaringBitmap();
				for (Library.Branch branch : library.branches(code)) {
					RoaringBitmap carriers = snapshot.union(visibility.visible(branch.tags(), tag -> tag));
					inTwoOrMore.or(RoaringBitmap.and(seen, carriers));
					seen.or(carriers);
				}
				if (!inTwoOrMore.isEmpty()) {
					found.add(new Found(RuleViolation.Kind.EXCLUSIVE, code, inTwoOrMore));
				}
			}
			List<String> scopeTags = tagClass.exhaustive() ? library.scopeTags(tagClass.scope()) : null;
			List<String> classTags = tagClass.exhaustive() ? library.tagsAtOrBelow(code) : List.of();
			if (tagClass.exhaustive() && judgeable(scopeTags, classTags, visibility)) {
				RoaringBitmap inScope = scopeTags == null ? snapshot.all().clone() : snapshot.union(scopeTags);
				inScope.andNot(snapshot.union(classTags));
				if (!inScope.isEmpty()) {
					found.add(new Found(RuleViolation.Kind.EXHAUSTIVE, code, inScope));
				}
			}
		}
		if (found.isEmpty()) {
			return List.of();
		}
		Map<String, TagClass> classes = taxonomy.classesByCode(found.stream().map(Found::classCode).toList());
		return found.stream().filter(f -> classes.containsKey(f.classCode())).map(f -> {
			int count = f.customers().getCardinality();
			TagClass tagClass = classes.get(f.classCode());
			String description = f.kind() == RuleViolation.Kind.EXCLUSIVE
					? "%d customer%s carry tags from two or more branches of exclusive class %s %s".formatted(count,
							count == 1 ? "" : "s", tagClass.code(), tagClass.name())
					: "%d customer%s in scope %s carry no tag of exhaustive class %s %s".formatted(count,
							count == 1 ? "" : "s", tagClass.scope() == null ? "(all customers)" : tagClass.scope(),
							tagClass.code(), tagClass.name());
			return new RuleViolation(f.kind(), tagClass, count, snapshot.idsAfter(f.customers(), null, SAMPLE_SIZE),
					description);
		}).toList();
	}

	/**
	 * Whether the caller may see every tag an exhaustive check reads: one they may not
	 * see would either be counted (revealing its carriers) or treated as absent
	 * (reporting its carriers as breaking the rule).
	 */
	private static boolean judgeable(List<String> scopeTags, List<String> classTags, Visibility visibility) {
		return visibility.seesEveryTag() || (classTags.stream().noneMatch(visibility::hides)
				&& (scopeTags == null || scopeTags.stream().noneMatch(visibility::hides)));
	}

	/**
	 * The definition without the codes hidden from the caller; a group left empty matches
	 * nobody.
	 */
	private static SegmentWhere withoutHidden(SegmentWhere where, Visibility visibility) {
		return new SegmentWhere(where.allOf()
			.stream()
			.map(group -> new SegmentWhere.AnyOf(visibility.visible(group.anyOf(), c -> c)))
			.toList(), visibility.visible(where.noneOf(), c -> c));
	}

	// ---- validation and cursors
	// ---------------------------------------------------------------

	private static Set<String> validate(SegmentWhere where) {
		if (where == null) {
			throw DomainException.invalid("where", "give a combination");
		}
		for (int i = 0; i < where.allOf().size(); i++) {
			if (where.allOf().get(i).anyOf().isEmpty()) {
				throw DomainException.invalid("where.allOf",
						"group %d names no code: give at least one in anyOf".formatted(i + 1));
			}
		}
		Set<String> codes = where.codes();
		if (codes.size() > MAX_CODES) {
			throw DomainException.invalid("where",
					"at most %d distinct codes, got %d".formatted(MAX_CODES, codes.size()));
		}
		return codes;
	}

	private static DomainException unknownCodes(Set<String> unknown) {
		return new DomainException(ErrorCode.NOT_FOUND,
				"unknown tag, class or facet value code%s %s".formatted(unknown.size() == 1 ? "" : "s",
						String.join(", ", unknown.stream().map(c -> "'" + c + "'").toList())),
				Map.of("field", "where", "subject", List.copyOf(unknown)));
	}

}
