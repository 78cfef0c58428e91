package com.taggraph.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.taggraph.importing.ImportProblem;

/**
 * Checks the derivations of a lineage file against each other and the catalogue: unknown
 * tags, systems, tables and fields, derivations of a tag from itself, duplicate rows, and
 * cycles closed through the derivations already in the graph. Pure Java over a snapshot
 * read in the import's transaction, so a file of any size costs a few reads.
 */
final class DerivationImport {

	/**
	 * Steps of a cycle spelled out in a message; the problem's {@code path} lists them
	 * all.
	 */
	private static final int MESSAGE_STEPS = 10;

	/**
	 * What a row declares: its tag derived from a field or a tag, by the source's code.
	 */
	record Key(String tag, boolean fromField, String source) {

		static Key of(DerivationRow row) {
			return new Key(row.tagCode(), row.isFromField(), row.sourceCode());
		}

		static Key of(DeclaredDerivation d) {
			return new Key(d.tag(), d.fromField(), d.source());
		}
	}

	/**
	 * What the file is checked against, read in one go.
	 *
	 * @param tables only needed for the fields not found, to name the part that is
	 * unknown
	 * @param systems as tables
	 * @param declared the derivations of the file's tags, with their transforms
	 * @param tagEdges every tag-to-tag derivation in the graph (only when the file has
	 * some)
	 */
	record Catalogue(Set<String> tags, Set<String> fields, Set<String> tables, Set<String> systems,
			Map<Key, String> declared, List<DeclaredDerivation> tagEdges) {
	}

	/** Rows that change the graph, and how many are as the graph has them already. */
	record Changes(List<DerivationRow> created, List<DerivationRow> updated, long unchanged) {
	}

	private final List<DerivationRow> rows;

	DerivationImport(List<DerivationRow> rows) {
		this.rows = rows;
	}

	Set<String> tagCodes() {
		Set<String> codes = new LinkedHashSet<>();
		for (DerivationRow row : rows) {
			codes.add(row.tagCode());
			if (!row.isFromField()) {
				codes.add(row.fromTag());
			}
		}
		return codes;
	}

	Set<String> fieldCodes() {
		Set<String> codes = new LinkedHashSet<>();
		rows.stream().filter(DerivationRow::isFromField).forEach(r -> codes.add(r.fieldCode()));
		return codes;
	}

	boolean hasTagRows() {
		return rows.stream().anyMatch(r -> !r.isFromField());
	}

	/** Every problem of the rows, by line; at most {@code maxCycles} cycles are named. */
	List<ImportProblem> validate(Catalogue catalogue, int maxCycles) {
		List<ImportProblem> problems = new ArrayList<>();
		Map<Key, DerivationRow> seen = new LinkedHashMap<>();
		List<DerivationCycles.Edge> newTagEdges = new ArrayList<>();
		for (DerivationRow row : rows) {
			Key key = Key.of(row);
			DerivationRow first = seen.putIfAbsent(key, row);
			String sourceColumn = row.isFromField() ? "field" : "fromTag";
			if (first != null) {
				problems.add(ImportProblem.at(row.line(), row.tagCode(), sourceColumn, "DUPLICATE",
						"duplicate row: %s is derived from %s already on line %d".formatted(row.tagCode(),
								row.sourceCode(), first.line())));
				continue;
			}
			int before = problems.size();
			if (!catalogue.tags().contains(row.tagCode())) {
				problems.add(ImportProblem.at(row.line(), row.tagCode(), "tag", "UNKNOWN_TAG",
						"tag %s not found".formatted(row.tagCode())));
			}
			if (row.isFromField()) {
				checkField(row, catalogue, problems);
			}
			else if (row.fromTag().equals(row.tagCode())) {
				problems.add(ImportProblem
					.at(row.line(), row.tagCode(), "fromTag", "CYCLE",
							"tag %s cannot be derived from itself".formatted(row.tagCode()))
					.withCodes(List.of(row.tagCode(), row.tagCode())));
			}
			else if (!catalogue.tags().contains(row.fromTag())) {
				problems.add(ImportProblem.at(row.line(), row.tagCode(), "fromTag", "UNKNOWN_TAG",
						"tag %s not found".formatted(row.fromTag())));
			}
			if (problems.size() == before && !row.isFromField() && !catalogue.declared().containsKey(key)) {
				newTagEdges.add(new DerivationCycles.Edge(row.line(), row.tagCode(), row.fromTag()));
			}
		}
		for (DerivationCycles.Cycle cycle : DerivationCycles.closedBy(catalogue.tagEdges(), newTagEdges, maxCycles)) {
			DerivationCycles.Edge edge = cycle.edge();
			problems.add(
					ImportProblem
						.at(edge.line(), edge.tag(), "fromTag", "CYCLE",
								"deriving %s from %s would close a cycle: %s (%s)".formatted(edge.tag(), edge.from(),
										pathText(cycle.path()), steps(cycle)))
						.withCodes(cycle.path()));
		}
		problems.sort(Comparator.comparingLong(ImportProblem::lineOrZero));
		return problems;
	}

	private static void checkField(DerivationRow row, Catalogue catalogue, List<ImportProblem> problems) {
		if (catalogue.fields().contains(row.fieldCode())) {
			return;
		}
		// name the first part of system → table → field that is not there
		if (!catalogue.systems().contains(row.system())) {
			problems.add(ImportProblem.at(row.line(), row.tagCode(), "system", "UNKNOWN_SYSTEM",
					"system %s not found".formatted(row.system())));
		}
		else if (!catalogue.tables().contains(row.tableCode())) {
			problems.add(ImportProblem.at(row.line(), row.tagCode(), "table", "UNKNOWN_TABLE",
					"table %s not found".formatted(row.tableCode())));
		}
		else {
			problems.add(ImportProblem.at(row.line(), row.tagCode(), "field", "UNKNOWN_FIELD",
					"field %s not found".formatted(row.fieldCode())));
		}
	}

	/**
	 * The cycle's tags, each derived from the next; a long one keeps its ends, since the
	 * path is listed whole beside.
	 */
	private static String pathText(List<String> path) {
		if (path.size() <= 2 * MESSAGE_STEPS) {
			return String.join(" ← ", path);
		}
		return String.join(" ← ", path.subList(0, MESSAGE_STEPS)) + " ← … ← "
				+ String.join(" ← ", path.subList(path.size() - MESSAGE_STEPS, path.size()));
	}

	/**
	 * Where the steps of a cycle are declared: "T0307 ← T0315 on line 2; T0315 ← T0307 in
	 * the graph".
	 */
	private static String steps(DerivationCycles.Cycle cycle) {
		List<String> steps = new ArrayList<>();
		int count = cycle.path().size() - 1;
		for (int i = 0; i < Math.min(count, MESSAGE_STEPS); i++) {
			long line = cycle.lines().get(i);
			steps.add("%s ← %s %s".formatted(cycle.path().get(i), cycle.path().get(i + 1),
					line == 0 ? "in the graph" : "on line " + line));
		}
		if (count > MESSAGE_STEPS) {
			steps.add("%d more steps".formatted(count - MESSAGE_STEPS));
		}
		return String.join("; ", steps);
	}

	/** Only for a file without problems: which rows create or change a derivation. */
	Changes changes(Catalogue catalogue) {
		List<DerivationRow> created = new ArrayList<>();
		List<DerivationRow> updated = new ArrayList<>();
		long unchanged = 0;
		for (DerivationRow row : rows) {
			Key key = Key.of(row);
			if (!catalogue.declared().containsKey(key)) {
				created.add(row);
			}
			else if (row.transform() != null && !row.transform().equals(catalogue.declared().get(key))) {
				updated.add(row);
			}
			else {
				unchanged++;
			}
		}
		return new Changes(created, updated, unchanged);
	}

}
