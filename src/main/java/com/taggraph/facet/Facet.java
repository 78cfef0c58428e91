package com.taggraph.facet;

/**
 * A facet (面) or, with a parent, a sub-facet (亚面): one aspect of tags divided by one
 * criterion.
 *
 * @param parentCode the facet a sub-facet divides; null for a top-level facet
 */
public record Facet(String code, String name, String criterion, String parentCode) {
}
