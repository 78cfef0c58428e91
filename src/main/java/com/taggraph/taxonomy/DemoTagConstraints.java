package com.taggraph.taxonomy;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import com.taggraph.graph.DemoLibraryPart;

/**
 * The demo library's {@code constraints}: the implications and exclusions between tags of
 * different classes that the real data obeys (低压居民 ⇒ 220/380 V, 信用A级 ⊥ 长期欠费…). Written
 * after the tags they name, validated as a GraphQL import is.
 */
@Component
@Order(4)
class DemoTagConstraints implements DemoLibraryPart {

	private final TagConstraintService constraints;

	DemoTagConstraints(TagConstraintService constraints) {
		this.constraints = constraints;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void write(Map<String, Object> library, Neo4jClient neo4j) {
		List<Map<String, Object>> rows = (List<Map<String, Object>>) library.getOrDefault("constraints", List.of());
		if (rows.isEmpty()) {
			return;
		}
		constraints.writeDemo(rows.stream()
			.map(r -> new TagConstraintInput((String) r.get("code"), TagConstraint.Kind.valueOf((String) r.get("kind")),
					(String) r.get("name"), (String) r.get("reason"), (String) r.get("if"),
					List.copyOf((List<String>) r.get("then"))))
			.toList());
	}

}
