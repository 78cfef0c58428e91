package com.taggraph.facet;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeEvent;
import com.taggraph.audit.ChangeKind;
import com.taggraph.audit.NodeChanges;
import com.taggraph.lifecycle.ItemKind;
import com.taggraph.lifecycle.LifecycleService;
import com.taggraph.lifecycle.LifecycleStatus;
import com.taggraph.lifecycle.PendingChange;
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TaxonomyService;
import com.taggraph.web.Connection;
import com.taggraph.web.Connections;

import graphql.schema.DataFetchingEnvironment;

/**
 * GraphQL mappings of facets and their values. Every field reaching further into the
 * graph is batched: one query per field per level of the response.
 */
@Controller
class FacetController {

	private final FacetService facets;

	private final TaxonomyService taxonomy;

	private final AuditTrail audit;

	private final LifecycleService lifecycle;

	private final NodeChanges nodeChanges;

	private final Connections connections;

	FacetController(FacetService facets, TaxonomyService taxonomy, AuditTrail audit, LifecycleService lifecycle,
			NodeChanges nodeChanges, Connections connections) {
		this.nodeChanges = nodeChanges;
		this.facets = facets;
		this.taxonomy = taxonomy;
		this.audit = audit;
		this.lifecycle = lifecycle;
		this.connections = connections;
	}

	// ---- queries
	// ------------------------------------------------------------------------------

	@QueryMapping
	List<Facet> facets() {
		return facets.facets();
	}

	@QueryMapping
	Facet facet(@Argument String code) {
		return facets.facet(code);
	}

	@QueryMapping
	FacetValue facetValue(@Argument String code) {
		return facets.facetValue(code);
	}

	@QueryMapping
	List<FacetCoverage> facetCoverage(@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return facets.coverage(visibility);
	}

	@QueryMapping
	TagConnection tags(@Argument TagFilter where, ScrollSubrange range,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		FacetService.TagSelection selection = facets.searchTags(where, Connections.position(range),
				Connections.first(range), visibility);
		return new TagConnection(connections.of(selection.page(), range, selection::totalCount),
				selection.facetCounts());
	}

	// ---- Facet fields
	// -------------------------------------------------------------------------

	@BatchMapping(typeName = "Facet")
	Map<Facet, Facet> parent(List<Facet> list) {
		Map<String, Facet> parents = facets
			.facetsByCode(list.stream().map(Facet::parentCode).filter(Objects::nonNull).distinct().toList());
		return list.stream()
			.filter(f -> f.parentCode() != null && parents.containsKey(f.parentCode()))
			.collect(Collectors.toMap(Function.identity(), f -> parents.get(f.parentCode()), (a, b) -> a));
	}

	@BatchMapping(typeName = "Facet")
	Map<Facet, List<Facet>> subFacets(List<Facet> list) {
		return byCode(list, Facet::code, facets.subFacets(codes(list, Facet::code)));
	}

	@BatchMapping(typeName = "Facet")
	Map<Facet, List<FacetValue>> values(List<Facet> list) {
		return byCode(list, Facet::code, facets.values(codes(list, Facet::code), false));
	}

	@BatchMapping(typeName = "Facet")
	Map<Facet, List<FacetValue>> allValues(List<Facet> list) {
		return byCode(list, Facet::code, facets.values(codes(list, Facet::code), true));
	}

	@BatchMapping(typeName = "Facet", field = "history")
	Map<Facet, List<ChangeEvent>> facetHistory(List<Facet> list) {
		return audit.histories(ChangeKind.FACET, list, Facet::code);
	}

	@BatchMapping(typeName = "Facet", field = "status")
	Map<Facet, LifecycleStatus> facetStatus(List<Facet> list) {
		return lifecycle.statuses(ItemKind.FACET, list, Facet::code);
	}

	@BatchMapping(typeName = "Facet", field = "pendingChange")
	Map<Facet, PendingChange> facetPendingChange(List<Facet> list,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return lifecycle.openChanges(ItemKind.FACET, list, Facet::code, visibility);
	}

	@BatchMapping(typeName = "Facet", field = "replacedBy")
	Map<Facet, Facet> facetReplacedBy(List<Facet> list) {
		return lifecycle.replacements(ItemKind.FACET, list, Facet::code, facets::facetsByCode);
	}

	// ---- FacetValue fields
	// --------------------------------------------------------------------

	@BatchMapping(typeName = "FacetValue", field = "facet")
	Map<FacetValue, Facet> valueFacet(List<FacetValue> list) {
		return facetOf(list, FacetValue::facetCode);
	}

	@BatchMapping(typeName = "FacetValue")
	Map<FacetValue, Facet> topFacet(List<FacetValue> list) {
		return facetOf(list, FacetValue::topFacetCode);
	}

	@BatchMapping(typeName = "FacetValue", field = "tags")
	Map<FacetValue, List<Tag>> valueTags(List<FacetValue> list,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return byCode(list, FacetValue::code, facets.tagsWithValues(codes(list, FacetValue::code), visibility));
	}

	/** A page of {@code tags}, through its batch mapping. */
	@SchemaMapping(typeName = "FacetValue", field = "tagList")
	CompletableFuture<Connection<Tag>> valueTagList(ScrollSubrange range, DataFetchingEnvironment env) {
		return connections.beside("tags", range, "tag", Tag::code, env);
	}

	@SchemaMapping(typeName = "FacetCoverage")
	Connection<Tag> tagsWithoutList(FacetCoverage coverage, ScrollSubrange range) {
		return connections.page(coverage.tagsWithout(), range, "tag", Tag::code);
	}

	@SchemaMapping(typeName = "FacetCoverage")
	Connection<Tag> tagsWithSeveralList(FacetCoverage coverage, ScrollSubrange range) {
		return connections.page(coverage.tagsWithSeveral(), range, "tag", Tag::code);
	}

	@BatchMapping(typeName = "FacetValue", field = "history")
	Map<FacetValue, List<ChangeEvent>> valueHistory(List<FacetValue> list) {
		return audit.histories(ChangeKind.FACET_VALUE, list, FacetValue::code);
	}

	@SchemaMapping(typeName = "Facet", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> facetChanges(Facet facet, ScrollSubrange range,
			DataFetchingEnvironment env) {
		return nodeChanges.of(ChangeKind.FACET, facet.code(), range, env);
	}

	@SchemaMapping(typeName = "FacetValue", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> valueChanges(FacetValue value, ScrollSubrange range,
			DataFetchingEnvironment env) {
		return nodeChanges.of(ChangeKind.FACET_VALUE, value.code(), range, env);
	}

	// ---- Tag fields
	// ---------------------------------------------------------------------------

	@BatchMapping(typeName = "Tag")
	Map<Tag, List<FacetValue>> facetValues(List<Tag> list) {
		return byCode(list, Tag::code, facets.valuesOfTags(codes(list, Tag::code)));
	}

	// ---- mutations
	// ----------------------------------------------------------------------------

	@MutationMapping
	Facet createFacet(@Argument FacetInput input) {
		return facets.createFacet(input);
	}

	@MutationMapping
	Facet updateFacet(@Argument String code, @Argument FacetChanges input) {
		return facets.updateFacet(code, input);
	}

	@MutationMapping
	String deleteFacet(@Argument String code) {
		return facets.deleteFacet(code);
	}

	@MutationMapping
	FacetValue createFacetValue(@Argument FacetValueInput input) {
		return facets.createFacetValue(input);
	}

	@MutationMapping
	FacetValue updateFacetValue(@Argument String code, @Argument FacetValueChanges input) {
		return facets.updateFacetValue(code, input);
	}

	@MutationMapping
	String deleteFacetValue(@Argument String code) {
		return facets.deleteFacetValue(code);
	}

	@MutationMapping
	Tag classifyTag(@Argument String tagCode, @Argument List<String> facetValueCodes) {
		facets.classifyTag(tagCode, facetValueCodes);
		return taxonomy.tag(tagCode);
	}

	// ---- plumbing
	// -----------------------------------------------------------------------------

	private Map<FacetValue, Facet> facetOf(List<FacetValue> list, Function<FacetValue, String> code) {
		Map<String, Facet> found = facets
			.facetsByCode(list.stream().map(code).filter(Objects::nonNull).distinct().toList());
		return list.stream()
			.filter(v -> code.apply(v) != null && found.containsKey(code.apply(v)))
			.collect(Collectors.toMap(Function.identity(), v -> found.get(code.apply(v)), (a, b) -> a));
	}

	private static <T> List<String> codes(Collection<T> list, Function<T, String> code) {
		return list.stream().map(code).distinct().toList();
	}

	private static <T, V> Map<T, List<V>> byCode(List<T> list, Function<T, String> code, Map<String, List<V>> found) {
		return list.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), t -> found.getOrDefault(code.apply(t), List.of())));
	}

}
