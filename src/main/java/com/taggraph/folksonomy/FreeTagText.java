package com.taggraph.folksonomy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import com.taggraph.error.DomainException;

/**
 * The rules for free-tag text: what a steward may type, and the normalised form under which
 * spellings such as {@code ＶＩＰ}, {@code " vip "} and {@code VIP} count as one free tag.
 */
public final class FreeTagText {

	/** Longest free tag accepted, in characters (code points) as typed. */
	public static final int MAX_LENGTH = 64;

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private FreeTagText() {
	}

	/**
	 * NFKC (full-width to half-width, compatibility forms), trimmed, inner whitespace collapsed to
	 * one space, case-folded. Locale.ROOT so a Turkish default locale cannot change "I".
	 */
	public static String normalize(String text) {
		return tidy(text).toLowerCase(Locale.ROOT);
	}

	/** NFKC, trimmed, inner whitespace collapsed: how a free tag reads as a controlled tag's name. */
	public static String tidy(String text) {
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
		return SPACES.matcher(nfkc.strip()).replaceAll(" ");
	}

	/** The text as typed, refused when it is empty after normalising or longer than {@link #MAX_LENGTH}. */
	public static String require(String field, String text) {
		if (text == null || normalize(text).isEmpty()) {
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
