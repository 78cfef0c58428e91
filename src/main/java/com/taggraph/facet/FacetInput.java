package com.taggraph.facet;

/** A new facet, or with {@code parentCode} a sub-facet. */
record FacetInput(String code, String name, String criterion, String parentCode) {
}
