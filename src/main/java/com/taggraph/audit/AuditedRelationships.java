package com.taggraph.audit;

/**
 * Relationships a module records in the change events of one kind of node, next to the
 * node's properties. Each module registers one bean per kind it links from, so the audit
 * trail reads a tag's class, facet values and sources without knowing the modules that
 * own them.
 *
 * @param kind the kind of node the relationships start from
 * @param entries Cypher map entries over the node {@code n}, such as
 * {@code parent: [(n)-[:BROADER]->(p:TagClass) | p.code][0]}; a constant, never request
 * text
 */
public record AuditedRelationships(ChangeKind kind, String entries) {
}
