package com.taggraph.facet;

import java.util.List;

import com.taggraph.taxonomy.Tag;

/** One top-level facet's gaps: tags with no value in it, and tags with more than one. */
public record FacetCoverage(Facet facet, List<Tag> tagsWithout, List<Tag> tagsWithSeveral) {
}
