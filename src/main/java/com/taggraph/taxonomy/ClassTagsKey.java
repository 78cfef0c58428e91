package com.taggraph.taxonomy;

/**
 * Batch key of {@code TagClass.tags(includeDescendants)}: at most two queries per
 * request.
 */
record ClassTagsKey(String classCode, boolean includeDescendants) {
}
