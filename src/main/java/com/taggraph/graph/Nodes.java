package com.taggraph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The statements on one node by its key that read the same for every label. The label and
 * key are constants of the graph model, never request text; the value is a parameter.
 */
public final class Nodes {

	private Nodes() {
	}

	/** Whether a node with the label has the value under the key. */
	public static boolean exist(Neo4jClient neo4j, String label, String key, Object value) {
		return neo4j.query("RETURN EXISTS { (:%s {%s: $value}) } AS found".formatted(label, key))
			.bind(value)
			.to("value")
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	/** Which of the codes nodes with the label have. */
	public static List<String> existing(Neo4jClient neo4j, String label, Collection<String> codes) {
		return List.copyOf(neo4j.query("UNWIND $codes AS code MATCH (n:%s {code: code}) RETURN n.code".formatted(label))
			.bind(new ArrayList<>(codes))
			.to("codes")
			.fetchAs(String.class)
			.all());
	}

	/**
	 * What already has the code in a code space two labels share: the name given for the
	 * first label that has it ({@code "class"} before {@code "tag"}), or null when the
	 * code is free.
	 */
	public static String takenBy(Neo4jClient neo4j, String code, String label, String name, String otherLabel,
			String otherName) {
		return neo4j.query("""
				OPTIONAL MATCH (a:%s {code: $code})
				OPTIONAL MATCH (b:%s {code: $code})
				WITH CASE WHEN a IS NOT NULL THEN $name WHEN b IS NOT NULL THEN $otherName END AS kind
				WHERE kind IS NOT NULL
				RETURN kind""".formatted(label, otherLabel))
			.bindAll(Map.of("code", code, "name", name, "otherName", otherName))
			.fetchAs(String.class)
			.first()
			.orElse(null);
	}

	/** Deletes the node with the label and code, with its relationships. */
	public static void delete(Neo4jClient neo4j, String label, String code) {
		neo4j.query("MATCH (n:%s {code: $code}) DETACH DELETE n".formatted(label)).bind(code).to("code").run();
	}

}
