package com.taggraph.security;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * The tags classified into a sensitive facet value
 * ({@code taggraph.security.sensitive-facet-values}, F8.L3 and F8.L4 in the demo), which
 * viewers do not see ({@link VisibilityPolicy}). Read in one statement and kept for a few
 * seconds, so a request costs at most one extra read however many tags it returns; a
 * reclassified tag is hidden within that time.
 */
@Component
class SensitiveTags {

	private final Neo4jClient neo4j;

	private final Set<String> values;

	private final LoadingCache<Boolean, Set<String>> codes;

	SensitiveTags(Neo4jClient neo4j, SecurityProperties properties) {
		this.neo4j = neo4j;
		this.values = Set.copyOf(properties.sensitiveFacetValues());
		this.codes = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).build(key -> read());
	}

	/** The codes of the sensitive tags now. */
	public Set<String> codes() {
		return values.isEmpty() ? Set.of() : codes.get(Boolean.TRUE);
	}

	private Set<String> read() {
		return new HashSet<>(neo4j.query("""
				MATCH (t:Tag)-[:HAS_FACET_VALUE]->(v:FacetValue) WHERE v.code IN $values
				RETURN DISTINCT t.code AS code""")
			.bind(values)
			.to("values")
			.fetchAs(String.class)
			.mappedBy((types, row) -> row.get("code").asString())
			.all());
	}

}
