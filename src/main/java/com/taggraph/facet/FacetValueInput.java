package com.taggraph.facet;

/** A new value of a facet or sub-facet. */
record FacetValueInput(String code, String name, String facetCode) {
}
