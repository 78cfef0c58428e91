package com.taggraph.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.taggraph.importing.ImportProblem;

/**
 * Checks an imported class scheme against itself and the classes already in the graph:
 * duplicate codes, codes taken by tags, unknown parents and cycles (including cycles
 * closed through existing classes). Pure Java over a snapshot read in the import's
 * transaction.
 */
final class ClassScheme {

	private final List<ClassRow> rows;

	private final Map<String, ClassRow> existing;

	private final Set<String> tagCodes;

	private final List<ImportProblem> problems = new ArrayList<>();

	/** Each row by code, first occurrence wins. */
	private final Map<String, ClassRow> incoming = new LinkedHashMap<>();

	ClassScheme(List<ClassRow> rows, Map<String, ClassRow> existing, Collection<String> tagCodes) {
		this.rows = rows;
		this.existing = existing;
		this.tagCodes = Set.copyOf(tagCodes);
	}

	List<ImportProblem> validate() {
		for (ClassRow row : rows) {
			ClassRow first = incoming.putIfAbsent(row.code(), row);
			if (first != null) {
				problem(row, "code", "DUPLICATE",
						"duplicate code '%s': already defined on line %d".formatted(row.code(), first.line()));
			}
			else if (tagCodes.contains(row.code())) {
				problem(row, "code", "CODE_CONFLICT", "code '%s' is already used by a tag".formatted(row.code()));
			}
		}
		for (ClassRow row : incoming.values()) {
			String parent = row.parent();
			if (parent == null) {
				continue;
			}
			if (parent.equals(row.code())) {
				problem(row, "parent", "CYCLE", "cycle: class '%s' cannot be its own parent".formatted(row.code()));
			}
			else if (!incoming.containsKey(parent) && !existing.containsKey(parent)) {
				problem(row, "parent", "UNKNOWN_PARENT",
						"unknown parent '%s' of class '%s'".formatted(parent, row.code()));
			}
		}
		findCycles();
		problems.sort(java.util.Comparator.comparingLong(ImportProblem::lineOrZero));
		return problems;
	}

	/**
	 * The structural rules GraphQL writes enforce, over the tree as the import would
	 * leave it (call after {@link #validate}, which reports cycles; the check itself
	 * stops on one). A row's criterion or exhaustive left empty keeps the class's current
	 * value, as the write does.
	 * @param classesWithTags the classes of the graph holding a tag directly (the import
	 * moves no tag)
	 */
	List<ImportProblem> structuralProblems(Set<String> classesWithTags) {
		Map<String, SchemeStructure.Node> before = new HashMap<>();
		existing.forEach((code, row) -> before.put(code, node(row, null)));
		Map<String, SchemeStructure.Node> after = new HashMap<>(before);
		incoming.forEach((code, row) -> after.put(code, node(row, existing.get(code))));
		List<ImportProblem> found = new ArrayList<>();
		for (SchemeStructure.Violation v : SchemeStructure.check(before, after, classesWithTags, classesWithTags,
				incoming.keySet())) {
			ClassRow row = incoming.get(v.through() != null ? v.through() : v.code());
			String field = v.through() != null ? "parent"
					: SchemeStructure.DIVISION_WITHOUT_CRITERION.equals(v.rule()) ? "criterion" : "exhaustive";
			found.add(
					ImportProblem
						.at(row == null ? 0 : row.line(), row == null ? v.code() : row.code(), field, "STRUCTURAL_RULE",
								v.message())
						.withRule(v.rule()));
		}
		found.sort(java.util.Comparator.comparingLong(ImportProblem::lineOrZero));
		return found;
	}

	/**
	 * The class as the import leaves it: a row's empty criterion or exhaustive keeps the
	 * current one.
	 */
	private static SchemeStructure.Node node(ClassRow row, ClassRow current) {
		String criterion = row.criterion() != null || current == null ? row.criterion() : current.criterion();
		Boolean exhaustive = row.exhaustive() != null || current == null ? row.exhaustive() : current.exhaustive();
		return new SchemeStructure.Node(row.parent(), criterion, Boolean.TRUE.equals(exhaustive));
	}

	/**
	 * Rows that differ from the graph, split into new and changed; unchanged ones are
	 * counted only.
	 */
	Changes changes() {
		List<ClassRow> created = new ArrayList<>();
		List<ClassRow> updated = new ArrayList<>();
		int unchanged = 0;
		for (ClassRow row : incoming.values()) {
			ClassRow current = existing.get(row.code());
			if (current == null) {
				created.add(row);
			}
			else if (differs(row, current)) {
				updated.add(row);
			}
			else {
				unchanged++;
			}
		}
		return new Changes(created, updated, unchanged);
	}

	record Changes(List<ClassRow> created, List<ClassRow> updated, int unchanged) {
	}

	private static boolean differs(ClassRow row, ClassRow current) {
		return !Objects.equals(row.parent(), current.parent()) || !Objects.equals(row.name(), current.name())
				|| given(row.criterion(), current.criterion()) || given(row.exclusive(), current.exclusive())
				|| given(row.exhaustive(), current.exhaustive());
	}

	private static boolean given(Object value, Object current) {
		return value != null && !value.equals(current);
	}

	/**
	 * Walks up from every incoming class over the merged parent map; each cycle is
	 * reported once.
	 */
	private void findCycles() {
		Set<String> acyclic = new HashSet<>();
		Set<Set<String>> reported = new HashSet<>();
		for (ClassRow row : incoming.values()) {
			List<String> path = new ArrayList<>();
			Map<String, Integer> onPath = new HashMap<>();
			String code = row.code();
			while (code != null && !acyclic.contains(code) && !onPath.containsKey(code)) {
				onPath.put(code, path.size());
				path.add(code);
				code = parentOf(code);
			}
			if (code != null && onPath.containsKey(code)) {
				List<String> cycle = new ArrayList<>(path.subList(onPath.get(code), path.size()));
				if (cycle.size() > 1 && reported.add(Set.copyOf(cycle))) {
					ClassRow at = cycle.stream()
						.map(incoming::get)
						.filter(Objects::nonNull)
						.min((a, b) -> Integer.compare(a.line(), b.line()))
						.orElse(row);
					cycle.add(cycle.get(0));
					problem(at, "parent", "CYCLE", "cycle: " + String.join(" → ", cycle));
				}
			}
			acyclic.addAll(path);
		}
	}

	private String parentOf(String code) {
		ClassRow row = incoming.get(code);
		if (row != null) {
			return row.parent() != null && row.parent().equals(code) ? null : row.parent();
		}
		ClassRow current = existing.get(code);
		return current == null ? null : current.parent();
	}

	private void problem(ClassRow row, String field, String kind, String message) {
		problems.add(ImportProblem.at(row.line(), row.code(), field, kind, message));
	}

}
