package com.taggraph.taxonomy;

/**
 * One class of the hierarchy (等级列举式), as read from the graph.
 *
 * @param criterion the criterion (划分标准) its lower classes are divided by
 * @param exclusive its lower classes exclude each other (互斥)
 * @param exhaustive its lower classes cover it: every customer in {@code scope} has
 * exactly one of its tags
 * @param scope the facet value (F4) naming the customers an exhaustive class must cover
 * @param level 1 for a root
 * @param parentCode the upper class (上位类), null for a root
 * @param overlapReason why the lower classes or tags of a class that is not exclusive may
 * overlap (rule ② holds only where a class says so); null when not given
 */
public record TagClass(String code, String name, String criterion, boolean exclusive, boolean exhaustive, String scope,
		int level, String parentCode, String overlapReason) {
}
