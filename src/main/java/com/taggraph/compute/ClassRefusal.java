package com.taggraph.compute;

import java.util.List;

/**
 * A class whose computed tags broke a structural rule, so nothing was written for it.
 *
 * @param check EXCLUSIVE (a customer got two of its tags), EXHAUSTIVE (a customer in
 * scope got none) or OUTPUT (the rule returned a tag outside the class)
 * @param customers how many customers break it
 * @param sample some of them
 */
public record ClassRefusal(String classCode, String check, String message, long customers, List<String> sample,
		List<String> tags) {
}
