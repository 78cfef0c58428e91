package com.taggraph.lineage;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import com.taggraph.customer.segment.SegmentService;
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TagClass;
import com.taggraph.taxonomy.TaxonomyService;

/**
 * Downstream impact over GraphQL, and the customer counts on lineage nodes. The impact is
 * one statement; its tags, classes and class chains are one batch each; counts come from
 * the segment index.
 */
@Controller
class ImpactController {

	private final ImpactService impacts;

	private final TaxonomyService taxonomy;

	private final SegmentService segments;

	ImpactController(ImpactService impacts, TaxonomyService taxonomy, SegmentService segments) {
		this.impacts = impacts;
		this.taxonomy = taxonomy;
		this.segments = segments;
	}

	@QueryMapping
	Impact impact(@Argument String sourceCode, @Argument Integer maxDepth,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return impacts.impact(sourceCode, maxDepth, false, visibility);
	}

	@QueryMapping
	Impact impactCounts(@Argument String sourceCode, @Argument Integer maxDepth,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return impacts.impact(sourceCode, maxDepth, true, visibility);
	}

	@SchemaMapping(typeName = "ImpactCounts")
	String sourceCode(Impact impact) {
		return impact.source().code();
	}

	@SchemaMapping(typeName = "ImpactCounts")
	String kind(Impact impact) {
		return impact.source().kind();
	}

	@BatchMapping(typeName = "ImpactedTag", field = "tag")
	Map<Impact.Affected, Tag> affectedTag(List<Impact.Affected> affected,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		Map<String, Tag> tags = taxonomy.tagsByCode(codes(affected, Impact.Affected::code), visibility);
		return byItem(affected, a -> tags.get(a.code()));
	}

	@BatchMapping(typeName = "ImpactedTag", field = "classChain")
	Map<Impact.Affected, List<TagClass>> classChain(List<Impact.Affected> affected) {
		Map<String, List<TagClass>> chains = taxonomy.classChains(codes(affected, Impact.Affected::classCode));
		return byItem(affected, a -> chains.getOrDefault(a.classCode(), List.of()));
	}

	@BatchMapping(typeName = "ImpactedClass", field = "tagClass")
	Map<Impact.AffectedClass, TagClass> tagClass(List<Impact.AffectedClass> classes) {
		Map<String, TagClass> found = taxonomy.classesByCode(codes(classes, Impact.AffectedClass::code));
		return byItem(classes, c -> found.get(c.code()));
	}

	/** From the segment index's bitmaps, in memory: no database round trip per node. */
	@SchemaMapping(typeName = "LineageNode")
	Integer customerCount(Lineage.Node node) {
		return "TAG".equals(node.kind()) ? segments.tagCustomerCount(node.code()) : null;
	}

	/**
	 * A HashMap, since a tag or class deleted meanwhile maps to null (toMap refuses
	 * nulls).
	 */
	private static <T, V> Map<T, V> byItem(List<T> items, Function<T, V> value) {
		Map<T, V> result = new HashMap<>();
		items.forEach(item -> result.put(item, value.apply(item)));
		return result;
	}

	private static <T> Set<String> codes(List<T> items, Function<T, String> code) {
		return items.stream().map(code).collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
