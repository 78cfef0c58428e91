package com.taggraph.taxonomy;

/** Changes to a tag; a null field keeps its current value. */
public record TagChanges(String name, String rule) {
}
