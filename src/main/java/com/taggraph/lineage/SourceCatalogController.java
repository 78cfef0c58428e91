package com.taggraph.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TaxonomyService;
import com.taggraph.web.Connection;
import com.taggraph.web.Connections;

import graphql.schema.DataFetchingEnvironment;

/**
 * The source catalogue and derivations over GraphQL; every nested field is one batch per
 * response.
 */
@Controller
class SourceCatalogController {

	private final SourceCatalogService sources;

	private final LineageService lineages;

	private final TaxonomyService taxonomy;

	private final AuditTrail audit;

	private final NodeChanges nodeChanges;

	private final Connections connections;

	SourceCatalogController(SourceCatalogService sources, LineageService lineages, TaxonomyService taxonomy,
			AuditTrail audit, NodeChanges nodeChanges, Connections connections) {
		this.connections = connections;
		this.sources = sources;
		this.lineages = lineages;
		this.taxonomy = taxonomy;
		this.audit = audit;
		this.nodeChanges = nodeChanges;
	}

	@QueryMapping
	List<SourceSystem> sourceSystems() {
		return sources.systems();
	}

	@QueryMapping
	Connection<SourceSystem> sourceSystemList(ScrollSubrange range) {
		return connections.page(sources.systems(), range, "sourceSystem", SourceSystem::code);
	}

	@QueryMapping
	SourceSystem sourceSystem(@Argument String code) {
		return sources.system(code);
	}

	@QueryMapping
	SourceTable sourceTable(@Argument String code) {
		return sources.table(code);
	}

	@QueryMapping
	SourceField sourceField(@Argument String code) {
		return sources.field(code);
	}

	@QueryMapping
	Lineage lineage(@Argument String tagCode, @Argument String direction, @Argument Integer maxDepth,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return lineages.lineage(tagCode, !"DOWNSTREAM".equals(direction), maxDepth, visibility);
	}

	/** Batched: provenance asks for a lineage per assignment. */
	@BatchMapping(typeName = "Lineage")
	Map<Lineage, Tag> tag(List<Lineage> lineages, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		Set<String> codes = new LinkedHashSet<>();
		lineages.forEach(l -> codes.add(l.tagCode()));
		Map<String, Tag> tags = taxonomy.tagsByCode(codes, visibility);
		Map<Lineage, Tag> result = new HashMap<>();
		lineages.forEach(l -> result.put(l, tags.get(l.tagCode())));
		return result;
	}

	@BatchMapping(typeName = "Lineage")
	Map<Lineage, List<SourceSystem>> sourceSystems(List<Lineage> lineages) {
		Set<String> codes = new LinkedHashSet<>();
		lineages.forEach(l -> codes.addAll(l.sourceSystemCodes()));
		Map<String, SourceSystem> systems = new HashMap<>();
		if (!codes.isEmpty()) {
			sources.systemsByCode(codes).forEach(s -> systems.put(s.code(), s));
		}
		Map<Lineage, List<SourceSystem>> result = new HashMap<>();
		lineages.forEach(l -> result.put(l, l.sourceSystemCodes().stream().map(systems::get).toList()));
		return result;
	}

	@MutationMapping
	SourceSystem registerSourceSystem(@Argument Map<String, Object> input) {
		return sources.registerSystem((String) input.get("code"), (String) input.get("name"),
				String.valueOf(input.get("kind")), (String) input.get("description"));
	}

	@MutationMapping
	SourceSystem updateSourceSystem(@Argument String code, @Argument String name, @Argument String kind,
			@Argument String description) {
		return sources.updateSystem(code, name, kind, description);
	}

	@MutationMapping
	SourceTable registerSourceTable(@Argument String systemCode, @Argument String tableName, @Argument String name) {
		return sources.registerTable(systemCode, tableName, name);
	}

	@MutationMapping
	SourceTable updateSourceTable(@Argument String code, @Argument String name) {
		return sources.renameTable(code, name);
	}

	@MutationMapping
	SourceField registerSourceField(@Argument String tableCode, @Argument String fieldName,
			@Argument String description) {
		return sources.registerField(tableCode, fieldName, description);
	}

	@MutationMapping
	SourceField updateSourceField(@Argument String code, @Argument String description) {
		return sources.describeField(code, description);
	}

	@MutationMapping
	Tag deriveTag(@Argument String tagCode, @Argument List<String> fromFields, @Argument List<String> fromTags,
			@Argument String transform) {
		sources.derive(tagCode, fromFields, fromTags, transform);
		return taxonomy.tag(tagCode);
	}

	@MutationMapping
	Tag removeDerivation(@Argument String tagCode, @Argument String fromCode) {
		sources.removeDerivation(tagCode, fromCode);
		return taxonomy.tag(tagCode);
	}

	// ---- nested fields, batched
	// --------------------------------------------------------------------

	@BatchMapping(typeName = "SourceSystem")
	Map<SourceSystem, List<SourceTable>> tables(List<SourceSystem> systems) {
		return grouped(systems, s -> s.code(), sources.tables(List.of(), codes(systems, SourceSystem::code)),
				SourceTable::systemCode);
	}

	@BatchMapping(typeName = "SourceTable")
	Map<SourceTable, List<SourceField>> fields(List<SourceTable> tables) {
		return grouped(tables, SourceTable::code, sources.fields(List.of(), codes(tables, SourceTable::code)),
				SourceField::tableCode);
	}

	/** A page of {@code tables}, through its batch mapping. */
	@SchemaMapping(typeName = "SourceSystem")
	CompletableFuture<Connection<SourceTable>> tableList(ScrollSubrange range, DataFetchingEnvironment env) {
		return connections.beside("tables", range, "sourceTable", SourceTable::code, env);
	}

	/** A page of {@code fields}, through its batch mapping. */
	@SchemaMapping(typeName = "SourceTable")
	CompletableFuture<Connection<SourceField>> fieldList(ScrollSubrange range, DataFetchingEnvironment env) {
		return connections.beside("fields", range, "sourceField", SourceField::code, env);
	}

	@BatchMapping(typeName = "SourceTable")
	Map<SourceTable, SourceSystem> system(List<SourceTable> tables) {
		Map<String, SourceSystem> byCode = index(sources.systemsByCode(codes(tables, SourceTable::systemCode)),
				SourceSystem::code);
		Map<SourceTable, SourceSystem> result = new HashMap<>();
		tables.forEach(t -> result.put(t, byCode.get(t.systemCode())));
		return result;
	}

	@BatchMapping(typeName = "SourceField")
	Map<SourceField, SourceTable> table(List<SourceField> fields) {
		Map<String, SourceTable> byCode = index(sources.tables(codes(fields, SourceField::tableCode), List.of()),
				SourceTable::code);
		Map<SourceField, SourceTable> result = new HashMap<>();
		fields.forEach(f -> result.put(f, byCode.get(f.tableCode())));
		return result;
	}

	@BatchMapping(typeName = "SourceSystem", field = "tags")
	Map<SourceSystem, List<Tag>> systemTags(List<SourceSystem> systems,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return derivedTags(systems, SourceSystem::code, visibility);
	}

	@BatchMapping(typeName = "SourceTable", field = "tags")
	Map<SourceTable, List<Tag>> tableTags(List<SourceTable> tables,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return derivedTags(tables, SourceTable::code, visibility);
	}

	@BatchMapping(typeName = "SourceField", field = "tags")
	Map<SourceField, List<Tag>> fieldTags(List<SourceField> fields,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return derivedTags(fields, SourceField::code, visibility);
	}

	/** A page of {@code tags} of a system, table or field, through its batch mapping. */
	@SchemaMapping(typeName = "SourceSystem", field = "tagList")
	CompletableFuture<Connection<Tag>> systemTagList(ScrollSubrange range, DataFetchingEnvironment env) {
		return connections.beside("tags", range, "tag", Tag::code, env);
	}

	@SchemaMapping(typeName = "SourceTable", field = "tagList")
	CompletableFuture<Connection<Tag>> tableTagList(ScrollSubrange range, DataFetchingEnvironment env) {
		return connections.beside("tags", range, "tag", Tag::code, env);
	}

	@SchemaMapping(typeName = "SourceField", field = "tagList")
	CompletableFuture<Connection<Tag>> fieldTagList(ScrollSubrange range, DataFetchingEnvironment env) {
		return connections.beside("tags", range, "tag", Tag::code, env);
	}

	@BatchMapping(typeName = "SourceSystem", field = "history")
	Map<SourceSystem, List<ChangeEvent>> systemHistory(List<SourceSystem> systems) {
		return audit.histories(ChangeKind.SOURCE_SYSTEM, systems, SourceSystem::code);
	}

	@BatchMapping(typeName = "SourceTable", field = "history")
	Map<SourceTable, List<ChangeEvent>> tableHistory(List<SourceTable> tables) {
		return audit.histories(ChangeKind.SOURCE_TABLE, tables, SourceTable::code);
	}

	@BatchMapping(typeName = "SourceField", field = "history")
	Map<SourceField, List<ChangeEvent>> fieldHistory(List<SourceField> fields) {
		return audit.histories(ChangeKind.SOURCE_FIELD, fields, SourceField::code);
	}

	@SchemaMapping(typeName = "SourceSystem", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> systemChanges(SourceSystem system, ScrollSubrange range,
			DataFetchingEnvironment env) {
		return nodeChanges.of(ChangeKind.SOURCE_SYSTEM, system.code(), range, env);
	}

	@SchemaMapping(typeName = "SourceTable", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> tableChanges(SourceTable table, ScrollSubrange range,
			DataFetchingEnvironment env) {
		return nodeChanges.of(ChangeKind.SOURCE_TABLE, table.code(), range, env);
	}

	@SchemaMapping(typeName = "SourceField", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> fieldChanges(SourceField field, ScrollSubrange range,
			DataFetchingEnvironment env) {
		return nodeChanges.of(ChangeKind.SOURCE_FIELD, field.code(), range, env);
	}

	@BatchMapping(typeName = "Tag")
	Map<Tag, List<SourceField>> derivedFromFields(List<Tag> tags) {
		var derivations = sources.derivations(codes(tags, Tag::code));
		Set<String> fieldCodes = new LinkedHashSet<>();
		derivations.values().forEach(d -> fieldCodes.addAll(d.fields()));
		Map<String, SourceField> byCode = index(sources.fields(fieldCodes, List.of()), SourceField::code);
		Map<Tag, List<SourceField>> result = new HashMap<>();
		tags.forEach(t -> result.put(t,
				pick(derivations.get(t.code()) == null ? List.of() : derivations.get(t.code()).fields(), byCode)));
		return result;
	}

	@BatchMapping(typeName = "Tag")
	Map<Tag, List<Tag>> derivedFromTags(List<Tag> tags, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		var derivations = sources.derivations(codes(tags, Tag::code));
		Set<String> tagCodes = new LinkedHashSet<>();
		derivations.values().forEach(d -> tagCodes.addAll(d.tags()));
		Map<String, Tag> byCode = taxonomy.tagsByCode(tagCodes, visibility);
		Map<Tag, List<Tag>> result = new HashMap<>();
		tags.forEach(t -> result.put(t,
				pick(derivations.get(t.code()) == null ? List.of() : derivations.get(t.code()).tags(), byCode)));
		return result;
	}

	// ---- helpers
	// ---------------------------------------------------------------------------------

	private <S> Map<S, List<Tag>> derivedTags(List<S> sourcesOfTags, Function<S, String> code, Visibility visibility) {
		Map<String, List<String>> tagCodes = sources.tagsDerivedFrom(codes(sourcesOfTags, code));
		Set<String> all = new LinkedHashSet<>();
		tagCodes.values().forEach(all::addAll);
		Map<String, Tag> byCode = taxonomy.tagsByCode(all, visibility);
		Map<S, List<Tag>> result = new HashMap<>();
		sourcesOfTags.forEach(s -> result.put(s, pick(tagCodes.getOrDefault(code.apply(s), List.of()), byCode)));
		return result;
	}

	private static <P, C> Map<P, List<C>> grouped(List<P> parents, Function<P, String> parentCode, List<C> children,
			Function<C, String> childParent) {
		Map<String, List<C>> byParent = new HashMap<>();
		children.forEach(c -> byParent.computeIfAbsent(childParent.apply(c), k -> new ArrayList<>()).add(c));
		Map<P, List<C>> result = new HashMap<>();
		parents.forEach(p -> result.put(p, byParent.getOrDefault(parentCode.apply(p), List.of())));
		return result;
	}

	private static <T> List<String> codes(Collection<T> items, Function<T, String> code) {
		return items.stream().map(code).distinct().toList();
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> code) {
		Map<String, T> map = new HashMap<>();
		items.forEach(i -> map.put(code.apply(i), i));
		return map;
	}

	private static <T> List<T> pick(List<String> codes, Map<String, T> byCode) {
		return codes.stream().map(byCode::get).filter(java.util.Objects::nonNull).toList();
	}

}
