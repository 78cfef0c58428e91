package com.taggraph.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.taggraph.customer.BulkAssignments.ExclusiveBranch;

/**
 * The tag library as validation needs it, loaded once per import: tag codes as small
 * numbers, and for every tag the exclusive classes at or above its class with the branch
 * it falls in. Two tags conflict when they sit in different branches of one exclusive
 * class.
 */
final class TagLibrary {

	private final Map<String, Short> index = new HashMap<>();

	private final String[] codes;

	private final String[] classCodes;

	private final int[][] exclusiveClasses;

	private final int[][] branches;

	private TagLibrary(Map<String, List<ExclusiveBranch>> rules) {
		if (rules.size() > Short.MAX_VALUE) {
			throw new IllegalStateException("more than %d tags".formatted((int) Short.MAX_VALUE));
		}
		codes = new String[rules.size()];
		exclusiveClasses = new int[rules.size()][];
		branches = new int[rules.size()][];
		Map<String, Integer> names = new HashMap<>();
		short i = 0;
		for (var e : rules.entrySet()) {
			codes[i] = e.getKey();
			index.put(e.getKey(), i);
			List<ExclusiveBranch> list = e.getValue();
			exclusiveClasses[i] = new int[list.size()];
			branches[i] = new int[list.size()];
			for (int k = 0; k < list.size(); k++) {
				exclusiveClasses[i][k] = names.computeIfAbsent(list.get(k).exclusiveClass(), n -> names.size());
				branches[i][k] = names.computeIfAbsent(list.get(k).branch(), n -> names.size());
			}
			i++;
		}
		classCodes = new String[names.size()];
		names.forEach((name, n) -> classCodes[n] = name);
	}

	static TagLibrary of(Map<String, List<ExclusiveBranch>> rules) {
		return new TagLibrary(rules);
	}

	/** The tag's number, or -1 for a code that names no tag. */
	short index(String code) {
		Short i = index.get(code);
		return i == null ? -1 : i;
	}

	String code(short tag) {
		return codes[tag];
	}

	boolean hasRules(short tag) {
		return exclusiveClasses[tag].length > 0;
	}

	/**
	 * The exclusive class two different tags break together, or null when they may go
	 * together.
	 */
	String conflict(short a, short b) {
		int[] xa = exclusiveClasses[a];
		int[] xb = exclusiveClasses[b];
		for (int i = 0; i < xa.length; i++) {
			for (int k = 0; k < xb.length; k++) {
				if (xa[i] == xb[k] && branches[a][i] != branches[b][k]) {
					return classCodes[xa[i]];
				}
			}
		}
		return null;
	}

}
