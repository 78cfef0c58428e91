package com.taggraph.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.error.DomainException;
import com.taggraph.lineage.SourceRepository.Derivation;
import com.taggraph.lineage.SourceRepository.Named;
import com.taggraph.lineage.SourceRepository.WalkedLineage;
import com.taggraph.lineage.SourceRepository.WalkedNode;
import com.taggraph.security.Visibility;

/**
 * A tag's lineage, read in one Cypher statement and shaped here: upstream to the source
 * systems, or downstream to the tags derived from it. Bounded by depth and by the number
 * of paths.
 */
@Service
public class LineageService {

	static final int MAX_PATHS = 2000;

	private final SourceRepository repository;

	LineageService(SourceRepository repository) {
		this.repository = repository;
	}

	/**
	 * A tag's lineage as the caller may see it: null for a hidden tag, as for an unknown
	 * one; hidden tags on the way are not walked.
	 */
	@Transactional(readOnly = true)
	public Lineage lineage(String tagCode, boolean upstream, Integer maxDepth, Visibility visibility) {
		return lineages(List.of(tagCode), upstream, depth(maxDepth), visibility).get(tagCode);
	}

	/**
	 * The upstream lineage of each tag, in one statement; unknown and hidden tags are
	 * left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, Lineage> upstream(Collection<String> tagCodes, int depth, Visibility visibility) {
		return lineages(tagCodes, true, depth, visibility);
	}

	private Map<String, Lineage> lineages(Collection<String> tagCodes, boolean upstream, int depth,
			Visibility visibility) {
		Map<String, Lineage> lineages = new LinkedHashMap<>();
		for (WalkedLineage walk : repository.lineages(tagCodes, upstream, depth, MAX_PATHS, visibility.hidden())) {
			lineages.put(walk.tag(), shape(walk, upstream, depth));
		}
		return lineages;
	}

	static int depth(Integer maxDepth) {
		int depth = maxDepth == null ? 10 : maxDepth;
		if (depth < 0 || depth > SourceRepository.DEPTH_CAP) {
			throw DomainException.invalid("maxDepth",
					"must be between 0 and %d, was %d".formatted(SourceRepository.DEPTH_CAP, depth));
		}
		return depth;
	}

	/**
	 * Nodes, edges and systems come from the set of nodes walked (complete within
	 * maxDepth, whatever the number of paths), their degrees from a breadth-first walk
	 * over the derivations read with them; the paths are listed up to the cap.
	 */
	private static Lineage shape(WalkedLineage walk, boolean upstream, int depth) {
		String tagCode = walk.tag();
		Map<String, WalkedNode> walked = new LinkedHashMap<>();
		for (WalkedNode node : walk.nodes()) {
			walked.put(node.code(), node);
		}
		Map<String, Integer> degrees = degrees(tagCode, walked, upstream);
		boolean partial = degrees.values().stream().anyMatch(degree -> degree > depth);

		Map<String, Lineage.Node> nodes = new LinkedHashMap<>();
		Set<Lineage.Edge> edges = new LinkedHashSet<>();
		Set<String> systems = new TreeSet<>();
		degrees.entrySet()
			.stream()
			.filter(e -> e.getValue() <= depth)
			.sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> {
				WalkedNode node = walked.get(e.getKey());
				add(nodes, e.getKey(), node.kind(), node.name(), e.getValue());
			});
		for (Lineage.Node node : List.copyOf(nodes.values())) {
			WalkedNode walkedNode = walked.get(node.code());
			if (walkedNode.isTag()) {
				for (Derivation from : walkedNode.from()) {
					if (nodes.containsKey(from.source())) {
						edges.add(new Lineage.Edge(node.code(), from.source(), "DERIVED_FROM", from.transform()));
					}
				}
			}
			else if (walkedNode.table() != null && walkedNode.system() != null) {
				Named table = walkedNode.table();
				Named system = walkedNode.system();
				add(nodes, table.code(), "SOURCE_TABLE", table.name(), node.degree() + 1);
				add(nodes, system.code(), "SOURCE_SYSTEM", system.name(), node.degree() + 2);
				edges.add(new Lineage.Edge(node.code(), table.code(), "IN_TABLE", null));
				edges.add(new Lineage.Edge(table.code(), system.code(), "IN_SYSTEM", null));
				systems.add(system.code());
			}
		}

		List<List<String>> pathRows = walk.paths();
		partial |= pathRows.size() > MAX_PATHS;
		List<List<String>> paths = new ArrayList<>();
		for (List<String> pathRow : pathRows.subList(0, Math.min(pathRows.size(), MAX_PATHS))) {
			List<String> codes = new ArrayList<>(pathRow);
			if (codes.size() - 1 > depth) {
				partial = true;
				continue;
			}
			WalkedNode end = walked.get(codes.get(codes.size() - 1));
			if (upstream && end != null && end.table() != null && end.system() != null) {
				codes.add(end.table().code());
				codes.add(end.system().code());
			}
			paths.add(codes);
		}
		return new Lineage(tagCode, List.copyOf(nodes.values()), List.copyOf(edges), paths, List.copyOf(systems),
				partial);
	}

	/**
	 * Fewest derivation hops from the tag to each node walked: upstream along what each
	 * tag is derived from, downstream along what is derived from each tag.
	 */
	private static Map<String, Integer> degrees(String root, Map<String, WalkedNode> walked, boolean upstream) {
		Map<String, List<String>> next = new HashMap<>();
		walked.forEach((code, node) -> {
			if (node.isTag()) {
				for (Derivation from : node.from()) {
					if (walked.containsKey(from.source())) {
						if (upstream) {
							next.computeIfAbsent(code, k -> new ArrayList<>()).add(from.source());
						}
						else {
							next.computeIfAbsent(from.source(), k -> new ArrayList<>()).add(code);
						}
					}
				}
			}
		});
		return Hops.from(Map.of(root, 0), next);
	}

	/** Keeps each node once, at the fewest hops it was reached by. */
	private static void add(Map<String, Lineage.Node> nodes, String code, String kind, String name, int degree) {
		Lineage.Node known = nodes.get(code);
		if (known == null || known.degree() > degree) {
			nodes.put(code, new Lineage.Node(code, kind, name, degree));
		}
	}

}
