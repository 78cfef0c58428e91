package com.taggraph.taxonomy;

/** Changes to a class; a null field keeps its current value. */
public record TagClassChanges(String name, String criterion, Boolean exclusive, Boolean exhaustive, String scope,
		String overlapReason) {
}
