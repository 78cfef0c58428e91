package com.taggraph.customer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.taggraph.importing.CsvRows;
import com.taggraph.importing.ImportProblems;

/**
 * The columns of the two bulk-import files and the rules of their cells, shared by
 * validation and the write pass so both read a file the same way.
 */
final class ImportColumns {

	/**
	 * An account number (户号): letters, digits, '-' and '_', starting with a letter or
	 * digit.
	 */
	static final Pattern CUSTOMER_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]{0,39}");

	private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	/** Properties the graph itself uses on a customer; a file cannot set them. */
	private static final Set<String> RESERVED = Set.of("id", "name", "importid", "tagschangedat");

	private ImportColumns() {
	}

	/**
	 * {@code id,name[,attribute columns]}; attribute columns become customer properties.
	 */
	record Customers(int id, int name, List<String> attributes, List<Integer> attributeIndexes, int size) {
	}

	/**
	 * {@code customerId,tagCode[,value,assignedAt]}, any order; -1 for an absent optional
	 * column.
	 */
	record Assignments(int customerId, int tagCode, int value, int assignedAt, int size) {
	}

	static Customers customers(CsvRows.Row header, ImportProblems problems, String file) {
		Map<String, Integer> seen = new LinkedHashMap<>();
		List<String> attributes = new ArrayList<>();
		List<Integer> indexes = new ArrayList<>();
		boolean ok = true;
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			String lower = name.toLowerCase(Locale.ROOT);
			if (seen.putIfAbsent(lower, i) != null) {
				problems.add(header.line(), null, name, "column '%s' appears twice".formatted(name), file, "MALFORMED");
				ok = false;
			}
			else if (!lower.equals("id") && !lower.equals("name")) {
				if (!ATTRIBUTE.matcher(name).matches() || RESERVED.contains(lower)) {
					problems.add(header.line(), null, name,
							("'%s' cannot be an attribute column: use letters, digits"
									+ " and '_', starting with a letter (and not importId or tagsChangedAt)")
								.formatted(name),
							file, "MALFORMED");
					ok = false;
				}
				attributes.add(name);
				indexes.add(i);
			}
		}
		for (String required : List.of("id", "name")) {
			if (!seen.containsKey(required)) {
				problems.add(header.line(), null, required,
						"missing column '%s'; the header must hold id,name and then any attribute columns"
							.formatted(required),
						file, "MALFORMED");
				ok = false;
			}
		}
		return ok ? new Customers(seen.get("id"), seen.get("name"), List.copyOf(attributes), List.copyOf(indexes),
				header.size()) : null;
	}

	static Assignments assignments(CsvRows.Row header, ImportProblems problems, String file) {
		Map<String, Integer> seen = new LinkedHashMap<>();
		List<String> allowed = List.of("customerid", "tagcode", "value", "assignedat");
		boolean ok = true;
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			String lower = name.toLowerCase(Locale.ROOT);
			if (!allowed.contains(lower)) {
				problems.add(header.line(), null, name,
						"unknown column '%s'; allowed columns are customerId,tagCode,value,assignedAt".formatted(name),
						file, "MALFORMED");
				ok = false;
			}
			else if (seen.putIfAbsent(lower, i) != null) {
				problems.add(header.line(), null, name, "column '%s' appears twice".formatted(name), file, "MALFORMED");
				ok = false;
			}
		}
		for (String required : List.of("customerId", "tagCode")) {
			if (!seen.containsKey(required.toLowerCase(Locale.ROOT))) {
				problems.add(header.line(), null, required,
						"missing column '%s'; the header must hold customerId,tagCode[,value,assignedAt]"
							.formatted(required),
						file, "MALFORMED");
				ok = false;
			}
		}
		return ok ? new Assignments(seen.get("customerid"), seen.get("tagcode"), seen.getOrDefault("value", -1),
				seen.getOrDefault("assignedat", -1), header.size()) : null;
	}

	/**
	 * An ISO-8601 date ({@code 2024-05-01}) or date-time, with or without offset; without
	 * one, the time is read in {@code zone}.
	 * @throws DateTimeParseException when it is neither
	 */
	static OffsetDateTime assignedAt(String text, ZoneId zone) {
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
			}
			catch (DateTimeParseException notLocal) {
				return LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
			}
		}
	}

}
