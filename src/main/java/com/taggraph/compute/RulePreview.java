package com.taggraph.compute;

import java.util.List;

/** A draft rule run without saving. */
public record RulePreview(long customers, List<TagCount> tags, List<String> sample, List<String> fields,
		List<String> inputTags, long millis) {

	/** A tag and how many customers it matched. */
	public record TagCount(String tag, long customers) {
	}

}
