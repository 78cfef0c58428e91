package com.taggraph.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates customers whose tags obey the library: exactly one customer-category tag
 * each; exactly one tag of every exhaustive class whose scope holds the customer; at most
 * one of every exclusive class; other tags with skewed popularity (a few common, a long
 * tail of rare ones), about 30 per customer. Deterministic for a seed, and streaming, so
 * it serves 10,000 demo customers and multi-million-row benchmark files alike.
 */
public final class CustomerGenerator {

	/**
	 * Share of high-voltage, low-voltage non-residential and residential customers, by
	 * category tag order.
	 */
	private static final double[] CATEGORY_SHARES = { 0.03, 0.15, 0.82 };

	private static final double EXCLUSIVE_OPTIONAL_SHARE = 0.35;

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭" };

	private static final String[] FIRMS = { "华能", "恒达", "鑫源", "宏盛", "新材料", "金属制品", "纺织", "食品", "物流", "置业", "商贸", "电子" };

	/** One tag as the generator sees it. */
	public record LibraryTag(String code, String classCode, boolean exclusive, boolean exhaustive, String classScope,
			String tagScope) {
	}

	/** A generated customer with the codes of its tags. */
	public record GeneratedCustomer(String id, String name, Map<String, Object> attributes, List<String> tags) {
	}

	private final List<String> categories;

	private final Map<String, Set<String>> scopes;

	private final Map<String, List<LibraryTag>> byClass = new LinkedHashMap<>();

	private final Map<String, Double> popularity = new HashMap<>();

	/**
	 * @param tags every tag with its class rules and its scope (F4 value)
	 * @param scopes each scope value and the customer-category tags that define it
	 * ({@code customersWithAnyOf})
	 */
	public CustomerGenerator(List<LibraryTag> tags, Map<String, Set<String>> scopes, long seed) {
		this.scopes = scopes;
		Set<String> categorySet = new LinkedHashSet<>();
		scopes.values().forEach(categorySet::addAll);
		this.categories = categorySet.stream().sorted().toList();
		for (LibraryTag tag : tags) {
			if (!categorySet.contains(tag.code())) {
				byClass.computeIfAbsent(tag.classCode(), k -> new ArrayList<>()).add(tag);
			}
		}
		// a stable, seeded popularity rank: tag k of the shuffled order is carried with
		// probability ~ (k+1)^-0.35
		List<String> free = new ArrayList<>(tags.stream()
			.filter(t -> !t.exclusive() && !categorySet.contains(t.code()))
			.map(LibraryTag::code)
			.sorted()
			.toList());
		java.util.Collections.shuffle(free, new Random(seed));
		for (int rank = 0; rank < free.size(); rank++) {
			popularity.put(free.get(rank), 0.9 * Math.pow(rank + 1, -0.35));
		}
	}

	public void generate(long count, long seed, Consumer<GeneratedCustomer> sink) {
		SplittableRandom random = new SplittableRandom(seed);
		for (long n = 1; n <= count; n++) {
			sink.accept(customer(n, random));
		}
	}

	private GeneratedCustomer customer(long n, SplittableRandom random) {
		int categoryIndex = pickCategory(random);
		String category = categories.get(categoryIndex);
		Set<String> inScope = new LinkedHashSet<>();
		scopes.forEach((scope, members) -> {
			if (members.contains(category)) {
				inScope.add(scope);
			}
		});
		List<String> tags = new ArrayList<>();
		tags.add(category);
		byClass.forEach((classCode, classTags) -> {
			LibraryTag first = classTags.get(0);
			List<LibraryTag> candidates = classTags.stream()
				.filter(t -> t.tagScope() == null || inScope.contains(t.tagScope()))
				.toList();
			if (candidates.isEmpty()) {
				return;
			}
			if (first.exclusive() || first.exhaustive()) {
				boolean mustHaveOne = first.exhaustive()
						&& (first.classScope() == null || inScope.contains(first.classScope()));
				if (mustHaveOne || (first.exclusive() && random.nextDouble() < EXCLUSIVE_OPTIONAL_SHARE)) {
					tags.add(skewedPick(candidates, random).code());
				}
			}
			else {
				for (LibraryTag tag : candidates) {
					if (random.nextDouble() < popularity.getOrDefault(tag.code(), 0.2)) {
						tags.add(tag.code());
					}
				}
			}
		});
		tags.sort(Comparator.naturalOrder());
		boolean residential = categoryIndex == categories.size() - 1;
		String name = residential ? SURNAMES[(int) (n % SURNAMES.length)] + "**"
				: FIRMS[(int) (n % FIRMS.length)] + "有限公司" + (n % 1000);
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("orgNo", "334%02d".formatted(n % 20 + 1));
		attributes.put("consSort", "%02d".formatted(categoryIndex + 1));
		return new GeneratedCustomer("33%08d".formatted(n), name, attributes, tags);
	}

	private int pickCategory(SplittableRandom random) {
		if (categories.size() != CATEGORY_SHARES.length) {
			return random.nextInt(categories.size());
		}
		double x = random.nextDouble();
		double cumulative = 0;
		for (int i = 0; i < CATEGORY_SHARES.length; i++) {
			cumulative += CATEGORY_SHARES[i];
			if (x < cumulative) {
				return i;
			}
		}
		return CATEGORY_SHARES.length - 1;
	}

	/** The first tags of a class are the common ones: weights 1, 1/2, 1/3, … */
	private static LibraryTag skewedPick(List<LibraryTag> candidates, SplittableRandom random) {
		double total = 0;
		for (int i = 0; i < candidates.size(); i++) {
			total += 1.0 / (i + 1);
		}
		double x = random.nextDouble() * total;
		for (int i = 0; i < candidates.size(); i++) {
			x -= 1.0 / (i + 1);
			if (x < 0) {
				return candidates.get(i);
			}
		}
		return candidates.get(candidates.size() - 1);
	}

}
