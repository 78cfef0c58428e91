package com.taggraph.customer.segment;

import java.util.List;

import com.taggraph.taxonomy.TagClass;

/**
 * Customers breaking one classification rule of one class.
 *
 * @param sampleCustomerIds up to 20 of them, the smallest ids first
 */
public record RuleViolation(Kind kind, TagClass tagClass, int customerCount, List<String> sampleCustomerIds,
		String description) {

	/** The rule broken. */
	public enum Kind {

		/**
		 * customers carrying tags from two or more branches of an exclusive class (同位类互斥)
		 */
		EXCLUSIVE,
		/**
		 * customers in an exhaustive class's scope carrying none of its tags (子类穷尽上位类)
		 */
		EXHAUSTIVE

	}
}
