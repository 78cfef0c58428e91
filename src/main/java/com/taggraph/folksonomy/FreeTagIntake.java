package com.taggraph.folksonomy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeKind;
import com.taggraph.customer.TagAssignmentsChanged;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TagInput;
import com.taggraph.taxonomy.TaxonomyService;
import com.taggraph.text.NormalizedText;

/**
 * Takes free tags into the controlled vocabulary: promoted to a new draft tag, or merged
 * into an existing tag as synonyms. Either way every carrier moves to the tag in the same
 * transaction and the texts keep resolving to it, so nothing a tagger wrote is lost.
 */
@Service
public class FreeTagIntake {

	private static final org.apache.commons.logging.Log log = org.apache.commons.logging.LogFactory
		.getLog(FreeTagIntake.class);

	static final int MAX_TEXTS = 100;

	private static final int CONFLICTS_SHOWN = 10;

	private final FreeTagRepository repository;

	private final FreeTagClustering clustering;

	private final TaxonomyService taxonomy;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	FreeTagIntake(FreeTagRepository repository, FreeTagClustering clustering, TaxonomyService taxonomy,
			ApplicationEventPublisher events, AuditTrail audit) {
		this.repository = repository;
		this.audit = audit;
		this.clustering = clustering;
		this.taxonomy = taxonomy;
		this.events = events;
	}

	/** What a promotion or merge did. */
	public record Result(Tag tag, List<String> freeTags, int customers, int newlyAssigned) {
	}

	/**
	 * A promotion: the free tags by text, or a cluster by id (exactly one of the two).
	 */
	public record Promotion(List<String> texts, String clusterId, String code, String name, String classCode,
			String rule) {
	}

	@Transactional
	public Result promote(Promotion in, String by) {
		repository.lockIntake();
		List<FreeTag> freeTags = in.clusterId() != null ? cluster(in) : freeTags("texts", in.texts());
		requireFree(freeTags);
		repository.lockForIntake(freeTags.stream().map(FreeTag::normalized).toList());
		// by default named as most taggers spelled the most used free tag, tidied but not
		// case-folded
		FreeTag mostUsed = freeTags.get(0);
		String name = in.name() != null ? in.name() : NormalizedText
			.tidy(mostUsed.spellings().isEmpty() ? mostUsed.text() : mostUsed.spellings().get(0).text());
		taxonomy.createTag(new TagInput(in.code(), name, in.classCode(), in.rule()));
		return takeIn(in.code(), freeTags, true, by);
	}

	@Transactional
	public Result merge(String text, String tagCode, String by) {
		repository.lockIntake();
		List<FreeTag> freeTags = freeTags("text", List.of(text));
		requireFree(freeTags);
		repository.lockForIntake(freeTags.stream().map(FreeTag::normalized).toList());
		if (tagCode == null || taxonomy.tag(tagCode) == null) {
			throw DomainException.notFound("tag", tagCode);
		}
		return takeIn(tagCode, freeTags, false, by);
	}

	private Result takeIn(String tagCode, List<FreeTag> freeTags, boolean promoted, String by) {
		List<String> normalized = freeTags.stream().map(FreeTag::normalized).toList();
		var conflicts = repository.exclusiveConflicts(tagCode, normalized, CONFLICTS_SHOWN);
		if (!conflicts.isEmpty()) {
			var first = conflicts.get(0);
			List<String> customers = conflicts.stream().map(FreeTagRepository.ExclusiveConflict::customerId).toList();
			throw new DomainException(ErrorCode.EXCLUSIVE_CONFLICT,
					"%s cannot go on every carrier: customer '%s' carries %s, and both are in exclusive class %s%s"
						.formatted(tagCode, first.customerId(), first.carried(), first.exclusiveClass(),
								customers.size() > 1
										? " (carriers in conflict, first %d: %s)".formatted(customers.size(), customers)
										: ""),
					Map.of("subject", tagCode, "classCode", first.exclusiveClass(), "customers", customers));
		}
		long started = System.nanoTime();
		// one event per free tag taken in; the carriers' new tag is in the free tag's
		// promotedTo or synonymOf
		var changes = normalized.stream().map(n -> audit.change(ChangeKind.FREE_TAG, n)).toList();
		var carriers = repository.takeIn(tagCode, normalized, promoted, by);
		changes.forEach(change -> change.record(promoted ? "PROMOTE" : "MERGE"));
		int newly = 0;
		for (var carrier : carriers) {
			if (carrier.isNew()) {
				newly++;
				events.publishEvent(new TagAssignmentsChanged(carrier.customerId(), Set.of(tagCode), Set.of()));
			}
		}
		log.info("%s %d free tag%s into %s by %s: %d carriers moved (%d new) in %d ms".formatted(
				promoted ? "Promoted" : "Merged", normalized.size(), normalized.size() == 1 ? "" : "s", tagCode, by,
				carriers.size(), newly, (System.nanoTime() - started) / 1_000_000));
		return new Result(taxonomy.tag(tagCode), normalized, carriers.size(), newly);
	}

	private List<FreeTag> cluster(Promotion in) {
		if (in.texts() != null && !in.texts().isEmpty()) {
			throw DomainException.invalid("texts", "give texts or clusterId, not both");
		}
		List<FreeTag> members = clustering.members(in.clusterId());
		if (members == null) {
			throw new DomainException(ErrorCode.NOT_FOUND,
					"no free-tag cluster '%s' (cluster ids are listed by freeTagClusters)".formatted(in.clusterId()),
					Map.of("field", "clusterId", "subject", in.clusterId()));
		}
		return members;
	}

	/** The free tags the texts name, most used first; every text must name one. */
	private List<FreeTag> freeTags(String field, List<String> texts) {
		if (texts == null || texts.isEmpty()) {
			throw DomainException.invalid(field, "give at least one free tag text");
		}
		if (texts.size() > MAX_TEXTS) {
			throw DomainException.invalid(field, "at most %d texts, got %d".formatted(MAX_TEXTS, texts.size()));
		}
		Set<String> normalized = new LinkedHashSet<>();
		for (int i = 0; i < texts.size(); i++) {
			normalized.add(NormalizedText
				.normalize(FreeTagText.require(texts.size() == 1 ? field : field + "[" + i + "]", texts.get(i))));
		}
		List<FreeTag> found = new ArrayList<>(repository.find(normalized));
		Set<String> unknown = new LinkedHashSet<>(normalized);
		found.forEach(f -> unknown.remove(f.normalized()));
		if (!unknown.isEmpty()) {
			throw new DomainException(ErrorCode.NOT_FOUND, "no free tag '%s'".formatted(String.join("', '", unknown)),
					Map.of("field", field, "subject", List.copyOf(unknown)));
		}
		found.sort(java.util.Comparator.comparingInt(FreeTag::customers).reversed().thenComparing(FreeTag::normalized));
		return found;
	}

	private static void requireFree(List<FreeTag> freeTags) {
		List<FreeTag> resolved = freeTags.stream().filter(FreeTag::resolved).toList();
		if (!resolved.isEmpty()) {
			throw new DomainException(ErrorCode.INVALID_INPUT,
					resolved.stream()
						.map(f -> "free tag '%s' already resolves to %s".formatted(f.text(), f.resolvesToCode()))
						.collect(Collectors.joining("; ")),
					Map.of("subject", resolved.stream().map(FreeTag::normalized).toList()));
		}
	}

}
