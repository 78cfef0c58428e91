package com.taggraph.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import com.taggraph.customer.Customer;
import com.taggraph.facet.Facet;
import com.taggraph.facet.FacetValue;
import com.taggraph.lineage.SourceField;
import com.taggraph.lineage.SourceSystem;
import com.taggraph.lineage.SourceTable;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TagClass;
import com.taggraph.web.Connection;
import com.taggraph.web.Connections;

import reactor.core.publisher.Mono;

/** The audit trail in GraphQL: {@code history}, {@code changes}, and a {@code history} field on the main node types. */
@Controller
class AuditController {

	private final AuditTrail audit;
	private final Connections connections;

	AuditController(AuditTrail audit, Connections connections, BatchLoaderRegistry loaders) {
		this.audit = audit;
		this.connections = connections;
		loaders.<AuditTrail.HistoryPage, AuditTrail.EventPage>forName("historyPageLoader")
			.registerMappedBatchLoader((pages, env) -> Mono.fromCallable(() -> audit.historyPages(pages)));
	}

	@QueryMapping
	List<ChangeEvent> history(@Argument String code, @Argument ChangeKind kind) {
		return audit.history(code, kind);
	}

	@QueryMapping
	Connection<ChangeEvent> changes(@Argument String code, @Argument String since, @Argument String by,
			@Argument ChangeKind type, ScrollSubrange range) {
		var filter = new AuditTrail.ChangeFilter(code, since, by, type);
		return connections.of(audit.changes(filter, Connections.position(range), Connections.first(range)), range,
				() -> audit.countChanges(filter));
	}

	@SchemaMapping(typeName = "ChangeEvent")
	String at(ChangeEvent event) {
		return event.at().toString();
	}

	@BatchMapping(typeName = "TagClass", field = "history")
	Map<TagClass, List<ChangeEvent>> classHistory(List<TagClass> classes) {
		return histories(ChangeKind.TAG_CLASS, classes, TagClass::code);
	}

	@BatchMapping(typeName = "Tag", field = "history")
	Map<Tag, List<ChangeEvent>> tagHistory(List<Tag> tags) {
		return histories(ChangeKind.TAG, tags, Tag::code);
	}

	@BatchMapping(typeName = "Facet", field = "history")
	Map<Facet, List<ChangeEvent>> facetHistory(List<Facet> facets) {
		return histories(ChangeKind.FACET, facets, Facet::code);
	}

	@BatchMapping(typeName = "SourceSystem", field = "history")
	Map<SourceSystem, List<ChangeEvent>> systemHistory(List<SourceSystem> systems) {
		return histories(ChangeKind.SOURCE_SYSTEM, systems, SourceSystem::code);
	}

	@BatchMapping(typeName = "FacetValue", field = "history")
	Map<FacetValue, List<ChangeEvent>> valueHistory(List<FacetValue> values) {
		return histories(ChangeKind.FACET_VALUE, values, FacetValue::code);
	}

	@BatchMapping(typeName = "SourceTable", field = "history")
	Map<SourceTable, List<ChangeEvent>> tableHistory(List<SourceTable> tables) {
		return histories(ChangeKind.SOURCE_TABLE, tables, SourceTable::code);
	}

	@BatchMapping(typeName = "SourceField", field = "history")
	Map<SourceField, List<ChangeEvent>> fieldHistory(List<SourceField> fields) {
		return histories(ChangeKind.SOURCE_FIELD, fields, SourceField::code);
	}

	@BatchMapping(typeName = "Customer", field = "history")
	Map<Customer, List<ChangeEvent>> customerHistory(List<Customer> customers) {
		return histories(ChangeKind.CUSTOMER, customers, Customer::id);
	}

	// ---- each node type's events as a connection, the replacement of its history list ------------

	@SchemaMapping(typeName = "TagClass", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> classChanges(TagClass tagClass, ScrollSubrange range,
			DataLoader<AuditTrail.HistoryPage, AuditTrail.EventPage> historyPageLoader) {
		return changesOf(ChangeKind.TAG_CLASS, tagClass.code(), range, historyPageLoader);
	}

	@SchemaMapping(typeName = "Tag", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> tagChanges(Tag tag, ScrollSubrange range,
			DataLoader<AuditTrail.HistoryPage, AuditTrail.EventPage> historyPageLoader) {
		return changesOf(ChangeKind.TAG, tag.code(), range, historyPageLoader);
	}

	@SchemaMapping(typeName = "Facet", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> facetChanges(Facet facet, ScrollSubrange range,
			DataLoader<AuditTrail.HistoryPage, AuditTrail.EventPage> historyPageLoader) {
		return changesOf(ChangeKind.FACET, facet.code(), range, historyPageLoader);
	}

	@SchemaMapping(typeName = "FacetValue", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> valueChanges(FacetValue value, ScrollSubrange range,
			DataLoader<AuditTrail.HistoryPage, AuditTrail.EventPage> historyPageLoader) {
		return changesOf(ChangeKind.FACET_VALUE, value.code(), range, historyPageLoader);
	}

	@SchemaMapping(typeName = "SourceSystem", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> systemChanges(SourceSystem system, ScrollSubrange range,
			DataLoader<AuditTrail.HistoryPage, AuditTrail.EventPage> historyPageLoader) {
		return changesOf(ChangeKind.SOURCE_SYSTEM, system.code(), range, historyPageLoader);
	}

	@SchemaMapping(typeName = "SourceTable", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> tableChanges(SourceTable table, ScrollSubrange range,
			DataLoader<AuditTrail.HistoryPage, AuditTrail.EventPage> historyPageLoader) {
		return changesOf(ChangeKind.SOURCE_TABLE, table.code(), range, historyPageLoader);
	}

	@SchemaMapping(typeName = "SourceField", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> fieldChanges(SourceField field, ScrollSubrange range,
			DataLoader<AuditTrail.HistoryPage, AuditTrail.EventPage> historyPageLoader) {
		return changesOf(ChangeKind.SOURCE_FIELD, field.code(), range, historyPageLoader);
	}

	@SchemaMapping(typeName = "Customer", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> customerChanges(Customer customer, ScrollSubrange range,
			DataLoader<AuditTrail.HistoryPage, AuditTrail.EventPage> historyPageLoader) {
		return changesOf(ChangeKind.CUSTOMER, customer.id(), range, historyPageLoader);
	}

	/** Every node's page of a request goes into one read through the loader. */
	private CompletableFuture<Connection<ChangeEvent>> changesOf(ChangeKind kind, String code, ScrollSubrange range,
			DataLoader<AuditTrail.HistoryPage, AuditTrail.EventPage> loader) {
		var page = AuditTrail.historyPage(kind, code, Connections.position(range), Connections.first(range));
		return loader.load(page).thenApply(found -> connections.of(found.events(), range, found::totalCount));
	}

	private <T> Map<T, List<ChangeEvent>> histories(ChangeKind kind, List<T> nodes, Function<T, String> code) {
		Map<String, List<ChangeEvent>> found = audit.histories(kind, nodes.stream().map(code).distinct().toList());
		Map<T, List<ChangeEvent>> result = new java.util.LinkedHashMap<>();
		nodes.forEach(n -> result.put(n, found.getOrDefault(code.apply(n), List.of())));
		return result;
	}
}
