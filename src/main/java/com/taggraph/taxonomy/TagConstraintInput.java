package com.taggraph.taxonomy;

import java.util.List;

/**
 * A constraint to create, in the shape of the library file's {@code constraints} section
 * and of the {@code tagConstraints} export.
 */
public record TagConstraintInput(String code, TagConstraint.Kind kind, String name, String reason, String ifTag,
		List<String> thenTags) {
}
