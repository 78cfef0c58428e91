package com.taggraph.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.error.DomainException;

/**
 * A tag's lineage, read in one Cypher statement and shaped here: upstream to the source systems, or
 * downstream to the tags derived from it. Bounded by depth and by the number of paths.
 */
@Service
public class LineageService {

	static final int MAX_PATHS = 2000;

	private final SourceRepository repository;

	LineageService(SourceRepository repository) {
		this.repository = repository;
	}

	@Transactional(readOnly = true)
	public Lineage lineage(String tagCode, boolean upstream, Integer maxDepth) {
		int depth = depth(maxDepth);
		if (upstream) {
			return upstream(List.of(tagCode), depth).get(tagCode);
		}
		List<Map<String, Object>> rows = repository.downstream(tagCode, depth, MAX_PATHS);
		return rows.isEmpty() ? null : shape(tagCode, rows, false, depth);
	}

	/** The upstream lineage of each tag, in one statement; unknown tags are left out. */
	@Transactional(readOnly = true)
	public Map<String, Lineage> upstream(Collection<String> tagCodes, int depth) {
		Map<String, List<Map<String, Object>>> rowsByTag = new LinkedHashMap<>();
		for (Map<String, Object> row : repository.upstream(tagCodes, depth, MAX_PATHS)) {
			rowsByTag.computeIfAbsent((String) row.get("tag"), k -> new ArrayList<>()).add(row);
		}
		Map<String, Lineage> lineages = new LinkedHashMap<>();
		rowsByTag.forEach((tag, rows) -> lineages.put(tag, shape(tag, rows, true, depth)));
		return lineages;
	}

	static int depth(Integer maxDepth) {
		int depth = maxDepth == null ? 10 : maxDepth;
		if (depth < 0 || depth > SourceRepository.DEPTH_CAP) {
			throw DomainException.invalid("maxDepth", "must be between 0 and %d, was %d".formatted(SourceRepository.DEPTH_CAP,
					depth));
		}
		return depth;
	}

	private static Lineage shape(String tagCode, List<Map<String, Object>> rows, boolean upstream, int depth) {
		boolean partial = rows.size() > MAX_PATHS;
		Map<String, Lineage.Node> nodes = new LinkedHashMap<>();
		Set<Lineage.Edge> edges = new LinkedHashSet<>();
		List<List<String>> paths = new ArrayList<>();
		Set<String> systems = new TreeSet<>();
		for (Map<String, Object> row : rows.subList(0, Math.min(rows.size(), MAX_PATHS))) {
			List<?> pathNodes = (List<?>) row.get("nodes");
			List<?> transforms = (List<?>) row.get("transforms");
			if (pathNodes.size() - 1 > depth) {
				partial = true;
				continue;
			}
			List<String> codes = new ArrayList<>();
			for (int i = 0; i < pathNodes.size(); i++) {
				Map<?, ?> node = (Map<?, ?>) pathNodes.get(i);
				String code = (String) node.get("code");
				codes.add(code);
				add(nodes, code, (String) node.get("kind"), (String) node.get("name"), i);
				if (i > 0) {
					String previous = codes.get(i - 1);
					String transform = (String) transforms.get(i - 1);
					// an edge always runs from the derived tag to what it is derived from
					edges.add(upstream ? new Lineage.Edge(previous, code, "DERIVED_FROM", transform)
							: new Lineage.Edge(code, previous, "DERIVED_FROM", transform));
				}
			}
			Map<?, ?> table = (Map<?, ?>) row.get("table");
			Map<?, ?> system = (Map<?, ?>) row.get("system");
			if (table != null && system != null) {
				String field = codes.get(codes.size() - 1);
				add(nodes, (String) table.get("code"), "SOURCE_TABLE", (String) table.get("name"), codes.size());
				add(nodes, (String) system.get("code"), "SOURCE_SYSTEM", (String) system.get("name"), codes.size() + 1);
				edges.add(new Lineage.Edge(field, (String) table.get("code"), "IN_TABLE", null));
				edges.add(new Lineage.Edge((String) table.get("code"), (String) system.get("code"), "IN_SYSTEM", null));
				codes.add((String) table.get("code"));
				codes.add((String) system.get("code"));
				systems.add((String) system.get("code"));
				paths.add(codes);
			}
			else if (!upstream && codes.size() > 1) {
				paths.add(codes);
			}
		}
		return new Lineage(tagCode, List.copyOf(nodes.values()), List.copyOf(edges), paths, List.copyOf(systems),
				partial);
	}

	/** Keeps each node once, at the fewest hops it was reached by. */
	private static void add(Map<String, Lineage.Node> nodes, String code, String kind, String name, int degree) {
		Lineage.Node known = nodes.get(code);
		if (known == null || known.degree() > degree) {
			nodes.put(code, new Lineage.Node(code, kind, name, degree));
		}
	}
}
