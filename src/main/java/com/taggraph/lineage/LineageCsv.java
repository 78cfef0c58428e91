package com.taggraph.lineage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.taggraph.importing.CsvRows;
import com.taggraph.importing.ImportProblem;

/**
 * Reads a lineage file: header {@code tag,system,table,field[,transform]} (tags derived
 * from source fields) or {@code tag,fromTag[,transform]} (tags derived from tags),
 * columns in any order. Rows that are malformed or miss a cell become problems with their
 * line; the rest go on to be checked against the graph.
 */
final class LineageCsv {

	static final String SHAPES = "tag,system,table,field[,transform] or tag,fromTag[,transform]";

	private static final List<String> FIELD_COLUMNS = List.of("system", "table", "field");

	private static final List<String> ALLOWED = List.of("tag", "system", "table", "field", "fromtag", "transform");

	/**
	 * Where each column is; {@code fromTag} -1 for a file of field derivations, the field
	 * columns -1 otherwise.
	 */
	private record Columns(int tag, int system, int table, int field, int fromTag, int transform, int size) {

		boolean fromField() {
			return fromTag < 0;
		}
	}

	private final List<ImportProblem> problems = new ArrayList<>();

	private final int maxProblems;

	private long problemCount;

	private LineageCsv(int maxProblems) {
		this.maxProblems = maxProblems;
	}

	/**
	 * The file's rows and problems; at most {@code maxProblems} problems are kept, all
	 * are counted.
	 */
	static DerivationFile read(Path file, int maxProblems) throws IOException {
		return new LineageCsv(maxProblems).read(file);
	}

	private DerivationFile read(Path file) throws IOException {
		List<DerivationRow> rows = new ArrayList<>();
		long rowCount = 0;
		try (CsvRows csv = new CsvRows(file)) {
			CsvRows.Row header = csv.next();
			if (header == null) {
				problem(1, null, null, "MALFORMED", "the file is empty: expected a header line " + SHAPES);
				return new DerivationFile(rows, 0, problems, problemCount);
			}
			Columns columns = columns(header);
			if (columns == null) {
				return new DerivationFile(rows, 0, problems, problemCount);
			}
			CsvRows.Row row;
			while ((row = csv.next()) != null) {
				rowCount++;
				DerivationRow derivation = row(row, columns);
				if (derivation != null) {
					rows.add(derivation);
				}
			}
		}
		catch (CsvRows.Unreadable ex) {
			problem(ex.line, null, null, "MALFORMED", ex.getMessage());
		}
		return new DerivationFile(rows, rowCount, problems, problemCount);
	}

	private Columns columns(CsvRows.Row header) {
		Map<String, Integer> seen = new LinkedHashMap<>();
		boolean ok = true;
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			String lower = name.toLowerCase(Locale.ROOT);
			if (!ALLOWED.contains(lower)) {
				problem(header.line(), null, name, "MALFORMED",
						"unknown column '%s'; a lineage file has the columns %s".formatted(name, SHAPES));
				ok = false;
			}
			else if (seen.putIfAbsent(lower, i) != null) {
				problem(header.line(), null, name, "MALFORMED", "column '%s' appears twice".formatted(name));
				ok = false;
			}
		}
		if (!seen.containsKey("tag")) {
			problem(header.line(), null, "tag", "MALFORMED", "missing column 'tag'; the header must be " + SHAPES);
			ok = false;
		}
		boolean fromTag = seen.containsKey("fromtag");
		List<String> fieldColumns = FIELD_COLUMNS.stream().filter(seen::containsKey).toList();
		if (fromTag && !fieldColumns.isEmpty()) {
			problem(header.line(), null, "fromTag", "MALFORMED",
					("a lineage file derives tags from fields"
							+ " (system,table,field) or from tags (fromTag), not both: the header must be %s")
						.formatted(SHAPES));
			ok = false;
		}
		else if (!fromTag && fieldColumns.isEmpty()) {
			problem(header.line(), null, null, "MALFORMED",
					"missing the source columns: system,table,field or fromTag; the header must be " + SHAPES);
			ok = false;
		}
		else if (!fromTag) {
			for (String column : FIELD_COLUMNS) {
				if (!seen.containsKey(column)) {
					problem(header.line(), null, column, "MALFORMED",
							"missing column '%s'; the header must be %s".formatted(column, SHAPES));
					ok = false;
				}
			}
		}
		return ok ? new Columns(seen.get("tag"), seen.getOrDefault("system", -1), seen.getOrDefault("table", -1),
				seen.getOrDefault("field", -1), seen.getOrDefault("fromtag", -1), seen.getOrDefault("transform", -1),
				header.size()) : null;
	}

	private DerivationRow row(CsvRows.Row row, Columns columns) {
		String tag = row.cell(columns.tag());
		if (row.size() != columns.size()) {
			problem(row.line(), tag, null, "MALFORMED",
					"expected %d columns, found %d".formatted(columns.size(), row.size()));
			return null;
		}
		boolean ok = required(row, tag, "tag", tag);
		String transform = row.cell(columns.transform());
		if (transform != null && transform.length() > CsvRows.MAX_VALUE) {
			problem(row.line(), tag, "transform", "INVALID_VALUE",
					"transform is longer than %d characters".formatted(CsvRows.MAX_VALUE));
			ok = false;
		}
		if (columns.fromField()) {
			String system = row.cell(columns.system());
			String table = row.cell(columns.table());
			String field = row.cell(columns.field());
			ok &= part(row, tag, "system", system);
			ok &= part(row, tag, "table", table);
			ok &= part(row, tag, "field", field);
			return ok ? DerivationRow.ofField(row.line(), tag, system, table, field, transform) : null;
		}
		String fromTag = row.cell(columns.fromTag());
		ok &= required(row, tag, "fromTag", fromTag);
		return ok ? DerivationRow.ofTag(row.line(), tag, fromTag, transform) : null;
	}

	private boolean required(CsvRows.Row row, String tag, String column, String value) {
		if (value == null) {
			problem(row.line(), tag, column, "INVALID_VALUE", column + " is empty");
			return false;
		}
		return true;
	}

	/** A part of a field's qualified code: a dot there would address some other field. */
	private boolean part(CsvRows.Row row, String tag, String column, String value) {
		if (!required(row, tag, column, value)) {
			return false;
		}
		if (value.contains(".")) {
			problem(row.line(), tag, column, "INVALID_VALUE", ("%s '%s' may not contain '.', which separates system,"
					+ " table and field: give each in its own column")
				.formatted(column, value));
			return false;
		}
		return true;
	}

	private void problem(long line, String code, String field, String kind, String message) {
		problemCount++;
		if (problems.size() < maxProblems) {
			problems.add(ImportProblem.at(line, code, field, kind, message));
		}
	}

}
