package com.taggraph.taxonomy;

/** A tag to create in class {@code classCode}. */
public record TagInput(String code, String name, String classCode, String rule) {
}
