package com.taggraph.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.taggraph.taxonomy.TagClass;

/**
 * A customer portrait (客户画像): the customer's tags grouped by first-level class, then by
 * the class each tag sits in, every group with its class chain.
 */
public record Portrait(String customerId, int tagCount, List<Section> sections) {

	/** The groups under one first-level class. */
	public record Section(TagClass rootClass, List<Group> groups) {
	}

	/** The assignments in one class, with that class's chain (root first). */
	public record Group(TagClass tagClass, List<TagClass> classChain, List<TagAssignment> assignments) {
	}

	/**
	 * One assignment with the chain of its tag's class (empty if it reaches no root), as
	 * the portrait query returns it.
	 */
	record Entry(TagAssignment assignment, List<TagClass> classChain) {
	}

	/** Groups entries that arrive ordered by root, class and tag. */
	static Portrait of(String customerId, List<Entry> entries) {
		Map<String, Map<String, List<Entry>>> byRoot = new LinkedHashMap<>();
		int placed = 0;
		for (Entry e : entries) {
			if (e.classChain().isEmpty()) {
				continue; // a tag whose class does not reach a root has no place in a
							// portrait
			}
			placed++;
			TagClass root = e.classChain().get(0);
			TagClass own = e.classChain().get(e.classChain().size() - 1);
			byRoot.computeIfAbsent(root.code(), k -> new LinkedHashMap<>())
				.computeIfAbsent(own.code(), k -> new ArrayList<>())
				.add(e);
		}
		List<Section> sections = new ArrayList<>();
		byRoot.forEach((rootCode, byClass) -> {
			List<Group> groups = new ArrayList<>();
			byClass.forEach((classCode, group) -> {
				List<TagClass> chain = group.get(0).classChain();
				groups
					.add(new Group(chain.get(chain.size() - 1), chain, group.stream().map(Entry::assignment).toList()));
			});
			sections.add(new Section(groups.get(0).classChain().get(0), groups));
		});
		return new Portrait(customerId, placed, sections);
	}
}
