package com.taggraph.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Relationships a module records in the change events of the nodes it links from, next to
 * their properties. Each module registers one bean listing its links, so the audit trail
 * reads a tag's class, facet values and sources without knowing the modules that own
 * them. The Cypher is written here from the graph model's labels and types, never from
 * request text.
 *
 * @param links what each kind of node records
 */
public record AuditedRelationships(List<Link> links) {

	public static AuditedRelationships of(Link... links) {
		return new AuditedRelationships(List.of(links));
	}

	/**
	 * The code of the one node {@code (n)-[:type]->(:label)}, recorded as {@code name};
	 * null when there is none.
	 */
	public static Link one(ChangeKind kind, String name, String type, String label) {
		return new Link(kind, "%s: [(n)-[:%s]->(x:%s) | x.code][0]".formatted(name, type, label));
	}

	/**
	 * The property of every node {@code (n)-[:type]->(:label)} (of any label when
	 * {@code label} is null), sorted, recorded as {@code name}.
	 */
	public static Link all(ChangeKind kind, String name, String type, String label, String property) {
		return new Link(kind, "%s: COLLECT { MATCH (n)-[:%s]->(x%s) RETURN x.%s ORDER BY x.%s }".formatted(name, type,
				label == null ? "" : ":" + label, property, property));
	}

	/** The state entries of one kind of node, for its state query. */
	static String entriesOf(List<AuditedRelationships> relationships, ChangeKind kind) {
		return relationships.stream()
			.flatMap(r -> r.links().stream())
			.filter(link -> link.kind() == kind)
			.map(Link::entry)
			.collect(Collectors.joining(",\n"));
	}

	/**
	 * One relationship entry of a kind's state.
	 *
	 * @param entry a Cypher map entry over the node {@code n}, such as
	 * {@code parent: [(n)-[:BROADER]->(x:TagClass) | x.code][0]}
	 */
	public record Link(ChangeKind kind, String entry) {
	}

}
