package com.taggraph.taxonomy;

/**
 * One class of a scheme being imported, or as it stands in the graph ({@code line} 0). A
 * null property means "not given": a new class gets the default, an existing one keeps
 * its value.
 */
public record ClassRow(int line, String code, String parent, String name, String criterion, Boolean exclusive,
		Boolean exhaustive) {
}
