package com.taggraph.folksonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups free tags that probably mean one idea. Three signals: spellings with one normalised form are
 * already one free tag; texts alike ({@link TextSimilarity}); the same customers carrying both
 * (different staff tag one customer with their own words). Two free tags are linked when
 * {@code 1 − (1 − text)(1 − coOccurrence)} reaches {@link #LINK}; a cluster is a leader (its most
 * used member) and the free tags linked to it best.
 */
@Service
class FreeTagClustering {

	/** How many free tags, most used first, are compared pairwise (the comparison is quadratic). */
	static final int MAX_CLUSTERED = 2000;

	static final double LINK = 0.5;

	/** A suggestion below this is more likely chance than resemblance. */
	static final double SUGGEST = 0.4;

	static final int MAX_SUGGESTIONS = 3;

	private final FreeTagRepository repository;

	FreeTagClustering(FreeTagRepository repository) {
		this.repository = repository;
	}

	@Transactional(readOnly = true)
	public List<FreeTagCluster> clusters() {
		List<FreeTag> candidates = repository.list(FreeTagOrder.USAGE, MAX_CLUSTERED, false);
		Map<String, Integer> shared = new HashMap<>();
		for (var pair : repository.sharedCustomers(candidates.stream().map(FreeTag::normalized).toList())) {
			shared.put(pair.a() + '\u0000' + pair.b(), pair.shared());
		}
		int n = candidates.size();
		Map<Long, FreeTagCluster.Link> linked = new HashMap<>();
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				FreeTagCluster.Link link = link(candidates.get(i), candidates.get(j), shared);
				if (link.score() >= LINK) {
					linked.put(pair(i, j), link);
				}
			}
		}
		// Leader clustering, in usage order: a free tag joins the leader it links to best,
		// or leads a cluster of its own. Every member is linked to its leader directly, so a short text
		// contained in many (用户) cannot chain unrelated tags into one cluster as single linkage would.
		List<Integer> leaders = new ArrayList<>();
		Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			int best = -1;
			double bestScore = 0;
			for (int leader : leaders) {
				FreeTagCluster.Link link = linked.get(pair(leader, i));
				if (link != null && link.score() > bestScore) {
					best = leader;
					bestScore = link.score();
				}
			}
			if (best < 0) {
				leaders.add(i);
				groups.put(i, new ArrayList<>(List.of(i)));
			}
			else {
				groups.get(best).add(i);
			}
		}
		List<List<Integer>> clustered = groups.values().stream()
			.filter(members -> members.size() > 1 || candidates.get(members.get(0)).spellings().size() > 1)
			.toList();
		if (clustered.isEmpty()) {
			return List.of();
		}
		List<Integer> carriers = repository.distinctCarriers(clustered.stream()
			.map(members -> members.stream().map(i -> candidates.get(i).normalized()).toList()).toList());
		List<FreeTagRepository.VocabularyEntry> vocabulary = repository.vocabulary();
		List<FreeTagCluster> clusters = new ArrayList<>();
		for (int g = 0; g < clustered.size(); g++) {
			List<Integer> members = clustered.get(g); // in usage order, as the candidates are
			List<FreeTag> freeTags = members.stream().map(candidates::get).toList();
			Set<String> texts = new LinkedHashSet<>();
			freeTags.forEach(f -> f.spellings().forEach(s -> texts.add(s.text())));
			List<FreeTagCluster.Link> links = new ArrayList<>();
			for (int a = 0; a < members.size(); a++) {
				for (int b = a + 1; b < members.size(); b++) {
					FreeTagCluster.Link link = linked.get(pair(members.get(a), members.get(b)));
					if (link != null) {
						links.add(link);
					}
				}
			}
			FreeTag head = freeTags.get(0);
			String label = head.spellings().isEmpty() ? head.text() : head.spellings().get(0).text();
			clusters.add(new FreeTagCluster(head.normalized(), label, freeTags,
					List.copyOf(texts), carriers.get(g), links, suggestions(freeTags, vocabulary)));
		}
		clusters.sort(Comparator.comparingInt(FreeTagCluster::customers).reversed()
			.thenComparing(FreeTagCluster::id));
		return clusters;
	}

	private static FreeTagCluster.Link link(FreeTag a, FreeTag b, Map<String, Integer> shared) {
		String first = a.normalized().compareTo(b.normalized()) < 0 ? a.normalized() : b.normalized();
		String second = first.equals(a.normalized()) ? b.normalized() : a.normalized();
		int both = shared.getOrDefault(first + '\u0000' + second, 0);
		int fewer = Math.min(a.customers(), b.customers());
		double text = TextSimilarity.of(a.normalized(), b.normalized());
		double coOccurrence = fewer == 0 ? 0 : Math.min(1.0, (double) both / fewer);
		double score = 1 - (1 - text) * (1 - coOccurrence);
		return new FreeTagCluster.Link(a.normalized(), b.normalized(), round(text), round(coOccurrence), both,
				round(score));
	}

	/** The tags and classes whose names (or synonyms) best match any member's normalised text. */
	private static List<FreeTagCluster.Suggestion> suggestions(List<FreeTag> members,
			List<FreeTagRepository.VocabularyEntry> vocabulary) {
		List<FreeTagCluster.Suggestion> found = new ArrayList<>();
		for (var entry : vocabulary) {
			double best = 0;
			String reason = null;
			for (FreeTag member : members) {
				for (String name : entry.names()) {
					double score = TextSimilarity.of(member.normalized(), FreeTagText.normalize(name));
					if (score > best) {
						best = score;
						reason = "'%s' resembles %s %s '%s'".formatted(member.text(), entry.tag() == null ? "class" : "tag",
								entry.tag() == null ? entry.classCode() : entry.tag(), name);
					}
				}
			}
			if (best >= SUGGEST) {
				found.add(new FreeTagCluster.Suggestion(entry.tag(), entry.classCode(), round(best), reason));
			}
		}
		found.sort(Comparator.comparingDouble(FreeTagCluster.Suggestion::score).reversed()
			.thenComparing(s -> s.tagCode() == null ? s.classCode() : s.tagCode()));
		return List.copyOf(found.subList(0, Math.min(MAX_SUGGESTIONS, found.size())));
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	/** Key of the pair of candidates i and j (in either order). */
	private static long pair(int i, int j) {
		return i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
	}
}
