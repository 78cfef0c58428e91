package com.taggraph.customer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;

/**
 * The tag library the customer generator draws from, read over Bolt: every tag with its
 * class rules, and the facet values that scope customers to some tags. Customers
 * generated against it pass the import's validation.
 */
public record CustomerLibrary(List<CustomerGenerator.LibraryTag> tags, Map<String, Set<String>> scopes) {

	public static CustomerLibrary read(Driver driver) {
		Map<String, Set<String>> scopes = new LinkedHashMap<>();
		try (var session = driver.session()) {
			List<CustomerGenerator.LibraryTag> tags = session
				.run("""
						MATCH (t:Tag)-[:IN_CLASS]->(c:TagClass)
						OPTIONAL MATCH (t)-[:HAS_FACET_VALUE]->(scope:FacetValue) WHERE scope.customersWithAnyOf IS NOT NULL
						RETURN t.code AS code, c.code AS classCode, coalesce(c.exclusive, false) AS exclusive,
						       coalesce(c.exhaustive, false) AS exhaustive, c.scope AS classScope, scope.code AS tagScope ORDER BY code""")
				.list(r -> new CustomerGenerator.LibraryTag(r.get("code").asString(), r.get("classCode").asString(),
						r.get("exclusive").asBoolean(), r.get("exhaustive").asBoolean(),
						r.get("classScope").asString(null), r.get("tagScope").asString(null)));
			session.run(
					"MATCH (v:FacetValue) WHERE v.customersWithAnyOf IS NOT NULL RETURN v.code AS code, v.customersWithAnyOf AS tags")
				.forEachRemaining(r -> scopes.put(r.get("code").asString(),
						new LinkedHashSet<>(r.get("tags").asList(v -> v.asString()))));
			return new CustomerLibrary(tags, scopes);
		}
	}

	/** A generator over this library. */
	public CustomerGenerator generator(long seed) {
		return new CustomerGenerator(tags, scopes, seed);
	}

	/**
	 * Writes that many generated customers to a customers file and their assignments to
	 * an assignments file, both CSV as the imports take them; each id starts with the
	 * prefix in place of the generator's own two letters, so that rounds do not collide.
	 * @return the assignments written
	 */
	public long writeCsv(String idPrefix, long count, long seed, Path customers, Path assignments) throws IOException {
		long[] written = { 0 };
		try (BufferedWriter c = Files.newBufferedWriter(customers);
				BufferedWriter a = Files.newBufferedWriter(assignments)) {
			c.write("id,name,orgNo,consSort\n");
			a.write("customerId,tagCode\n");
			generator(seed).generate(count, seed, customer -> {
				String id = idPrefix + customer.id().substring(2);
				try {
					c.write(id + "," + customer.name() + "," + customer.attributes().get("orgNo") + ","
							+ customer.attributes().get("consSort") + "\n");
					for (String tag : customer.tags()) {
						a.write(id + "," + tag + "\n");
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				written[0] += customer.tags().size();
			});
		}
		return written[0];
	}

}
