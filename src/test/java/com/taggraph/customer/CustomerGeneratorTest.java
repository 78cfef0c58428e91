package com.taggraph.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generator's customers obey the demo library's rules, read straight from the bundled
 * file.
 */
class CustomerGeneratorTest {

	@Test
	void customersObeyCategoryExhaustiveAndExclusiveRulesWithAboutThirtyTags() throws IOException {
		Library library = Library.demo();
		var generator = new CustomerGenerator(library.tags, library.scopes, 7);
		List<CustomerGenerator.GeneratedCustomer> customers = new ArrayList<>();
		generator.generate(10_000, 7, customers::add);

		Map<String, CustomerGenerator.LibraryTag> tags = library.tags.stream()
			.collect(Collectors.toMap(CustomerGenerator.LibraryTag::code, t -> t));
		Map<String, Integer> carried = new HashMap<>();
		for (var customer : customers) {
			List<String> categories = customer.tags()
				.stream()
				.filter(List.of("T0101", "T0102", "T0103")::contains)
				.toList();
			assertThat(categories).as(customer.id()).hasSize(1);
			Set<String> scopes = library.scopesOf(categories.get(0));
			Map<String, Long> perClass = customer.tags()
				.stream()
				.collect(Collectors.groupingBy(code -> tags.get(code).classCode(), Collectors.counting()));
			for (var tag : library.tags) {
				long inClass = perClass.getOrDefault(tag.classCode(), 0L);
				if (tag.exclusive()) {
					assertThat(inClass).as("%s in exclusive %s", customer.id(), tag.classCode()).isLessThanOrEqualTo(1);
				}
				if (tag.exhaustive() && scopes.contains(tag.classScope())) {
					assertThat(inClass).as("%s in exhaustive %s", customer.id(), tag.classCode()).isEqualTo(1);
				}
			}
			for (String code : customer.tags()) {
				String scope = tags.get(code).tagScope();
				assertThat(scope == null || scopes.contains(scope))
					.as("%s carries %s outside its scope", customer.id(), code)
					.isTrue();
				carried.merge(code, 1, Integer::sum);
			}
		}
		double average = customers.stream().mapToInt(c -> c.tags().size()).average().orElse(0);
		assertThat(average).isBetween(25.0, 35.0);
		List<Integer> frequencies = carried.values().stream().sorted().toList();
		assertThat(frequencies.get(0)).as("some tags are rare").isLessThan(500);
		assertThat(frequencies.get(frequencies.size() - 1)).as("some tags are common").isGreaterThan(7_000);
		assertThat(customers.stream().map(CustomerGenerator.GeneratedCustomer::id).distinct().count())
			.isEqualTo(10_000);
	}

	@Test
	void theSameSeedGivesTheSameCustomers() throws IOException {
		Library library = Library.demo();
		List<CustomerGenerator.GeneratedCustomer> a = new ArrayList<>();
		List<CustomerGenerator.GeneratedCustomer> b = new ArrayList<>();
		new CustomerGenerator(library.tags, library.scopes, 3).generate(200, 3, a::add);
		new CustomerGenerator(library.tags, library.scopes, 3).generate(200, 3, b::add);

		assertThat(a).isEqualTo(b);
	}

	/**
	 * The demo library as the generator sees it, read from the bundled JSON (no
	 * database).
	 */
	record Library(List<CustomerGenerator.LibraryTag> tags, Map<String, Set<String>> scopes) {

		@SuppressWarnings("unchecked")
		static Library demo() throws IOException {
			try (InputStream in = Library.class.getResourceAsStream("/demo/tag-library.json")) {
				Map<String, Object> data = JsonMapper.builder()
					.build()
					.readValue(in, new TypeReference<Map<String, Object>>() {
					});
				Map<String, Map<String, Object>> classes = ((List<Map<String, Object>>) data.get("classes")).stream()
					.collect(Collectors.toMap(c -> (String) c.get("code"), c -> c));
				Map<String, Set<String>> scopes = new HashMap<>();
				// the values of the facets and of their sub-facets (亚面), as the graph
				// holds them
				List<Map<String, Object>> facets = new ArrayList<>();
				for (var facet : (List<Map<String, Object>>) data.get("facets")) {
					facets.add(facet);
					facets.addAll((List<Map<String, Object>>) facet.getOrDefault("subFacets", List.of()));
				}
				for (var facet : facets) {
					for (var value : (List<Map<String, Object>>) facet.get("values")) {
						if (value.get("customersWithAnyOf") != null) {
							scopes.put((String) value.get("code"),
									new LinkedHashSet<>((List<String>) value.get("customersWithAnyOf")));
						}
					}
				}
				List<CustomerGenerator.LibraryTag> tags = new ArrayList<>();
				for (var tag : (List<Map<String, Object>>) data.get("tags")) {
					var c = classes.get((String) tag.get("class"));
					String tagScope = ((List<String>) tag.get("facetValues")).stream()
						.filter(scopes::containsKey)
						.findFirst()
						.orElse(null);
					tags.add(new CustomerGenerator.LibraryTag((String) tag.get("code"), (String) c.get("code"),
							Boolean.TRUE.equals(c.get("exclusive")), Boolean.TRUE.equals(c.get("exhaustive")),
							(String) c.get("scope"), tagScope));
				}
				return new Library(tags, scopes);
			}
		}

		Set<String> scopesOf(String category) {
			return scopes.entrySet()
				.stream()
				.filter(e -> e.getValue().contains(category))
				.map(Map.Entry::getKey)
				.collect(Collectors.toSet());
		}
	}

}
