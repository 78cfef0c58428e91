package com.taggraph.compute;

/** One column of a staged table, as the engine summarises it. */
public record ColumnProfile(String name, String type, long nullCount, long distinctCount, String min, String max,
		boolean registered) {
}
