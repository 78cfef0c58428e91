package com.taggraph.folksonomy;

/**
 * How alike two normalised texts are, 0–1. Chinese tags are short and each character
 * carries meaning, so the measure is the overlap of their character sets (Jaccard: 电动汽车 /
 * 电动车 0.75); a text contained in the other counts at least 0.5 more, scaled by how much
 * of the longer one it covers (光伏 in 屋顶光伏: 0.75), because a qualified form names the same
 * thing more narrowly.
 *
 * <p>
 * Clustering compares every pair of up to 2,000 free tags, so each text's character set
 * is computed once ({@link #profile}) and pairs are compared by merging sorted code
 * points. (Commons Text's JaccardSimilarity builds both sets again for each pair: 3 s for
 * 2,000 free tags.)
 */
final class TextSimilarity {

	/**
	 * Shorter texts than this are not taken as contained in longer ones: one character
	 * says too little.
	 */
	private static final int MIN_CONTAINED = 2;

	/** A text with its distinct code points, sorted. */
	record Profile(String text, int[] characters, int length) {
	}

	private TextSimilarity() {
	}

	static Profile profile(String text) {
		return new Profile(text, text.codePoints().distinct().sorted().toArray(),
				text.codePointCount(0, text.length()));
	}

	static double of(String a, String b) {
		return of(profile(a), profile(b));
	}

	static double of(Profile a, Profile b) {
		if (a.length() == 0 || b.length() == 0) {
			return 0;
		}
		if (a.text().equals(b.text())) {
			return 1;
		}
		int shared = shared(a.characters(), b.characters());
		if (shared == 0) {
			return 0;
		}
		double overlap = (double) shared / (a.characters().length + b.characters().length - shared);
		Profile shorter = a.length() <= b.length() ? a : b;
		Profile longer = shorter == a ? b : a;
		// containment needs every character of the shorter text in the longer one: test
		// that first
		if (shorter.length() >= MIN_CONTAINED && shared == shorter.characters().length
				&& longer.text().contains(shorter.text())) {
			return Math.max(overlap, 0.5 + 0.5 * shorter.length() / longer.length());
		}
		return overlap;
	}

	private static int shared(int[] a, int[] b) {
		int i = 0;
		int j = 0;
		int shared = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				shared++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return shared;
	}

}
