package com.taggraph.folksonomy;

import com.taggraph.error.DomainException;
import com.taggraph.error.InputRules;
import com.taggraph.text.NormalizedText;

/**
 * The rules for free-tag text: what a steward may type, and the normalised form
 * ({@link NormalizedText}) under which spellings such as {@code ＶＩＰ}, {@code " vip "} and
 * {@code VIP} count as one free tag.
 */
public final class FreeTagText {

	/** Longest free tag accepted, in characters (code points) as typed. */
	public static final int MAX_LENGTH = InputRules.MAX_FREE_TAG;

	private FreeTagText() {
	}

	/**
	 * The text as typed, refused when it is empty after normalising or longer than
	 * {@link #MAX_LENGTH}.
	 */
	public static String require(String field, String text) {
		if (text == null || NormalizedText.normalize(text).isEmpty()) {
			throw DomainException.invalid(field, "free tag text is empty");
		}
		int length = text.codePointCount(0, text.length());
		if (length > MAX_LENGTH) {
			throw DomainException.invalid(field,
					"free tag text has " + length + " characters; at most " + MAX_LENGTH + " are allowed");
		}
		return text;
	}

}
