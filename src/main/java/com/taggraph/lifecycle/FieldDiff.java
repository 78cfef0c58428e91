package com.taggraph.lifecycle;

/**
 * One field a pending change would change: its approved value and the proposed one, as
 * text (lists joined with ", "; null when absent).
 */
public record FieldDiff(String field, String approved, String proposed) {
}
