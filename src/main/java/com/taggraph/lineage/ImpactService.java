package com.taggraph.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.customer.segment.SegmentService;
import com.taggraph.error.DomainException;
import com.taggraph.lineage.ImpactRepository.FieldRead;
import com.taggraph.lineage.ImpactRepository.ImpactRead;
import com.taggraph.lineage.ImpactRepository.TagRead;
import com.taggraph.lineage.SourceRepository.Derivation;
import com.taggraph.security.Visibility;

/**
 * Downstream impact of a source: the tags read in one statement, their degrees found here
 * by a breadth-first walk over the derivations returned, the customers counted on the
 * segment index's bitmaps (a union, so customers carrying several affected tags count
 * once).
 */
@Service
public class ImpactService {

	/** Affected tags listed in full; counts always cover every affected tag. */
	static final int MAX_TAGS = 5000;

	private final ImpactRepository repository;

	private final SegmentService segments;

	ImpactService(ImpactRepository repository, SegmentService segments) {
		this.repository = repository;
		this.segments = segments;
	}

	/**
	 * What a change to the source would touch, as the caller may see it: hidden tags are
	 * left out of the tags, the graph and every count, as are the tags reached only
	 * through them.
	 * @return null for an unknown source
	 */
	@Transactional(readOnly = true)
	public Impact impact(String sourceCode, Integer maxDepth, boolean countsOnly, Visibility visibility) {
		int depth = maxDepth == null ? 10 : maxDepth;
		if (depth < 1 || depth > SourceRepository.DEPTH_CAP) {
			throw DomainException.invalid("maxDepth",
					"must be between 1 and %d, was %d".formatted(SourceRepository.DEPTH_CAP, depth));
		}
		ImpactRead read = repository.read(sourceCode, visibility.hidden()).orElse(null);
		if (read == null) {
			return null;
		}
		Set<String> fieldCodes = new HashSet<>(read.fieldCodes());
		Map<String, TagRead> tagRows = new LinkedHashMap<>();
		for (TagRead tag : read.tags()) {
			tagRows.put(tag.code(), tag);
		}
		Map<String, Integer> degrees = degrees(tagRows, fieldCodes);

		List<String> within = new ArrayList<>();
		degrees.forEach((code, degree) -> {
			if (degree <= depth) {
				within.add(code);
			}
		});
		within.sort(Comparator.comparing((String code) -> degrees.get(code)).thenComparing(code -> code));
		boolean partial = within.size() < degrees.size();

		Map<String, Integer> tagsPerClass = new TreeMap<>();
		for (String code : within) {
			tagsPerClass.merge(tagRows.get(code).classCode(), 1, Integer::sum);
		}
		int customers = segments.customersWithAnyOf(within);
		Lineage.Node sourceNode = read.source();
		if (countsOnly) {
			return new Impact(sourceNode, List.of(), List.of(), List.of(), List.of(), fieldCodes.size(), within.size(),
					tagsPerClass.size(), customers, partial);
		}

		List<String> listed = within.size() > MAX_TAGS ? within.subList(0, MAX_TAGS) : within;
		partial |= listed.size() < within.size();
		List<Impact.Affected> affected = new ArrayList<>();
		for (String code : listed) {
			affected.add(new Impact.Affected(code, tagRows.get(code).classCode(), degrees.get(code),
					segments.tagCustomerCount(code)));
		}
		List<Impact.AffectedClass> classes = new ArrayList<>();
		tagsPerClass.forEach((code, count) -> classes.add(new Impact.AffectedClass(code, count)));
		Graph graph = new Graph(sourceNode);
		graph.draw(read.fields(), tagRows, affected, fieldCodes);
		return new Impact(sourceNode, List.copyOf(graph.nodes.values()), List.copyOf(graph.edges), affected, classes,
				fieldCodes.size(), within.size(), tagsPerClass.size(), customers, partial);
	}

	/**
	 * Fewest derivation hops from a field in scope to each tag: 1 for a tag derived from
	 * such a field, one more for each tag-to-tag derivation after that.
	 */
	private static Map<String, Integer> degrees(Map<String, TagRead> tagRows, Set<String> fieldCodes) {
		Map<String, List<String>> derivedBy = new HashMap<>();
		Map<String, Integer> starts = new LinkedHashMap<>();
		tagRows.forEach((code, tag) -> {
			for (Derivation from : tag.from()) {
				String upstream = from.source();
				if (fieldCodes.contains(upstream)) {
					starts.put(code, 1);
				}
				else if (tagRows.containsKey(upstream)) {
					derivedBy.computeIfAbsent(upstream, k -> new ArrayList<>()).add(code);
				}
			}
		});
		return Hops.from(starts, derivedBy);
	}

	/**
	 * The subgraph to draw: systems, tables and fields feeding the listed tags, the tags,
	 * their classes.
	 */
	private static final class Graph {

		final Map<String, Lineage.Node> nodes = new LinkedHashMap<>();

		final Set<Lineage.Edge> edges = new LinkedHashSet<>();

		Graph(Lineage.Node source) {
			nodes.put(source.code(), source);
		}

		void draw(List<FieldRead> fieldRows, Map<String, TagRead> tagRows, List<Impact.Affected> listed,
				Set<String> fieldCodes) {
			Map<String, FieldRead> fields = new HashMap<>();
			for (FieldRead field : fieldRows) {
				fields.put(field.code(), field);
			}
			Set<String> listedCodes = new HashSet<>();
			listed.forEach(tag -> listedCodes.add(tag.code()));
			for (Impact.Affected tag : listed) {
				TagRead tagRow = tagRows.get(tag.code());
				node(tag.code(), "TAG", tagRow.name(), tag.degree());
				String classCode = tagRow.classCode();
				node(classCode, "TAG_CLASS", tagRow.className(), tag.degree() + 1);
				edges.add(new Lineage.Edge(tag.code(), classCode, "IN_CLASS", null));
				for (Derivation from : tagRow.from()) {
					String upstream = from.source();
					String transform = from.transform();
					if (listedCodes.contains(upstream)) {
						edges.add(new Lineage.Edge(tag.code(), upstream, "DERIVED_FROM", transform));
					}
					else if (fieldCodes.contains(upstream)) {
						field(fields.get(upstream));
						edges.add(new Lineage.Edge(tag.code(), upstream, "DERIVED_FROM", transform));
					}
				}
			}
		}

		private void field(FieldRead field) {
			String code = field.code();
			String table = field.table();
			String system = field.system();
			node(code, "SOURCE_FIELD", field.name(), 0);
			node(table, "SOURCE_TABLE", field.tableName(), 0);
			node(system, "SOURCE_SYSTEM", field.systemName(), 0);
			edges.add(new Lineage.Edge(code, table, "IN_TABLE", null));
			edges.add(new Lineage.Edge(table, system, "IN_SYSTEM", null));
		}

		private void node(String code, String kind, String name, int degree) {
			Lineage.Node known = nodes.get(code);
			if (known == null || known.degree() > degree) {
				nodes.put(code, new Lineage.Node(code, kind, name, degree));
			}
		}

	}

}
