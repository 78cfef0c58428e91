package com.taggraph.folksonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.taggraph.graph.CypherParameters;
import com.taggraph.graph.DemoProperties;
import com.taggraph.graph.StartupStep;
import com.taggraph.text.NormalizedText;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * After the demo customers exist, applies the library's sample free tags
 * ({@code freeTags}: a text and on how many customers) as staff would have: each by
 * several users over a few months, on customers whose controlled tags fit the idea (EV
 * owners among charging-pile customers, 空巢老人 among residents). Spellings of one idea
 * partly land on the same customers, because in practice two staff describing one
 * customer use their own words; that is the co-occurrence the clustering reads. Runs
 * once, in one transaction, and never over a database that has free tags.
 */
@Component
@Order(20)
class DemoFreeTags implements StartupStep {

	private static final Log log = LogFactory.getLog(DemoFreeTags.class);

	/**
	 * Spellings that express one idea, and the controlled tags of the customers it is
	 * about.
	 */
	record Idea(List<String> texts, List<String> customersWith) {
	}

	static final List<Idea> IDEAS = List.of(new Idea(List.of("电动汽车", "电动车", "EV车主"), List.of("T0701", "T0702")),
			new Idea(List.of("充电桩"), List.of("T0701", "T0702")),
			new Idea(List.of("光伏", "光伏 ", "屋顶光伏"), List.of("T0703", "T0704", "T0705")),
			new Idea(List.of("空巢老人", "独居老人"), List.of("T0103")), new Idea(List.of("租户", "租赁户"), List.of("T0103")),
			new Idea(List.of("ＶＩＰ", "vip"), List.of("T0601")), new Idea(List.of("重点客户"), List.of("T0605", "T0601")),
			new Idea(List.of("老板难沟通"), List.of("T0101", "T0102")), new Idea(List.of("厂房出租"), List.of("T0101", "T0102")),
			new Idea(List.of("疫情停产"), List.of("T0101", "T0102")), new Idea(List.of("夜间施工"), List.of("T0101", "T0102")));

	/** Account managers and call-centre agents. */
	static final List<String> STAFF = List.of("wang.fang", "li.jun", "zhang.wei", "chen.jing", "liu.yang", "zhao.lei");

	private static final OffsetDateTime FIRST_USE = OffsetDateTime.parse("2026-05-06T09:00:00+08:00");

	private static final int CANDIDATES = 500;

	private final FreeTagRepository repository;

	private final TransactionTemplate tx;

	private final Resource library;

	private final JsonMapper json;

	DemoFreeTags(FreeTagRepository repository, PlatformTransactionManager transactions, DemoProperties demo,
			JsonMapper json) {
		this.repository = repository;
		this.tx = new TransactionTemplate(transactions);
		this.library = demo.library();
		this.json = json;
	}

	@Override
	public void afterLibraryReady(boolean demoEnabled) {
		if (!demoEnabled) {
			return;
		}
		Map<String, Integer> samples = samples();
		if (samples.isEmpty()) {
			return;
		}
		Integer applied = tx.execute(status -> {
			if (repository.demoAppliedOrFreeTagsExist() || repository.customersWithAnyOf(List.of(), 1).isEmpty()) {
				return 0;
			}
			List<Map<String, Object>> rows = applications(samples);
			repository.addAll(rows);
			repository.markDemoApplied();
			return rows.size();
		});
		if (applied != null && applied > 0) {
			log.info("Applied %d demo free tags (%d texts) to demo customers".formatted(applied, samples.size()));
		}
	}

	/**
	 * Every application: customerId, text, normalized, by, at. Deterministic for a given
	 * database.
	 */
	private List<Map<String, Object>> applications(Map<String, Integer> samples) {
		Random random = new Random(20261127L);
		Set<String> used = new HashSet<>();
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Idea> ideas = new ArrayList<>(IDEAS);
		Set<String> covered = new HashSet<>();
		IDEAS.forEach(idea -> covered.addAll(idea.texts()));
		samples.keySet()
			.stream()
			.filter(t -> !covered.contains(t))
			.forEach(t -> ideas.add(new Idea(List.of(t), List.of())));
		for (int i = 0; i < ideas.size(); i++) {
			Idea idea = ideas.get(i);
			List<String> texts = idea.texts().stream().filter(samples::containsKey).toList();
			if (texts.isEmpty()) {
				continue;
			}
			// spellings with one normalised form go on different customers, or they would
			// collapse into one
			Map<String, Integer> perForm = new LinkedHashMap<>();
			texts.forEach(t -> perForm.merge(NormalizedText.normalize(t), samples.get(t), Integer::sum));
			int poolSize = perForm.values().stream().max(Integer::compare).orElse(0) + (perForm.size() > 1 ? 1 : 0);
			List<String> pool = pool(idea, poolSize, used, random);
			used.addAll(pool);
			Map<String, Set<String>> carriersOfForm = new HashMap<>();
			for (int t = 0; t < texts.size(); t++) {
				String text = texts.get(t);
				String normalized = NormalizedText.normalize(text);
				Set<String> taken = carriersOfForm.computeIfAbsent(normalized, k -> new HashSet<>());
				List<String> choices = new ArrayList<>(pool);
				choices.removeAll(taken);
				Collections.shuffle(choices, random);
				List<String> chosen = choices.subList(0, Math.min(samples.get(text), choices.size()));
				for (int k = 0; k < chosen.size(); k++) {
					taken.add(chosen.get(k));
					Map<String, Object> row = CypherParameters.of("customerId", chosen.get(k), "text", text,
							"normalized", normalized, "by", STAFF.get((i + t + k) % STAFF.size()), "at",
							FIRST_USE.plusDays(random.nextInt(150)).plusMinutes(random.nextInt(540)).toString());
					rows.add(row);
				}
			}
		}
		// written in time order, so each free tag's text is the spelling typed first
		rows.sort(java.util.Comparator.comparing(row -> OffsetDateTime.parse((String) row.get("at"))));
		return rows;
	}

	/**
	 * Customers for one idea: carriers of its tags first, any others if there are too
	 * few; none twice.
	 */
	private List<String> pool(Idea idea, int size, Set<String> used, Random random) {
		List<String> fitting = new ArrayList<>(repository.customersWithAnyOf(idea.customersWith(), CANDIDATES));
		fitting.removeAll(used);
		Collections.shuffle(fitting, random);
		Set<String> pool = new LinkedHashSet<>(fitting.subList(0, Math.min(size, fitting.size())));
		if (pool.size() < size) {
			for (String id : repository.customersWithAnyOf(List.of(), CANDIDATES + used.size() + size)) {
				if (pool.size() == size) {
					break;
				}
				if (!used.contains(id)) {
					pool.add(id);
				}
			}
		}
		return List.copyOf(pool);
	}

	/** The library's sample free tags: text as typed, and on how many customers. */
	private Map<String, Integer> samples() {
		try (InputStream in = library.getInputStream()) {
			Map<String, Object> data = json.readValue(in, new TypeReference<Map<String, Object>>() {
			});
			Map<String, Integer> samples = new LinkedHashMap<>();
			Object list = data.get("freeTags");
			if (list instanceof List<?> entries) {
				for (Object entry : entries) {
					Map<?, ?> sample = (Map<?, ?>) entry;
					samples.put((String) sample.get("text"), ((Number) sample.get("customers")).intValue());
				}
			}
			return samples;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the demo library " + library.getDescription(), e);
		}
	}

}
