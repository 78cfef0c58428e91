package com.taggraph.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;

/**
 * GraphQL mappings of customers, their tags and portraits. {@code customer(id)} asking for tags or a
 * portrait is answered with one query; lists of customers are batched, one query for all of them.
 */
@Controller
class CustomerController {

	/** Per request: the tags already read with the customer, so the field resolvers need no query. */
	private static final String PREFETCHED = CustomerController.class.getName() + ".prefetched";

	private final CustomerService customers;

	CustomerController(CustomerService customers) {
		this.customers = customers;
	}

	@QueryMapping
	Customer customer(@Argument String id, DataFetchingFieldSelectionSet selection, GraphQLContext context) {
		if (!selection.contains("tags") && !selection.contains("portrait")) {
			return customers.customer(id);
		}
		CustomerService.CustomerTags found = customers.customerWithTags(id);
		if (found == null) {
			return null;
		}
		context.<Map<String, CustomerService.CustomerTags>>computeIfAbsent(PREFETCHED, k -> new HashMap<>())
			.put(id, found);
		return found.customer();
	}

	@BatchMapping(typeName = "Customer")
	Map<Customer, List<TagAssignment>> tags(List<Customer> list, BatchLoaderEnvironment env) {
		var found = tagsOf(list, env);
		return list.stream().distinct()
			.collect(Collectors.toMap(Function.identity(), c -> found.get(c.id()).assignments()));
	}

	@BatchMapping(typeName = "Customer")
	Map<Customer, Portrait> portrait(List<Customer> list, BatchLoaderEnvironment env) {
		var found = tagsOf(list, env);
		return list.stream().distinct()
			.collect(Collectors.toMap(Function.identity(), c -> found.get(c.id()).portrait(c.id())));
	}

	@SchemaMapping(typeName = "Customer")
	List<Map<String, Object>> attributes(Customer customer) {
		return customer.attributes().entrySet().stream()
			.map(e -> Map.<String, Object>of("key", e.getKey(), "value", String.valueOf(e.getValue())))
			.toList();
	}

	@MutationMapping
	Customer assignTags(@Argument String customerId, @Argument List<String> tagCodes, @Argument Boolean replace) {
		return customers.assignTags(customerId, tagCodes, Boolean.TRUE.equals(replace));
	}

	@MutationMapping
	Customer removeTags(@Argument String customerId, @Argument List<String> tagCodes) {
		return customers.removeTags(customerId, tagCodes);
	}

	/** Prefetched entries where the query read them with the customer; one batched query for the rest. */
	private Map<String, CustomerService.CustomerTags> tagsOf(List<Customer> list, BatchLoaderEnvironment env) {
		Map<String, CustomerService.CustomerTags> prefetched = env.getContext() instanceof GraphQLContext context
				? context.getOrDefault(PREFETCHED, Map.of()) : Map.of();
		Map<String, CustomerService.CustomerTags> found = new HashMap<>(prefetched);
		List<String> missing = list.stream().map(Customer::id).filter(id -> !found.containsKey(id)).distinct().toList();
		if (!missing.isEmpty()) {
			found.putAll(customers.tagsOf(missing));
		}
		return found;
	}
}
