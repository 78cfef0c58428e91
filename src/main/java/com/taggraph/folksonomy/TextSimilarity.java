package com.taggraph.folksonomy;

import org.apache.commons.text.similarity.JaccardSimilarity;

/**
 * How alike two normalised texts are, 0–1. Chinese tags are short and each character carries meaning,
 * so the measure is the overlap of their character sets (电动汽车 / 电动车: 0.75); a text contained
 * in the other counts at least 0.5 more, scaled by how much of the longer one it covers
 * (光伏 in 屋顶光伏: 0.75), because a qualified form names the same thing more narrowly.
 */
final class TextSimilarity {

	private static final JaccardSimilarity JACCARD = new JaccardSimilarity();

	/** Shorter texts than this are not taken as contained in longer ones: one character says too little. */
	private static final int MIN_CONTAINED = 2;

	private TextSimilarity() {
	}

	static double of(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		if (a.equals(b)) {
			return 1;
		}
		double overlap = JACCARD.apply(a, b);
		String shorter = a.length() <= b.length() ? a : b;
		String longer = shorter == a ? b : a;
		if (shorter.codePointCount(0, shorter.length()) >= MIN_CONTAINED && longer.contains(shorter)) {
			double covered = (double) shorter.length() / longer.length();
			return Math.max(overlap, 0.5 + 0.5 * covered);
		}
		return overlap;
	}
}
