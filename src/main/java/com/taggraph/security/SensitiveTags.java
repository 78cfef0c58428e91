package com.taggraph.security;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.TypeVariable;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.taggraph.taxonomy.Tag;

/**
 * The tags classified into a sensitive facet value ({@code taggraph.security.sensitive-facet-values}, F8.L3 and
 * F8.L4 in the demo), which viewers do not see. Read in one statement and kept for a few seconds, so a request
 * costs at most one extra read however many tags it returns; a reclassified tag is hidden within that time.
 */
@Component
public class SensitiveTags {

	private static final Function<Object, String> NO_TAG = value -> null;

	private final Neo4jClient neo4j;

	private final Set<String> values;

	private final LoadingCache<Boolean, Set<String>> codes;

	private final Map<Class<?>, Function<Object, String>> tagOf = new ConcurrentHashMap<>();

	SensitiveTags(Neo4jClient neo4j, SecurityProperties properties) {
		this.neo4j = neo4j;
		this.values = Set.copyOf(properties.sensitiveFacetValues());
		this.codes = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).build(key -> read());
	}

	/** The codes of the sensitive tags now. */
	public Set<String> codes() {
		return values.isEmpty() ? Set.of() : codes.get(Boolean.TRUE);
	}

	/** The code of the tag a value is or holds (a {@link Tag}, or a record with a Tag component), else null. */
	String tagCodeOf(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Tag tag) {
			return tag.code();
		}
		return tagOf.computeIfAbsent(value.getClass(), SensitiveTags::accessor).apply(value);
	}

	private static Function<Object, String> accessor(Class<?> type) {
		if (!type.isRecord()) {
			return NO_TAG;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			// a Tag component, or a generic one (the node of a connection's edge) that may hold a tag
			if (component.getType() == Tag.class || component.getGenericType() instanceof TypeVariable<?>) {
				Method read = component.getAccessor();
				// results are often package-private records of their feature
				read.setAccessible(true);
				return value -> {
					try {
						return read.invoke(value) instanceof Tag tag ? tag.code() : null;
					}
					catch (ReflectiveOperationException ex) {
						throw new IllegalStateException(ex);
					}
				};
			}
		}
		return NO_TAG;
	}

	private Set<String> read() {
		return new HashSet<>(neo4j.query("""
				MATCH (t:Tag)-[:HAS_FACET_VALUE]->(v:FacetValue) WHERE v.code IN $values
				RETURN DISTINCT t.code AS code""")
			.bind(values).to("values")
			.fetchAs(String.class).mappedBy((types, row) -> row.get("code").asString())
			.all());
	}
}
