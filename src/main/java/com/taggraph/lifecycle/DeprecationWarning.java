package com.taggraph.lifecycle;

/**
 * A result (segment, portrait) that uses a deprecated tag, and what to use instead.
 *
 * @param replacedBy the replacement tag's code; null when none is named
 */
public record DeprecationWarning(String code, String tagCode, String replacedBy, String message) {

	static DeprecationWarning of(String tagCode, String tagName, String replacedBy) {
		return new DeprecationWarning("DEPRECATED_TAG", tagCode, replacedBy, "tag %s %s is deprecated%s".formatted(
				tagCode, tagName == null ? "" : tagName, replacedBy == null ? "" : "; use " + replacedBy + " instead"));
	}
}
