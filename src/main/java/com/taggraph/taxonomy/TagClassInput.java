package com.taggraph.taxonomy;

/** A class to create; {@code parentCode} null makes a root. */
public record TagClassInput(String code, String name, String parentCode, String criterion, Boolean exclusive,
		Boolean exhaustive, String scope, String overlapReason) {
}
