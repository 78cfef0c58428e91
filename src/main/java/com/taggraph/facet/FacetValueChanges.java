package com.taggraph.facet;

/** Changes to a facet value; null fields keep their value. */
record FacetValueChanges(String name) {
}
