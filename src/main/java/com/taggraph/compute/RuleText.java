package com.taggraph.compute;

/** A rule change as it waits for review: the SQL approval writes. */
record RuleText(String sql) {
}
