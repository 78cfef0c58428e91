package com.taggraph.taxonomy;

/**
 * One controlled tag, as read from the graph.
 *
 * @param rule the computation rule in words
 * @param status lifecycle status: DRAFT, IN_REVIEW, APPROVED or DEPRECATED
 * @param classCode the class it sits in
 */
public record Tag(String code, String name, String rule, String status, String classCode) {
}
