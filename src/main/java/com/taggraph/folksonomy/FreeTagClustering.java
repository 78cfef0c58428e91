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

import com.taggraph.security.Visibility;
import com.taggraph.text.NormalizedText;

/**
 * Groups free tags that probably mean one idea. Three signals: spellings with one
 * normalised form are already one free tag; texts alike ({@link TextSimilarity}); the
 * same customers carrying both (different staff tag one customer with their own words).
 * Two free tags are linked when {@code 1 − (1 − text)(1 − coOccurrence)} reaches
 * {@link #LINK}; a cluster is a leader (its most used member) and the free tags linked to
 * it best.
 */
@Service
class FreeTagClustering {

	private static final org.apache.commons.logging.Log log = org.apache.commons.logging.LogFactory
		.getLog(FreeTagClustering.class);

	/**
	 * How many free tags, most used first, are compared pairwise (the comparison is
	 * quadratic).
	 */
	static final int MAX_CLUSTERED = 2000;

	static final double LINK = 0.5;

	/** A suggestion below this is more likely chance than resemblance. */
	static final double SUGGEST = 0.4;

	static final int MAX_SUGGESTIONS = 3;

	private final FreeTagRepository repository;

	FreeTagClustering(FreeTagRepository repository) {
		this.repository = repository;
	}

	/**
	 * The free tags in usage order, the links found between them, and the groups
	 * (indexes) that are clusters.
	 */
	private record Grouping(List<FreeTag> candidates, Map<Long, FreeTagCluster.Link> linked,
			List<List<Integer>> clustered) {

		List<FreeTag> members(List<Integer> indexes) {
			return indexes.stream().map(candidates::get).toList();
		}
	}

	/**
	 * The members of one cluster (most used first), or null when there is no such
	 * cluster. Groups only: a promotion needs neither the carrier counts nor the
	 * suggestions.
	 */
	List<FreeTag> members(String clusterId) {
		Grouping grouping = group();
		return grouping.clustered()
			.stream()
			.map(grouping::members)
			.filter(members -> members.get(0).normalized().equals(clusterId))
			.findFirst()
			.orElse(null);
	}

	/** The clusters, suggesting only tags the caller may see. */
	@Transactional(readOnly = true)
	public List<FreeTagCluster> clusters(Visibility visibility) {
		long started = System.nanoTime();
		Grouping grouping = group();
		List<FreeTag> candidates = grouping.candidates();
		Map<Long, FreeTagCluster.Link> linked = grouping.linked();
		List<List<Integer>> clustered = grouping.clustered();
		if (clustered.isEmpty()) {
			return List.of();
		}
		List<Integer> carriers = repository.distinctCarriers(clustered.stream()
			.map(members -> members.stream().map(i -> candidates.get(i).normalized()).toList())
			.toList());
		List<Named> vocabulary = repository.vocabulary(visibility.hidden())
			.stream()
			.flatMap(entry -> entry.names()
				.stream()
				.map(name -> new Named(entry, name, TextSimilarity.profile(NormalizedText.normalize(name)))))
			.toList();
		// a name can only resemble a text it shares a character with
		Map<Integer, List<Named>> namesWith = new HashMap<>();
		vocabulary.forEach(named -> {
			for (int c : named.profile().characters()) {
				namesWith.computeIfAbsent(c, k -> new ArrayList<>()).add(named);
			}
		});
		List<FreeTagCluster> clusters = new ArrayList<>();
		for (int g = 0; g < clustered.size(); g++) {
			List<Integer> members = clustered.get(g); // in usage order, as the candidates
														// are
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
			clusters.add(new FreeTagCluster(head.normalized(), label, freeTags, List.copyOf(texts), carriers.get(g),
					links, suggestions(freeTags, namesWith)));
		}
		if (log.isDebugEnabled()) {
			log.debug("Clustered %d free tags (%d links) into %d clusters in %d ms".formatted(candidates.size(),
					linked.size(), clusters.size(), (System.nanoTime() - started) / 1_000_000));
		}
		clusters.sort(Comparator.comparingInt(FreeTagCluster::customers).reversed().thenComparing(FreeTagCluster::id));
		return clusters;
	}

	private Grouping group() {
		List<FreeTag> candidates = repository.list(FreeTagOrder.USAGE, MAX_CLUSTERED, false, null, null);
		int n = candidates.size();
		Map<String, Integer> index = new HashMap<>();
		List<TextSimilarity.Profile> profiles = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			index.put(candidates.get(i).normalized(), i);
			profiles.add(TextSimilarity.profile(candidates.get(i).normalized()));
		}
		Map<Long, Integer> shared = sharedCustomers(repository.carriers(List.copyOf(index.keySet())), index);
		// Only pairs that share a character or a customer can link: find them through an
		// index of
		// characters instead of visiting all n² pairs.
		Map<Integer, List<Integer>> withCharacter = new HashMap<>();
		for (int i = 0; i < n; i++) {
			for (int c : profiles.get(i).characters()) {
				withCharacter.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
			}
		}
		Map<Long, FreeTagCluster.Link> linked = new HashMap<>();
		int[] visited = new int[n];
		java.util.Arrays.fill(visited, -1);
		for (int i = 0; i < n; i++) {
			for (int c : profiles.get(i).characters()) {
				for (int j : withCharacter.get(c)) {
					if (j > i && visited[j] != i) {
						visited[j] = i;
						addLink(linked, candidates, i, j, TextSimilarity.of(profiles.get(i), profiles.get(j)),
								shared.getOrDefault(pair(i, j), 0));
					}
				}
			}
		}
		shared.forEach((key, both) -> {
			int i = (int) (key >>> 32);
			int j = (int) (long) key;
			if (!linked.containsKey(key) && TextSimilarity.of(profiles.get(i), profiles.get(j)) == 0) {
				addLink(linked, candidates, i, j, 0, both);
			}
		});
		// Leader clustering, in usage order: a free tag joins the leader it links to
		// best,
		// or leads a cluster of its own. Every member is linked to its leader directly,
		// so a short text
		// contained in many (用户) cannot chain unrelated tags into one cluster as single
		// linkage would.
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
		List<List<Integer>> clustered = groups.values()
			.stream()
			.filter(members -> members.size() > 1 || candidates.get(members.get(0)).spellings().size() > 1)
			.toList();
		return new Grouping(candidates, linked, clustered);
	}

	private static void addLink(Map<Long, FreeTagCluster.Link> linked, List<FreeTag> candidates, int i, int j,
			double text, int both) {
		FreeTag a = candidates.get(i);
		FreeTag b = candidates.get(j);
		int fewer = Math.min(a.customers(), b.customers());
		double coOccurrence = fewer == 0 ? 0 : Math.min(1.0, (double) both / fewer);
		double score = 1 - (1 - text) * (1 - coOccurrence);
		if (score >= LINK) {
			linked.put(pair(i, j), new FreeTagCluster.Link(a.normalized(), b.normalized(), round(text),
					round(coOccurrence), both, round(score)));
		}
	}

	/** Customers shared by each pair of candidates, from each candidate's carriers. */
	private static Map<Long, Integer> sharedCustomers(Map<String, List<String>> carriers, Map<String, Integer> index) {
		Map<String, List<Integer>> tagsOf = new HashMap<>();
		carriers.forEach((normalized, customers) -> customers
			.forEach(customer -> tagsOf.computeIfAbsent(customer, k -> new ArrayList<>()).add(index.get(normalized))));
		Map<Long, Integer> shared = new HashMap<>();
		for (List<Integer> tags : tagsOf.values()) {
			for (int a = 0; a < tags.size(); a++) {
				for (int b = a + 1; b < tags.size(); b++) {
					shared.merge(pair(tags.get(a), tags.get(b)), 1, Integer::sum);
				}
			}
		}
		return shared;
	}

	/** A name a tag or class goes by, with its character profile. */
	private record Named(FreeTagRepository.VocabularyEntry entry, String name, TextSimilarity.Profile profile) {
	}

	/**
	 * The tags and classes whose names (or synonyms) best match any member's normalised
	 * text.
	 */
	private static List<FreeTagCluster.Suggestion> suggestions(List<FreeTag> members,
			Map<Integer, List<Named>> namesWith) {
		Map<FreeTagRepository.VocabularyEntry, FreeTagCluster.Suggestion> best = new LinkedHashMap<>();
		for (FreeTag member : members) {
			TextSimilarity.Profile text = TextSimilarity.profile(member.normalized());
			Set<Named> candidates = new LinkedHashSet<>();
			for (int c : text.characters()) {
				candidates.addAll(namesWith.getOrDefault(c, List.of()));
			}
			for (Named named : candidates) {
				double score = TextSimilarity.of(text, named.profile());
				var entry = named.entry();
				FreeTagCluster.Suggestion previous = best.get(entry);
				if (score >= SUGGEST && (previous == null || score > previous.score())) {
					String reason = "'%s' resembles %s %s '%s'".formatted(member.text(),
							entry.tag() == null ? "class" : "tag",
							entry.tag() == null ? entry.classCode() : entry.tag(), named.name());
					best.put(entry,
							new FreeTagCluster.Suggestion(entry.tag(), entry.classCode(), round(score), reason));
				}
			}
		}
		List<FreeTagCluster.Suggestion> found = new ArrayList<>(best.values());
		found.sort(Comparator.comparingDouble(FreeTagCluster.Suggestion::score)
			.reversed()
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
