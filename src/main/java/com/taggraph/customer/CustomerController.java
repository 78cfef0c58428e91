package com.taggraph.customer;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL mappings of customers, their tags and portraits; list fields are batched across customers. */
@Controller
class CustomerController {

	private final CustomerService customers;

	CustomerController(CustomerService customers) {
		this.customers = customers;
	}

	@QueryMapping
	Customer customer(@Argument String id) {
		return customers.customer(id);
	}

	@BatchMapping(typeName = "Customer")
	Map<Customer, List<TagAssignment>> tags(List<Customer> list) {
		var found = customers.assignments(list.stream().map(Customer::id).toList());
		return list.stream().distinct()
			.collect(Collectors.toMap(Function.identity(), c -> found.getOrDefault(c.id(), List.of())));
	}

	@BatchMapping(typeName = "Customer")
	Map<Customer, Portrait> portrait(List<Customer> list) {
		var found = customers.portraits(list.stream().map(Customer::id).toList());
		return list.stream().distinct().collect(Collectors.toMap(Function.identity(), c -> found.get(c.id())));
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
}
