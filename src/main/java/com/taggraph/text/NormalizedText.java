package com.taggraph.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normal form of typed text, under which spellings such as {@code ＶＩＰ},
 * {@code " vip "} and {@code VIP} count as one: free tags are keyed by it and tag search
 * matches free tags by it.
 */
public final class NormalizedText {

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private NormalizedText() {
	}

	/**
	 * NFKC (full-width to half-width, compatibility forms), trimmed, inner whitespace
	 * collapsed to one space, case-folded. Locale.ROOT so a Turkish default locale cannot
	 * change "I".
	 */
	public static String normalize(String text) {
		return tidy(text).toLowerCase(Locale.ROOT);
	}

	/**
	 * NFKC, trimmed, inner whitespace collapsed: how typed text reads as a name, case
	 * kept.
	 */
	public static String tidy(String text) {
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
		return SPACES.matcher(nfkc.strip()).replaceAll(" ");
	}

}
