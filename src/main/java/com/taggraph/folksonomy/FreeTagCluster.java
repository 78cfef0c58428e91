package com.taggraph.folksonomy;

import java.util.List;

/**
 * Free tags that probably mean one idea.
 *
 * @param id the normalised text of the most used member
 * @param texts every spelling of every member
 */
public record FreeTagCluster(String id, String label, List<FreeTag> freeTags, List<String> texts, int customers,
		List<Link> links, List<Suggestion> suggestions) {

	/** The evidence that two free tags mean the same. */
	public record Link(String from, String to, double textSimilarity, double coOccurrence, int sharedCustomers,
			double score) {
	}

	/** A controlled tag (tagCode set) or class that resembles the cluster. */
	public record Suggestion(String tagCode, String classCode, double score, String reason) {
	}
}
