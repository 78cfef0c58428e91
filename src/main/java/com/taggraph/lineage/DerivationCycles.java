package com.taggraph.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the new tag-to-tag derivations of an import that would close a cycle, together
 * with the derivations already in the graph and the file's earlier rows. One linear pass
 * (Tarjan's strongly connected components over graph and file together) clears a whole
 * file; only when it finds a cycle are the tags inside it searched row by row, so each
 * refused row can name its cycle.
 */
final class DerivationCycles {

	/** A new derivation from the file: {@code tag} derived from {@code from}. */
	record Edge(long line, String tag, String from) {
	}

	/**
	 * A row that closes a cycle.
	 *
	 * @param path the cycle from the row's tag round to it again, each tag derived from
	 * the next
	 * @param lines for each step of the path, the file line declaring it, or 0 when it is
	 * in the graph
	 */
	record Cycle(Edge edge, List<String> path, List<Long> lines) {
	}

	private final Map<String, Integer> ids = new HashMap<>();

	private final List<String> codes = new ArrayList<>();

	private final List<List<Integer>> derivedFrom = new ArrayList<>();

	/**
	 * @param existing tag-to-tag derivations in the graph (acyclic, as every write keeps
	 * them)
	 * @param edges the file's new tag-to-tag derivations, in file order, none from the
	 * tag itself
	 * @param limit the most cycles to name; the search stops there
	 */
	static List<Cycle> closedBy(List<DeclaredDerivation> existing, List<Edge> edges, int limit) {
		return new DerivationCycles().find(existing, edges, limit);
	}

	private List<Cycle> find(List<DeclaredDerivation> existing, List<Edge> edges, int limit) {
		if (edges.isEmpty()) {
			return List.of();
		}
		for (DeclaredDerivation d : existing) {
			derivedFrom.get(id(d.tag())).add(id(d.source()));
		}
		for (Edge e : edges) {
			derivedFrom.get(id(e.tag())).add(id(e.from()));
		}
		int[] component = new int[codes.size()];
		int[] size = components(component);
		if (size.length == codes.size()) {
			return List.of(); // every component is a single tag: no cycle anywhere
		}
		// Replay the file over the graph inside the cyclic components, one row at a time.
		Map<Integer, List<Integer>> replay = new HashMap<>();
		Map<Long, Long> fileLines = new HashMap<>();
		for (DeclaredDerivation d : existing) {
			int a = ids.get(d.tag());
			int b = ids.get(d.source());
			if (component[a] == component[b] && size[component[a]] > 1) {
				replay.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
			}
		}
		List<Cycle> cycles = new ArrayList<>();
		for (Edge e : edges) {
			int a = ids.get(e.tag());
			int b = ids.get(e.from());
			if (component[a] != component[b]) {
				continue;
			}
			List<Integer> back = path(replay, b, a);
			if (back == null) {
				replay.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
				fileLines.putIfAbsent(pair(a, b), e.line());
				continue;
			}
			List<String> path = new ArrayList<>();
			List<Long> lines = new ArrayList<>();
			path.add(e.tag());
			lines.add(e.line());
			for (int i = 0; i < back.size(); i++) {
				path.add(codes.get(back.get(i)));
				if (i + 1 < back.size()) {
					lines.add(fileLines.getOrDefault(pair(back.get(i), back.get(i + 1)), 0L));
				}
			}
			cycles.add(new Cycle(e, List.copyOf(path), List.copyOf(lines)));
			if (cycles.size() >= limit) {
				break;
			}
		}
		return cycles;
	}

	/**
	 * A shortest path of derivations from {@code from} to {@code to}, both included, or
	 * null.
	 */
	private static List<Integer> path(Map<Integer, List<Integer>> graph, int from, int to) {
		Map<Integer, Integer> parent = new HashMap<>();
		parent.put(from, from);
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		queue.add(from);
		while (!queue.isEmpty()) {
			int v = queue.poll();
			if (v == to) {
				List<Integer> path = new ArrayList<>();
				for (int x = to; x != from; x = parent.get(x)) {
					path.add(x);
				}
				path.add(from);
				Collections.reverse(path);
				return path;
			}
			for (int w : graph.getOrDefault(v, List.of())) {
				if (parent.putIfAbsent(w, v) == null) {
					queue.add(w);
				}
			}
		}
		return null;
	}

	/**
	 * Tarjan's strongly connected components, iterative so a long derivation chain cannot
	 * overflow the stack. Fills each tag's component and returns the components' sizes.
	 */
	private int[] components(int[] component) {
		int n = codes.size();
		int[] index = new int[n];
		int[] low = new int[n];
		java.util.Arrays.fill(index, -1);
		boolean[] onStack = new boolean[n];
		int[] stack = new int[n];
		int[] callNode = new int[n];
		int[] callNext = new int[n];
		List<Integer> sizes = new ArrayList<>();
		int counter = 0;
		int top = 0;
		for (int start = 0; start < n; start++) {
			if (index[start] >= 0) {
				continue;
			}
			int depth = 0;
			callNode[depth] = start;
			callNext[depth++] = 0;
			index[start] = low[start] = counter++;
			stack[top++] = start;
			onStack[start] = true;
			while (depth > 0) {
				int v = callNode[depth - 1];
				List<Integer> out = derivedFrom.get(v);
				if (callNext[depth - 1] < out.size()) {
					int w = out.get(callNext[depth - 1]++);
					if (index[w] < 0) {
						index[w] = low[w] = counter++;
						stack[top++] = w;
						onStack[w] = true;
						callNode[depth] = w;
						callNext[depth++] = 0;
					}
					else if (onStack[w]) {
						low[v] = Math.min(low[v], index[w]);
					}
					continue;
				}
				depth--;
				if (low[v] == index[v]) {
					int members = 0;
					int w;
					do {
						w = stack[--top];
						onStack[w] = false;
						component[w] = sizes.size();
						members++;
					}
					while (w != v);
					sizes.add(members);
				}
				if (depth > 0) {
					int parent = callNode[depth - 1];
					low[parent] = Math.min(low[parent], low[v]);
				}
			}
		}
		return sizes.stream().mapToInt(Integer::intValue).toArray();
	}

	private int id(String code) {
		return ids.computeIfAbsent(code, c -> {
			codes.add(c);
			derivedFrom.add(new ArrayList<>());
			return codes.size() - 1;
		});
	}

	private static long pair(int tag, int from) {
		return ((long) tag << 32) | (from & 0xffffffffL);
	}

}
