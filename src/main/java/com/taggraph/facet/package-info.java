/**
 * Facets, sub-facets and their values, the classification of tags, and faceted tag
 * search.
 */
package com.taggraph.facet;
