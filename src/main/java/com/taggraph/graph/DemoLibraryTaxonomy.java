package com.taggraph.graph;

import java.util.List;

/**
 * Writes the classes and tags of the demo library, APPROVED, in the caller's transaction. The taxonomy
 * module supplies it, as the one writer of classes and tags; graph owns the interface because it loads
 * the demo library before any feature runs.
 */
public interface DemoLibraryTaxonomy {

	/** A class as the demo library gives it; {@code parent} null for a root. */
	record DemoClass(String code, String parent, String name, String criterion, boolean exclusive,
			boolean exhaustive, String scope) {
	}

	/** A tag as the demo library gives it, in its class. */
	record DemoTag(String code, String classCode, String name, String rule) {
	}

	void writeClasses(List<DemoClass> classes);

	void writeTags(List<DemoTag> tags);
}
