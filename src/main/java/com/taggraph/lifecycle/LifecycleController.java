package com.taggraph.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import com.taggraph.customer.Portrait;
import com.taggraph.customer.segment.SavedSegment;
import com.taggraph.customer.segment.Segment;
import com.taggraph.facet.Facet;
import com.taggraph.facet.FacetService;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TagClass;
import com.taggraph.taxonomy.TaxonomyService;
import com.taggraph.web.Connection;
import com.taggraph.web.Connections;

/**
 * GraphQL of the lifecycle: the review mutations, pending changes, and the status, pending change and
 * replacement of tags, classes and facets, plus the deprecation warnings of segments and portraits.
 * Every field on lists is batched: one query per field per level.
 */
@Controller
class LifecycleController {

	private final LifecycleService lifecycle;
	private final ChangeGate gate;
	private final TaxonomyService taxonomy;
	private final FacetService facets;
	private final Connections connections;

	LifecycleController(LifecycleService lifecycle, ChangeGate gate, TaxonomyService taxonomy, FacetService facets,
			Connections connections) {
		this.connections = connections;
		this.lifecycle = lifecycle;
		this.gate = gate;
		this.taxonomy = taxonomy;
		this.facets = facets;
	}

	// ---- queries and mutations ----------------------------------------------------------------

	@QueryMapping
	Connection<PendingChange> pendingChanges(@Argument String status, @Argument String by, @Argument ItemKind kind,
			ScrollSubrange range) {
		return connections.of(lifecycle.pendingChanges(status, by, kind, Connections.position(range),
				Connections.first(range)), range, () -> lifecycle.countPendingChanges(status, by, kind));
	}

	@QueryMapping
	PendingChange pendingChange(@Argument String id) {
		return lifecycle.pendingChange(id);
	}

	@MutationMapping
	PendingChange submitForReview(@Argument ItemKind kind, @Argument String code, @Argument String comment) {
		return lifecycle.submit(kind, code, comment);
	}

	@MutationMapping
	PendingChange approveChange(@Argument String id, @Argument String comment) {
		return lifecycle.approve(id, comment);
	}

	@MutationMapping
	PendingChange rejectChange(@Argument String id, @Argument String comment) {
		return lifecycle.reject(id, comment);
	}

	@MutationMapping
	PendingChange withdrawChange(@Argument String id) {
		return lifecycle.withdraw(id);
	}

	@MutationMapping
	PendingChange deprecate(@Argument ItemKind kind, @Argument String code, @Argument String replacedBy,
			@Argument String comment) {
		return lifecycle.deprecate(kind, code, replacedBy, comment);
	}

	// ---- statuses, pending changes and replacements of items ----------------------------------

	@BatchMapping(typeName = "TagClass", field = "status")
	Map<TagClass, LifecycleStatus> classStatus(List<TagClass> list) {
		return byItem(list, TagClass::code, gate.statuses(ItemKind.TAG_CLASS, codes(list, TagClass::code)));
	}

	@BatchMapping(typeName = "Facet", field = "status")
	Map<Facet, LifecycleStatus> facetStatus(List<Facet> list) {
		return byItem(list, Facet::code, gate.statuses(ItemKind.FACET, codes(list, Facet::code)));
	}

	@BatchMapping(typeName = "Tag", field = "pendingChange")
	Map<Tag, PendingChange> tagPendingChange(List<Tag> list) {
		return byItem(list, Tag::code, lifecycle.openChanges(ItemKind.TAG, codes(list, Tag::code)));
	}

	@BatchMapping(typeName = "TagClass", field = "pendingChange")
	Map<TagClass, PendingChange> classPendingChange(List<TagClass> list) {
		return byItem(list, TagClass::code, lifecycle.openChanges(ItemKind.TAG_CLASS, codes(list, TagClass::code)));
	}

	@BatchMapping(typeName = "Facet", field = "pendingChange")
	Map<Facet, PendingChange> facetPendingChange(List<Facet> list) {
		return byItem(list, Facet::code, lifecycle.openChanges(ItemKind.FACET, codes(list, Facet::code)));
	}

	@BatchMapping(typeName = "Tag", field = "replacedBy")
	Map<Tag, Tag> tagReplacedBy(List<Tag> list) {
		Map<String, String> replacements = lifecycle.replacements(ItemKind.TAG, codes(list, Tag::code));
		return replaced(list, Tag::code, replacements, taxonomy.tagsByCode(Set.copyOf(replacements.values())));
	}

	@BatchMapping(typeName = "TagClass", field = "replacedBy")
	Map<TagClass, TagClass> classReplacedBy(List<TagClass> list) {
		Map<String, String> replacements = lifecycle.replacements(ItemKind.TAG_CLASS, codes(list, TagClass::code));
		return replaced(list, TagClass::code, replacements, taxonomy.classesByCode(Set.copyOf(replacements.values())));
	}

	@BatchMapping(typeName = "Facet", field = "replacedBy")
	Map<Facet, Facet> facetReplacedBy(List<Facet> list) {
		Map<String, String> replacements = lifecycle.replacements(ItemKind.FACET, codes(list, Facet::code));
		return replaced(list, Facet::code, replacements, facets.facetsByCode(Set.copyOf(replacements.values())));
	}

	// ---- warnings -----------------------------------------------------------------------------

	@BatchMapping(typeName = "Segment", field = "warnings")
	List<List<DeprecationWarning>> segmentWarnings(List<Segment> segments) {
		return warnings(segments.stream().map(Segment::tags).toList());
	}

	@BatchMapping(typeName = "SavedSegment", field = "warnings")
	List<List<DeprecationWarning>> savedSegmentWarnings(List<SavedSegment> saved) {
		return warnings(saved.stream().map(s -> s.segment().tags()).toList());
	}

	@BatchMapping(typeName = "Portrait", field = "warnings")
	List<List<DeprecationWarning>> portraitWarnings(List<Portrait> portraits) {
		return warnings(portraits.stream()
			.map(p -> p.sections().stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.assignments().stream())
				.map(a -> a.tag().code()).collect(Collectors.toCollection(LinkedHashSet::new)))
			.toList());
	}

	/** The replacements of every warning of a request, in one query, as on {@code Tag.replacedBy}. */
	@BatchMapping(typeName = "DeprecationWarning", field = "replacedBy")
	Map<DeprecationWarning, Tag> warningReplacedBy(List<DeprecationWarning> warnings) {
		Map<String, Tag> tags = taxonomy.tagsByCode(warnings.stream().map(DeprecationWarning::replacedBy)
			.filter(Objects::nonNull).collect(Collectors.toSet()));
		return warnings.stream().distinct().filter(w -> w.replacedBy() != null && tags.containsKey(w.replacedBy()))
			.collect(Collectors.toMap(Function.identity(), w -> tags.get(w.replacedBy())));
	}

	/** One query for the tags of every result; each result gets the warnings of its own tags. */
	private List<List<DeprecationWarning>> warnings(List<? extends Collection<String>> tagsPerResult) {
		Set<String> all = new LinkedHashSet<>();
		tagsPerResult.forEach(all::addAll);
		List<DeprecationWarning> found = lifecycle.deprecationWarnings(all);
		List<List<DeprecationWarning>> result = new ArrayList<>();
		for (Collection<String> tags : tagsPerResult) {
			result.add(found.stream().filter(w -> tags.contains(w.tagCode())).toList());
		}
		return result;
	}

	// ---- plumbing -----------------------------------------------------------------------------

	private static <T> List<String> codes(Collection<T> list, Function<T, String> code) {
		return list.stream().map(code).distinct().toList();
	}

	private static <T, V> Map<T, V> byItem(List<T> list, Function<T, String> code, Map<String, V> found) {
		return list.stream().distinct().filter(t -> found.containsKey(code.apply(t)))
			.collect(Collectors.toMap(Function.identity(), t -> found.get(code.apply(t))));
	}

	private static <T> Map<T, T> replaced(List<T> list, Function<T, String> code, Map<String, String> replacements,
			Map<String, T> items) {
		return list.stream().distinct()
			.filter(t -> replacements.containsKey(code.apply(t)) && items.containsKey(replacements.get(code.apply(t))))
			.collect(Collectors.toMap(Function.identity(), t -> items.get(replacements.get(code.apply(t)))));
	}

}
