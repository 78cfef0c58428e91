package com.taggraph.taxonomy;

/**
 * Batch key of {@code TagClass.descendants(maxDepth)}: one query per distinct maxDepth in
 * a request.
 */
record DescendantsKey(String classCode, Integer maxDepth) {
}
