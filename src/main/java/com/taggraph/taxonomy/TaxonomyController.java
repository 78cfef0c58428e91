package com.taggraph.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeEvent;
import com.taggraph.audit.ChangeKind;
import com.taggraph.audit.NodeChanges;
import com.taggraph.error.DomainException;
import com.taggraph.lifecycle.DeprecationWarning;
import com.taggraph.lifecycle.ItemKind;
import com.taggraph.lifecycle.LifecycleService;
import com.taggraph.lifecycle.LifecycleStatus;
import com.taggraph.lifecycle.PendingChange;
import com.taggraph.security.Visibility;
import com.taggraph.web.Connection;
import com.taggraph.web.Connections;

import graphql.schema.DataFetchingEnvironment;

import reactor.core.publisher.Mono;

/**
 * GraphQL mappings of the hierarchy. Every field that reaches further into the graph is
 * batched, so a request costs one query per field per level, not one per class.
 */
@Controller
class TaxonomyController {

	private final TaxonomyService taxonomy;

	private final AuditTrail audit;

	private final LifecycleService lifecycle;

	private final NodeChanges nodeChanges;

	private final Connections connections;

	TaxonomyController(TaxonomyService taxonomy, AuditTrail audit, LifecycleService lifecycle, NodeChanges nodeChanges,
			BatchLoaderRegistry loaders, Connections connections) {
		this.nodeChanges = nodeChanges;
		this.connections = connections;
		this.taxonomy = taxonomy;
		this.audit = audit;
		this.lifecycle = lifecycle;
		loaders.<DescendantsKey, List<TagClass>>forName("descendantsLoader")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> taxonomy.descendants(keys)));
		loaders.<ClassTagsKey, List<Tag>>forName("classTagsLoader")
			.registerMappedBatchLoader((keys, env) -> Mono
				.fromCallable(() -> taxonomy.tagsOfClasses(keys, Visibility.of(env.getContext()))));
	}

	// ---- queries
	// ------------------------------------------------------------------------------

	@QueryMapping
	TagClass tagClass(@Argument String code) {
		return taxonomy.tagClass(code);
	}

	@QueryMapping
	List<TagClass> rootClasses() {
		return taxonomy.rootClasses();
	}

	@QueryMapping
	Tag tag(@Argument String code, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		return taxonomy.tag(code, visibility);
	}

	@QueryMapping
	List<Tag> searchTags(@Argument String text, @Argument Integer first, @Argument List<String> status,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return taxonomy.searchTags(text, first, status, visibility);
	}

	@QueryMapping
	Connection<Tag> tagSearch(@Argument String text, @Argument List<String> status, ScrollSubrange range,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return connections.of(
				taxonomy.searchTags(text, status, Connections.position(range), Connections.first(range), visibility),
				range, () -> taxonomy.countSearchTags(text, status, visibility));
	}

	// ---- TagClass fields
	// ----------------------------------------------------------------------

	@BatchMapping(typeName = "TagClass")
	Map<TagClass, TagClass> broader(List<TagClass> classes) {
		Map<String, TagClass> parents = taxonomy
			.classesByCode(classes.stream().map(TagClass::parentCode).filter(java.util.Objects::nonNull).toList());
		return classes.stream()
			.filter(c -> c.parentCode() != null && parents.containsKey(c.parentCode()))
			.collect(Collectors.toMap(Function.identity(), c -> parents.get(c.parentCode()), (a, b) -> a));
	}

	@BatchMapping(typeName = "TagClass")
	Map<TagClass, List<TagClass>> narrower(List<TagClass> classes) {
		return byClass(classes, taxonomy.narrower(codes(classes)));
	}

	@BatchMapping(typeName = "TagClass")
	Map<TagClass, List<TagClass>> classArray(List<TagClass> classes) {
		return byClass(classes, taxonomy.classArrays(codes(classes)));
	}

	@BatchMapping(typeName = "TagClass")
	Map<TagClass, List<TagClass>> siblings(List<TagClass> classes) {
		Map<String, List<TagClass>> arrays = taxonomy.classArrays(codes(classes));
		return classes.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(),
					c -> arrays.getOrDefault(c.code(), List.of())
						.stream()
						.filter(s -> !s.code().equals(c.code()))
						.toList()));
	}

	@BatchMapping(typeName = "TagClass")
	Map<TagClass, List<TagClass>> classChain(List<TagClass> classes) {
		return byClass(classes, taxonomy.classChains(codes(classes)));
	}

	@SchemaMapping(typeName = "TagClass")
	CompletableFuture<List<TagClass>> descendants(TagClass tagClass, @Argument Integer maxDepth,
			DataLoader<DescendantsKey, List<TagClass>> descendantsLoader) {
		if (maxDepth != null && maxDepth < 1) {
			throw DomainException.invalid("maxDepth", "must be at least 1, was " + maxDepth);
		}
		return descendantsLoader.load(new DescendantsKey(tagClass.code(), maxDepth));
	}

	/** A page of {@code descendants}, through the same loader. */
	@SchemaMapping(typeName = "TagClass")
	CompletableFuture<Connection<TagClass>> descendantList(TagClass tagClass, @Argument Integer maxDepth,
			ScrollSubrange range, DataLoader<DescendantsKey, List<TagClass>> descendantsLoader) {
		return connections.page(descendants(tagClass, maxDepth, descendantsLoader), range, "tagClass", TagClass::code);
	}

	@SchemaMapping(typeName = "TagClass")
	CompletableFuture<List<Tag>> tags(TagClass tagClass, @Argument Boolean includeDescendants,
			DataLoader<ClassTagsKey, List<Tag>> classTagsLoader) {
		return classTagsLoader.load(new ClassTagsKey(tagClass.code(), Boolean.TRUE.equals(includeDescendants)));
	}

	/** A page of {@code tags}, through the same loader. */
	@SchemaMapping(typeName = "TagClass")
	CompletableFuture<Connection<Tag>> tagList(TagClass tagClass, @Argument Boolean includeDescendants,
			ScrollSubrange range, DataLoader<ClassTagsKey, List<Tag>> classTagsLoader) {
		return connections.page(tags(tagClass, includeDescendants, classTagsLoader), range, "tag", Tag::code);
	}

	@BatchMapping(typeName = "TagClass", field = "history")
	Map<TagClass, List<ChangeEvent>> classHistory(List<TagClass> classes) {
		return audit.histories(ChangeKind.TAG_CLASS, classes, TagClass::code);
	}

	@BatchMapping(typeName = "TagClass", field = "status")
	Map<TagClass, LifecycleStatus> classStatus(List<TagClass> classes) {
		return lifecycle.statuses(ItemKind.TAG_CLASS, classes, TagClass::code);
	}

	@BatchMapping(typeName = "TagClass", field = "pendingChange")
	Map<TagClass, PendingChange> classPendingChange(List<TagClass> classes,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return lifecycle.openChanges(ItemKind.TAG_CLASS, classes, TagClass::code, visibility);
	}

	@BatchMapping(typeName = "TagClass", field = "replacedBy")
	Map<TagClass, TagClass> classReplacedBy(List<TagClass> classes) {
		return lifecycle.replacements(ItemKind.TAG_CLASS, classes, TagClass::code, taxonomy::classesByCode);
	}

	// ---- Tag fields
	// ---------------------------------------------------------------------------

	@BatchMapping(typeName = "Tag")
	Map<Tag, TagClass> tagClass(List<Tag> tags) {
		Map<String, TagClass> classes = taxonomy
			.classesByCode(tags.stream().map(Tag::classCode).filter(java.util.Objects::nonNull).toList());
		return tags.stream()
			.filter(t -> t.classCode() != null && classes.containsKey(t.classCode()))
			.collect(Collectors.toMap(Function.identity(), t -> classes.get(t.classCode()), (a, b) -> a));
	}

	@BatchMapping(typeName = "Tag", field = "classChain")
	Map<Tag, List<TagClass>> tagClassChain(List<Tag> tags) {
		Map<String, List<TagClass>> chains = taxonomy
			.classChains(tags.stream().map(Tag::classCode).filter(java.util.Objects::nonNull).toList());
		return tags.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), t -> chains.getOrDefault(t.classCode(), List.of())));
	}

	@BatchMapping(typeName = "Tag", field = "history")
	Map<Tag, List<ChangeEvent>> tagHistory(List<Tag> tags) {
		return audit.histories(ChangeKind.TAG, tags, Tag::code);
	}

	@BatchMapping(typeName = "Tag", field = "pendingChange")
	Map<Tag, PendingChange> tagPendingChange(List<Tag> tags,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return lifecycle.openChanges(ItemKind.TAG, tags, Tag::code, visibility);
	}

	@BatchMapping(typeName = "Tag", field = "replacedBy")
	Map<Tag, Tag> tagReplacedBy(List<Tag> tags, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		return lifecycle.replacements(ItemKind.TAG, tags, Tag::code, codes -> taxonomy.tagsByCode(codes, visibility));
	}

	@SchemaMapping(typeName = "TagClass", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> classChanges(TagClass tagClass, ScrollSubrange range,
			DataFetchingEnvironment env) {
		return nodeChanges.of(ChangeKind.TAG_CLASS, tagClass.code(), range, env);
	}

	@SchemaMapping(typeName = "Tag", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> tagChanges(Tag tag, ScrollSubrange range, DataFetchingEnvironment env) {
		return nodeChanges.of(ChangeKind.TAG, tag.code(), range, env);
	}

	/**
	 * The replacements of every warning of a request, in one query, as on
	 * {@code Tag.replacedBy}.
	 */
	@BatchMapping(typeName = "DeprecationWarning", field = "replacedBy")
	Map<DeprecationWarning, Tag> warningReplacedBy(List<DeprecationWarning> warnings,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		Map<String, Tag> tags = taxonomy.tagsByCode(warnings.stream()
			.map(DeprecationWarning::replacedBy)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet()), visibility);
		return warnings.stream()
			.distinct()
			.filter(w -> w.replacedBy() != null && tags.containsKey(w.replacedBy()))
			.collect(Collectors.toMap(Function.identity(), w -> tags.get(w.replacedBy())));
	}

	// ---- mutations
	// ----------------------------------------------------------------------------

	@MutationMapping
	TagClass createTagClass(@Argument TagClassInput input) {
		return taxonomy.createTagClass(input);
	}

	@MutationMapping
	TagClass updateTagClass(@Argument String code, @Argument TagClassChanges input) {
		return taxonomy.updateTagClass(code, input);
	}

	@MutationMapping
	TagClass moveTagClass(@Argument String code, @Argument String newParentCode) {
		return taxonomy.moveTagClass(code, newParentCode);
	}

	@MutationMapping
	String deleteTagClass(@Argument String code) {
		return taxonomy.deleteTagClass(code);
	}

	@MutationMapping
	Tag createTag(@Argument TagInput input) {
		return taxonomy.createTag(input);
	}

	@MutationMapping
	Tag updateTag(@Argument String code, @Argument TagChanges input) {
		return taxonomy.updateTag(code, input);
	}

	@MutationMapping
	Tag moveTag(@Argument String code, @Argument String classCode) {
		return taxonomy.moveTag(code, classCode);
	}

	@MutationMapping
	String deleteTag(@Argument String code) {
		return taxonomy.deleteTag(code);
	}

	private static List<String> codes(List<TagClass> classes) {
		return classes.stream().map(TagClass::code).toList();
	}

	private static Map<TagClass, List<TagClass>> byClass(List<TagClass> classes, Map<String, List<TagClass>> found) {
		return classes.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), c -> found.getOrDefault(c.code(), List.of())));
	}

}
