package com.taggraph.customer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeEvent;
import com.taggraph.audit.ChangeKind;
import com.taggraph.audit.NodeChanges;
import com.taggraph.lifecycle.DeprecationWarning;
import com.taggraph.lifecycle.LifecycleService;
import com.taggraph.security.Visibility;
import com.taggraph.web.Connection;
import com.taggraph.web.Connections;
import com.taggraph.web.RequestUser;
import com.taggraph.web.SelectedFields;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

/**
 * GraphQL mappings of customers, their tags and portraits. {@code customer(id)} asking
 * for tags or a portrait is answered with one query; for lists of customers, one batched
 * query serves the tags and portraits of all of them.
 */
@Controller
class CustomerController {

	/**
	 * Per request: the tags already read with the customer, so the field resolvers need
	 * no query.
	 */
	private static final String PREFETCHED = CustomerController.class.getName() + ".prefetched";

	private static final String TAGS_LOADER = CustomerController.class.getName() + ".tags";

	private static final String HISTORY_LOADER = CustomerController.class.getName() + ".history";

	private final CustomerService customers;

	private final AuditTrail audit;

	private final LifecycleService lifecycle;

	private final NodeChanges nodeChanges;

	private final Connections connections;

	CustomerController(CustomerService customers, AuditTrail audit, LifecycleService lifecycle, NodeChanges nodeChanges,
			BatchLoaderRegistry loaders, Connections connections) {
		this.connections = connections;
		this.customers = customers;
		this.audit = audit;
		this.lifecycle = lifecycle;
		this.nodeChanges = nodeChanges;
		loaders.<String, CustomerService.CustomerTags>forName(TAGS_LOADER)
			.registerMappedBatchLoader(
					(ids, env) -> Mono.fromSupplier(() -> customers.tagsOf(ids, Visibility.of(env.getContext()))));
		loaders.<HistoryKey, List<TagHistoryEntry>>forName(HISTORY_LOADER)
			.registerMappedBatchLoader(
					(keys, env) -> Mono.fromSupplier(() -> history(keys, Visibility.of(env.getContext()))));
	}

	/** A customer's history, of one tag or (tagCode null) of all. */
	record HistoryKey(String customerId, String tagCode) {
	}

	private Map<HistoryKey, List<TagHistoryEntry>> history(Set<HistoryKey> keys, Visibility visibility) {
		Map<HistoryKey, List<TagHistoryEntry>> result = new HashMap<>();
		// a HashMap takes the null key: the history of every tag
		Map<String, Set<String>> idsByTag = new HashMap<>();
		keys.forEach(key -> idsByTag.computeIfAbsent(key.tagCode(), k -> new HashSet<>()).add(key.customerId()));
		idsByTag.forEach((tagCode, ids) -> customers.tagHistory(ids, tagCode, visibility)
			.forEach((id, entries) -> result.put(new HistoryKey(id, tagCode), entries)));
		return result;
	}

	@QueryMapping
	Customer customer(@Argument String id, DataFetchingEnvironment env) {
		// the cheap AST check: DataFetchingFieldSelectionSet would normalise the whole
		// operation first
		if (!SelectedFields.any(env, "tags", "tagList", "portrait")) {
			return customers.customer(id);
		}
		CustomerService.CustomerTags found = customers.customerWithTags(id, Visibility.of(env.getGraphQlContext()));
		if (found == null) {
			return null;
		}
		env.getGraphQlContext().<Map<String, CustomerService
				.CustomerTags>>computeIfAbsent(PREFETCHED, k -> new HashMap<>())
			.put(id, found);
		return found.customer();
	}

	@SchemaMapping(typeName = "Customer")
	Object tags(Customer customer, DataFetchingEnvironment env) {
		return withTags(customer, env, CustomerService.CustomerTags::assignments);
	}

	@SchemaMapping(typeName = "Customer")
	Object portrait(Customer customer, DataFetchingEnvironment env) {
		return withTags(customer, env, found -> found.portrait(customer.id()));
	}

	@SchemaMapping(typeName = "Customer")
	List<Map<String, Object>> attributes(Customer customer) {
		return customer.attributes()
			.entrySet()
			.stream()
			.map(e -> Map.<String, Object>of("key", e.getKey(), "value", String.valueOf(e.getValue())))
			.toList();
	}

	@MutationMapping
	Customer assignTags(@Argument String customerId, @Argument List<String> tagCodes, @Argument Boolean replace,
			@ContextValue(name = RequestUser.KEY) String user) {
		return customers.assignTags(customerId, tagCodes, Boolean.TRUE.equals(replace), AssignmentSource.MANUAL, user);
	}

	@MutationMapping
	Customer removeTags(@Argument String customerId, @Argument List<String> tagCodes,
			@ContextValue(name = RequestUser.KEY) String user) {
		return customers.removeTags(customerId, tagCodes, user);
	}

	/** One query for every customer in the response, per distinct tagCode argument. */
	@SchemaMapping(typeName = "Customer")
	Object tagHistory(Customer customer, @Argument String tagCode, DataFetchingEnvironment env) {
		DataLoader<HistoryKey, List<TagHistoryEntry>> loader = env.getDataLoader(HISTORY_LOADER);
		return loader.load(new HistoryKey(customer.id(), tagCode))
			.thenApply(entries -> entries == null ? List.of() : entries);
	}

	/** A page of {@code tagHistory}, through the same loader. */
	@SchemaMapping(typeName = "Customer")
	CompletableFuture<Connection<TagHistoryEntry>> tagHistoryList(Customer customer, @Argument String tagCode,
			ScrollSubrange range, DataFetchingEnvironment env) {
		DataLoader<HistoryKey, List<TagHistoryEntry>> loader = env.getDataLoader(HISTORY_LOADER);
		return connections.page(loader.load(new HistoryKey(customer.id(), tagCode)), range, "tagHistory",
				CustomerController::historyKey);
	}

	/**
	 * An entry's key, sorting as the history does: when it came, when it went (never
	 * before one that went), the tag.
	 */
	private static String historyKey(TagHistoryEntry entry) {
		return String.join("|", String.valueOf(entry.assignedAt()), entry.removedAt() == null ? "~" : entry.removedAt(),
				entry.tagCode());
	}

	/**
	 * A page of {@code tags}, from the tags read with the customer or through the loader.
	 */
	@SchemaMapping(typeName = "Customer")
	CompletableFuture<Connection<TagAssignment>> tagList(Customer customer, ScrollSubrange range,
			DataFetchingEnvironment env) {
		Object tags = withTags(customer, env, CustomerService.CustomerTags::assignments);
		@SuppressWarnings("unchecked")
		CompletionStage<List<TagAssignment>> list = tags instanceof CompletionStage<?> loading
				? (CompletionStage<List<TagAssignment>>) loading
				: CompletableFuture.completedFuture((List<TagAssignment>) tags);
		return connections.page(list, range, "assignment", a -> a.tag().code());
	}

	@BatchMapping(typeName = "Customer", field = "history")
	Map<Customer, List<ChangeEvent>> history(List<Customer> list) {
		return audit.histories(ChangeKind.CUSTOMER, list, Customer::id);
	}

	@SchemaMapping(typeName = "Customer", field = "changes")
	CompletableFuture<Connection<ChangeEvent>> changes(Customer customer, ScrollSubrange range,
			DataFetchingEnvironment env) {
		return nodeChanges.of(ChangeKind.CUSTOMER, customer.id(), range, env);
	}

	/**
	 * The warnings of the deprecated tags each portrait shows, in one query for all
	 * portraits.
	 */
	@BatchMapping(typeName = "Portrait", field = "warnings")
	List<List<DeprecationWarning>> warnings(List<Portrait> portraits) {
		return lifecycle.warnings(portraits.stream()
			.map(p -> p.sections()
				.stream()
				.flatMap(s -> s.groups().stream())
				.flatMap(g -> g.assignments().stream())
				.map(a -> a.tag().code())
				.collect(Collectors.toCollection(LinkedHashSet::new)))
			.toList());
	}

	/**
	 * The field from the tags read with the customer when {@code customer(id)} prefetched
	 * them (then it completes at once, with no data loader round); otherwise through the
	 * batch loader, one query for every customer in the response.
	 */
	private static Object withTags(Customer customer, DataFetchingEnvironment env,
			Function<CustomerService.CustomerTags, ?> field) {
		GraphQLContext context = env.getGraphQlContext();
		Map<String, CustomerService.CustomerTags> prefetched = context.get(PREFETCHED);
		CustomerService.CustomerTags found = prefetched != null ? prefetched.get(customer.id()) : null;
		if (found != null) {
			return field.apply(found);
		}
		DataLoader<String, CustomerService.CustomerTags> loader = env.getDataLoader(TAGS_LOADER);
		return loader.load(customer.id()).thenApply(field);
	}

}
