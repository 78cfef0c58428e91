package com.taggraph.taxonomy;

import java.util.ArrayList;
import java.util.List;

/**
 * A constraint between tags of different classes, declared in the library: where a class
 * says which of its own tags exclude each other, a constraint says how tags of two
 * classes go together (低压居民 ⇒ 220/380 V; 信用A级 ⊥ 长期欠费). The rule report checks it on the
 * customers.
 *
 * @param kind IMPLIES: a carrier of {@code ifTag} carries at least one of
 * {@code thenTags}; EXCLUDES: none of them
 * @param reason why it holds, in words
 * @param thenTags ordered by code
 */
public record TagConstraint(String code, Kind kind, String name, String reason, Tag ifTag, List<Tag> thenTags) {

	/** How the carriers of the if-tag stand to the then-tags. */
	public enum Kind {

		/** they carry at least one of them */
		IMPLIES,
		/** they carry none of them */
		EXCLUDES

	}

	/** Every tag code the constraint names, the if-tag first. */
	public List<String> tagCodes() {
		List<String> codes = new ArrayList<>();
		codes.add(ifTag.code());
		thenTags.forEach(t -> codes.add(t.code()));
		return codes;
	}

}
