package com.taggraph.lineage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fewest hops to each node over derivations already read: a breadth-first walk, each node
 * once.
 */
final class Hops {

	private Hops() {
	}

	/**
	 * @param starts the nodes the walk starts from, each at its own degree (all the same)
	 * @param next for each node, the nodes one hop on
	 */
	static Map<String, Integer> from(Map<String, Integer> starts, Map<String, List<String>> next) {
		Map<String, Integer> degrees = new LinkedHashMap<>(starts);
		Deque<String> queue = new ArrayDeque<>(starts.keySet());
		while (!queue.isEmpty()) {
			String code = queue.poll();
			for (String reached : next.getOrDefault(code, List.of())) {
				if (!degrees.containsKey(reached)) {
					degrees.put(reached, degrees.get(code) + 1);
					queue.add(reached);
				}
			}
		}
		return degrees;
	}

}
