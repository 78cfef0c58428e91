package com.taggraph.taxonomy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.taggraph.importing.ImportProblem;

/**
 * Reads a class scheme from CSV: header {@code code,parent,name}, optionally followed by
 * {@code criterion,exclusive,exhaustive} (any order). Every problem is collected with its
 * line, so a user fixes the whole file in one pass.
 */
final class ClassSchemeCsv {

	static final List<String> REQUIRED = List.of("code", "parent", "name");
	static final List<String> OPTIONAL = List.of("criterion", "exclusive", "exhaustive");

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是");

	private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否");

	record Parsed(List<ClassRow> rows, List<ImportProblem> problems) {
	}

	private ClassSchemeCsv() {
	}

	static Parsed parse(String text) {
		List<ClassRow> rows = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			Map<String, Integer> columns = null;
			LineIndex lines = new LineIndex(text);
			try {
				for (CSVRecord record : parser) {
					int line = lines.lineAt(record.getCharacterPosition());
					if (columns == null) {
						columns = header(record, line, problems);
						if (columns == null) {
							return new Parsed(rows, problems);
						}
						continue;
					}
					ClassRow row = row(record, line, columns, problems);
					if (row != null) {
						rows.add(row);
					}
				}
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				// commons-csv stops at malformed quoting; nothing after it can be trusted
				problems.add(ImportProblem.at(parser.getCurrentLineNumber(), null, null, "MALFORMED",
						"malformed CSV: " + rootMessage(ex)));
			}
			if (columns == null) {
				problems.add(ImportProblem.at(1, null, null, "MALFORMED",
						"the file is empty: expected a header line " + String.join(",", REQUIRED)));
			}
		}
		catch (IOException ex) {
			problems.add(ImportProblem.general("MALFORMED", "cannot read CSV: " + ex.getMessage()));
		}
		return new Parsed(rows, problems);
	}

	private static Map<String, Integer> header(CSVRecord record, int line, List<ImportProblem> problems) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		boolean ok = true;
		for (int i = 0; i < record.size(); i++) {
			String name = record.get(i).toLowerCase(Locale.ROOT);
			if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
				problems
					.add(ImportProblem.at(line, null, name, "MALFORMED", "unknown column '%s'; allowed columns are %s"
						.formatted(record.get(i), String.join(",", concat(REQUIRED, OPTIONAL)))));
				ok = false;
			}
			else if (columns.putIfAbsent(name, i) != null) {
				problems
					.add(ImportProblem.at(line, null, name, "MALFORMED", "column '%s' appears twice".formatted(name)));
				ok = false;
			}
		}
		for (String required : REQUIRED) {
			if (!columns.containsKey(required)) {
				problems.add(ImportProblem.at(line, null, required, "MALFORMED",
						"missing column '%s'; the header must start %s".formatted(required,
								String.join(",", REQUIRED))));
				ok = false;
			}
		}
		return ok ? columns : null;
	}

	private static ClassRow row(CSVRecord record, int line, Map<String, Integer> columns,
			List<ImportProblem> problems) {
		String code = cell(record, columns, "code");
		if (record.size() != columns.size()) {
			problems.add(ImportProblem.at(line, code, null, "MALFORMED", "expected %d columns (%s), found %d"
				.formatted(columns.size(), String.join(",", columns.keySet()), record.size())));
			return null;
		}
		int before = problems.size();
		Boolean exclusive = bool(record, columns, "exclusive", line, code, problems);
		Boolean exhaustive = bool(record, columns, "exhaustive", line, code, problems);
		if (problems.size() > before) {
			return null;
		}
		return new ClassRow(line, code == null ? "" : code, cell(record, columns, "parent"),
				cell(record, columns, "name"), cell(record, columns, "criterion"), exclusive, exhaustive);
	}

	/** The trimmed cell, or null when the column is absent or the cell empty. */
	private static String cell(CSVRecord record, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		if (index == null || index >= record.size()) {
			return null;
		}
		String value = record.get(index);
		return value == null || value.isEmpty() ? null : value;
	}

	private static Boolean bool(CSVRecord record, Map<String, Integer> columns, String column, int line, String code,
			List<ImportProblem> problems) {
		String value = cell(record, columns, column);
		if (value == null) {
			return null;
		}
		String v = value.toLowerCase(Locale.ROOT);
		if (TRUE.contains(v)) {
			return true;
		}
		if (FALSE.contains(v)) {
			return false;
		}
		problems.add(ImportProblem.at(line, code, column, "INVALID_VALUE",
				"'%s' is not a boolean; use true or false".formatted(value)));
		return null;
	}

	/**
	 * Line numbers from character offsets: exact with quoted newlines and skipped blank
	 * lines.
	 */
	private static final class LineIndex {

		private final String text;

		private final int[] starts;

		LineIndex(String text) {
			this.text = text;
			int count = 1;
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == '\n') {
					count++;
				}
			}
			starts = new int[count];
			int line = 1;
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == '\n') {
					starts[line++] = i + 1;
				}
			}
		}

		int lineAt(long offset) {
			// a record's offset is where the parser began, before any blank lines it
			// skipped
			int position = (int) offset;
			while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
				position++;
			}
			int index = java.util.Arrays.binarySearch(starts, position);
			return index >= 0 ? index + 1 : -index - 1;
		}

	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null) {
			t = t.getCause();
		}
		return t.getMessage();
	}

}
