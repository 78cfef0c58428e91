package com.taggraph.compute;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.taggraph.customer.BulkAssignments;
import com.taggraph.customer.CustomerGenerator;

/**
 * The class rules checked on a run's results before anything is written, in the engine:
 * no customer in two branches of an exclusive class (the rule single writes apply), and
 * every customer in an exhaustive class's scope carrying one of its tags (checked once
 * every tag of the class has a result).
 */
class StructuralChecks {

	private final Connection connection;

	private final BulkAssignments bulk;

	private final int sampleSize;

	StructuralChecks(Connection connection, BulkAssignments bulk, int sampleSize) {
		this.connection = connection;
		this.bulk = bulk;
		this.sampleSize = sampleSize;
	}

	List<ClassRefusal> check(List<String> runTags) throws SQLException {
		Set<String> results = results();
		List<ClassRefusal> refused = new ArrayList<>();
		refused.addAll(exclusive(runTags, results));
		refused.addAll(exhaustive(runTags, results));
		return refused;
	}

	private Set<String> results() throws SQLException {
		return TagComputation
			.rows(connection,
					"SELECT table_name FROM information_schema.tables WHERE table_schema = '" + SourceEngine.TAG_SCHEMA
							+ "'")
			.stream()
			.map(row -> row[0])
			.collect(Collectors.toSet());
	}

	private List<ClassRefusal> exclusive(List<String> runTags, Set<String> results) throws SQLException {
		Map<String, Map<String, String>> branchesByClass = new LinkedHashMap<>();
		bulk.tagRules()
			.forEach((tag,
					branches) -> branches.forEach(branch -> branchesByClass
						.computeIfAbsent(branch.exclusiveClass(), k -> new LinkedHashMap<>())
						.put(tag, branch.branch())));
		List<ClassRefusal> refused = new ArrayList<>();
		for (var entry : branchesByClass.entrySet()) {
			Map<String, String> branchOf = entry.getValue();
			List<String> inRun = runTags.stream().filter(branchOf::containsKey).toList();
			List<String> computed = branchOf.keySet().stream().filter(results::contains).toList();
			if (inRun.isEmpty() || computed.size() < 2) {
				continue;
			}
			String union = computed.stream()
				.map(tag -> "SELECT customer, " + SourceEngine.literal(branchOf.get(tag)) + " AS branch FROM "
						+ SourceEngine.tagTable(tag))
				.collect(Collectors.joining(" UNION ALL "));
			String conflicts = "SELECT customer FROM (" + union
					+ ") GROUP BY customer HAVING count(DISTINCT branch) > 1";
			long count = TagComputation.count(connection, "SELECT count(*) FROM (" + conflicts + ")");
			if (count > 0) {
				List<String> sample = sample(conflicts);
				refused.add(new ClassRefusal(entry.getKey(), "EXCLUSIVE",
						"%d customers get tags of two branches of exclusive class '%s', e.g. %s".formatted(count,
								entry.getKey(), sample),
						count, sample, inRun));
			}
		}
		return refused;
	}

	private List<ClassRefusal> exhaustive(List<String> runTags, Set<String> results) throws SQLException {
		Map<String, List<CustomerGenerator.LibraryTag>> byClass = new LinkedHashMap<>();
		TagComputation.library(bulk)
			.values()
			.stream()
			.filter(CustomerGenerator.LibraryTag::exhaustive)
			.forEach(tag -> byClass.computeIfAbsent(tag.classCode(), k -> new ArrayList<>()).add(tag));
		Map<String, Set<String>> scopes = bulk.customerScopes();
		List<ClassRefusal> refused = new ArrayList<>();
		for (var entry : byClass.entrySet()) {
			List<String> tags = entry.getValue().stream().map(CustomerGenerator.LibraryTag::code).toList();
			List<String> inRun = tags.stream().filter(runTags::contains).toList();
			if (inRun.isEmpty() || !results.containsAll(tags)) {
				continue;
			}
			String scope = entry.getValue().get(0).classScope();
			String inScope = scopeCustomers(scope == null ? null : scopes.get(scope), results);
			if (inScope == null) {
				continue;
			}
			String carriers = tags.stream()
				.map(tag -> "SELECT customer FROM " + SourceEngine.tagTable(tag))
				.collect(Collectors.joining(" UNION "));
			String missing = "SELECT id AS customer FROM (" + inScope + ") EXCEPT SELECT customer FROM (" + carriers
					+ ")";
			long count = TagComputation.count(connection, "SELECT count(*) FROM (" + missing + ")");
			if (count > 0) {
				List<String> sample = sample(missing);
				refused.add(new ClassRefusal(entry.getKey(), "EXHAUSTIVE",
						"%d customers in the scope of exhaustive class '%s' get none of its tags, e.g. %s"
							.formatted(count, entry.getKey(), sample),
						count, sample, inRun));
			}
		}
		return refused;
	}

	/**
	 * The customers in scope: carriers of the scope's category tags, or every customer;
	 * null when a category tag has no result yet, so the scope is unknown.
	 */
	private static String scopeCustomers(Set<String> categories, Set<String> results) {
		String all = "SELECT id FROM " + SourceEngine.OWN_SCHEMA + ".customers";
		if (categories == null) {
			return all;
		}
		if (!results.containsAll(categories)) {
			return null;
		}
		Set<String> selects = new LinkedHashSet<>();
		categories.forEach(tag -> selects.add("SELECT customer AS id FROM " + SourceEngine.tagTable(tag)));
		return "SELECT id FROM (" + String.join(" UNION ", selects) + ") SEMI JOIN " + SourceEngine.OWN_SCHEMA
				+ ".customers k USING (id)";
	}

	private List<String> sample(String customers) throws SQLException {
		return TagComputation
			.rows(connection, "SELECT customer FROM (" + customers + ") ORDER BY customer LIMIT " + sampleSize)
			.stream()
			.map(row -> row[0])
			.toList();
	}

}
