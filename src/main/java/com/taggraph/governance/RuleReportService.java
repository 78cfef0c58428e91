package com.taggraph.governance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.compute.ComputeProperties;
import com.taggraph.customer.segment.RuleViolation;
import com.taggraph.customer.segment.SegmentService;
import com.taggraph.facet.FacetCoverage;
import com.taggraph.facet.FacetService;
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.Tag;

/**
 * Runs the rule checks and gathers what they find into one report. Structural and lineage
 * checks are one Cypher statement each; the facet checks reuse the facets' coverage, and
 * the data checks the segment index's exclusive and exhaustive computation, so each rule
 * has one implementation.
 */
@Service
public class RuleReportService {

	/** Sample customers listed per violation, as the segment index lists them. */
	private static final int SAMPLE = 20;

	private final RuleCheckRepository repository;

	private final FacetService facets;

	private final SegmentService segments;

	private final double driftShare;

	RuleReportService(RuleCheckRepository repository, FacetService facets, SegmentService segments,
			ComputeProperties compute) {
		this.repository = repository;
		this.facets = facets;
		this.segments = segments;
		this.driftShare = compute.driftShare();
	}

	/**
	 * The checks of the given categories (all when null or empty), in one read
	 * transaction, as the caller may see them: a violation involving a hidden tag is left
	 * out as if the tag did not exist, and the sample customers only go to callers who
	 * may see customer data.
	 */
	@Transactional(readOnly = true)
	public RuleReport report(Set<RuleCategory> categories, Visibility visibility) {
		Set<RuleCategory> wanted = categories == null || categories.isEmpty() ? EnumSet.allOf(RuleCategory.class)
				: EnumSet.copyOf(categories);
		String generatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
		List<ReportedViolation> violations = new ArrayList<>();
		String dataAsOf = null;
		if (wanted.contains(RuleCategory.STRUCTURAL)) {
			violations.addAll(structural());
		}
		if (wanted.contains(RuleCategory.FACET)) {
			violations.addAll(facetGaps(visibility));
		}
		if (wanted.contains(RuleCategory.DATA)) {
			dataAsOf = segments.indexStatus().builtAt();
			violations.addAll(data(visibility));
		}
		if (wanted.contains(RuleCategory.LINEAGE)) {
			violations.addAll(lineage());
		}
		if (!visibility.seesEveryTag()) {
			violations.removeIf(
					v -> v.codes().stream().anyMatch(visibility::hides) || mentionsHidden(v.message(), visibility));
		}
		violations.sort(Comparator.comparing(ReportedViolation::kind));
		return new RuleReport(generatedAt, List.copyOf(wanted), dataAsOf, List.copyOf(violations),
				counts(wanted, violations));
	}

	private List<ReportedViolation> structural() {
		List<ReportedViolation> found = new ArrayList<>();
		add(found, RuleCheck.CLASS_CYCLE, repository::classCycles, f -> "classes %s form a cycle of upper classes: %s"
			.formatted(String.join(", ", f.codes()), f.detail()));
		add(found, RuleCheck.ORPHAN_CLASS, repository::orphanClasses,
				f -> "class %s %s is cut off from the tree: its class chain never reaches a first-level class"
					.formatted(f.codes().get(0), f.detail()));
		add(found, RuleCheck.ORPHAN_TAG, repository::orphanTags,
				f -> "tag %s %s sits in no class".formatted(f.codes().get(0), f.detail()));
		add(found, RuleCheck.DIVISION_WITHOUT_CRITERION, repository::divisionsWithoutCriterion,
				f -> "class %s %s divides into %d lower class%s but records no criterion".formatted(f.codes().get(0),
						f.detail(), f.codes().size() - 1, f.codes().size() == 2 ? "" : "es"));
		add(found, RuleCheck.EXHAUSTIVE_CLASS_EMPTY, repository::emptyExhaustiveClasses,
				f -> "class %s %s is exhaustive but holds no tag at or below it".formatted(f.codes().get(0),
						f.detail()));
		return found;
	}

	private List<ReportedViolation> lineage() {
		List<ReportedViolation> found = new ArrayList<>();
		add(found, RuleCheck.NO_LINEAGE, repository::tagsWithoutLineage,
				f -> "tag %s %s has no lineage to any source system".formatted(f.codes().get(0), f.detail()));
		add(found, RuleCheck.DERIVED_FROM_DEPRECATED, repository::derivationsFromDeprecated,
				f -> "tag %s is derived from deprecated tag %s%s".formatted(f.codes().get(0), f.codes().get(1),
						f.detail().isEmpty() ? "" : " (replaced by " + f.detail() + ")"));
		return found;
	}

	private static void add(List<ReportedViolation> into, RuleCheck kind,
			Supplier<List<RuleCheckRepository.Found>> check, Function<RuleCheckRepository.Found, String> message) {
		check.get().forEach(f -> into.add(ReportedViolation.of(kind, f.codes(), message.apply(f))));
	}

	/**
	 * One violation per tag and top-level facet: the steward fixes them one tag at a
	 * time.
	 */
	private List<ReportedViolation> facetGaps(Visibility visibility) {
		List<ReportedViolation> found = new ArrayList<>();
		for (FacetCoverage coverage : facets.coverage(visibility)) {
			String facet = coverage.facet().code();
			for (Tag tag : coverage.tagsWithout()) {
				found.add(ReportedViolation.of(RuleCheck.FACET_VALUE_MISSING, List.of(tag.code(), facet),
						"tag %s %s has no value in facet %s %s".formatted(tag.code(), tag.name(), facet,
								coverage.facet().name())));
			}
			for (Tag tag : coverage.tagsWithSeveral()) {
				found.add(ReportedViolation.of(RuleCheck.FACET_VALUE_DUPLICATED, List.of(tag.code(), facet),
						"tag %s %s has two or more values in facet %s %s".formatted(tag.code(), tag.name(), facet,
								coverage.facet().name())));
			}
		}
		return found;
	}

	private List<ReportedViolation> data(Visibility visibility) {
		boolean customerData = visibility.customerData();
		List<ReportedViolation> found = new ArrayList<>(segments.ruleViolations(null, visibility)
			.stream()
			.map(v -> ReportedViolation.ofCustomers(
					v.kind() == RuleViolation.Kind.EXCLUSIVE ? RuleCheck.EXCLUSIVE_VIOLATED
							: RuleCheck.EXHAUSTIVE_VIOLATED,
					List.of(v.tagClass().code()), v.description(), v.customerCount(),
					customerData ? v.sampleCustomerIds() : List.of()))
			.toList());
		for (RuleCheckRepository.BrokenConstraint broken : repository.brokenConstraints(visibility.hidden(), SAMPLE)) {
			List<String> codes = broken.codes();
			String thenTags = String.join(", ", codes.subList(2, codes.size()));
			String message = "constraint %s %s: %d customer%s carry %s %s %s".formatted(codes.get(0), broken.name(),
					broken.customers(), broken.customers() == 1 ? "" : "s", codes.get(1),
					"EXCLUDES".equals(broken.kind()) ? "and also" : "but none of", thenTags);
			found.add(ReportedViolation.ofCustomers(RuleCheck.CONSTRAINT_VIOLATED, codes, message, broken.customers(),
					customerData ? broken.sample() : List.of()));
		}
		for (RuleCheckRepository.CountDrift drift : repository.countDrift(driftShare, visibility.hidden())) {
			found.add(ReportedViolation.of(RuleCheck.COUNT_DRIFT, List.of(drift.tag()),
					"tag %s %s: %d carriers after run %s, %d after run %s before it (more than %.0f%% apart)".formatted(
							drift.tag(), drift.name(), drift.after(), drift.afterRun(), drift.before(),
							drift.beforeRun(), driftShare * 100)));
		}
		return found;
	}

	/** Whether a message names a hidden tag (a replacement named in its detail, say). */
	private static boolean mentionsHidden(String message, Visibility visibility) {
		for (String word : message.split("[\\s,()]+")) {
			if (visibility.hides(word)) {
				return true;
			}
		}
		return false;
	}

	private static List<RuleReport.CheckCount> counts(Set<RuleCategory> wanted, List<ReportedViolation> violations) {
		Map<RuleCheck, int[]> tally = new EnumMap<>(RuleCheck.class);
		for (RuleCheck kind : RuleCheck.values()) {
			if (wanted.contains(kind.category())) {
				tally.put(kind, new int[2]);
			}
		}
		for (ReportedViolation v : violations) {
			int[] t = tally.get(v.kind());
			t[0]++;
			t[1] += v.customerCount() == null ? 0 : v.customerCount();
		}
		return tally.entrySet()
			.stream()
			.map(e -> new RuleReport.CheckCount(e.getKey(), e.getKey().category(), e.getValue()[0],
					e.getKey().category() == RuleCategory.DATA ? e.getValue()[1] : null))
			.toList();
	}

}
