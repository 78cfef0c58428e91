package com.taggraph.customer;

/**
 * Published after a bulk write (an import, its rollback or resume) commits: too many
 * customers changed to name them one by one, so listeners rebuild what they derive from
 * the graph.
 */
public record CustomersBulkChanged(String importId, String reason) {
}
