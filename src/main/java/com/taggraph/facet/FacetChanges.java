package com.taggraph.facet;

/** Changes to a facet; null fields keep their value. */
public record FacetChanges(String name, String criterion) {
}
