package com.taggraph.customer;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import com.taggraph.error.InputRules;
import com.taggraph.importing.CsvRows;
import com.taggraph.importing.ImportFile;
import com.taggraph.importing.ImportProblem;
import com.taggraph.importing.ImportProblems;
import com.taggraph.importing.ImportProgress;
import com.taggraph.importing.ImportOutcome;

/**
 * Checks bulk-import files completely before anything is written, streaming them so
 * memory grows with the number of distinct customers, not of rows. Customers are looked
 * up in the database ten thousand at a time, together with the tags they carry; each
 * customer then keeps the tags the file gives it as small numbers, which is all the
 * duplicate and exclusivity checks need.
 */
final class ImportValidation {

	private static final byte UNRESOLVED = 0;

	/** a new customer, created by the customers file */
	private static final byte NEW_IN_FILE = 1;

	private static final byte IN_DATABASE = 2;

	private static final byte UNKNOWN = 3;

	private static final short[] NONE = new short[0];

	private static final int STEP = 1024;

	/** What validation knows about one customer. */
	private static final class Customer {

		long line;

		byte origin;

		short[] tags = NONE;

		int tagCount;

		short[] dbTags = NONE;

		String[] dbValues;

		boolean hasTag(short tag) {
			for (int i = 0; i < tagCount; i++) {
				if (tags[i] == tag) {
					return true;
				}
			}
			return false;
		}

		void addTag(short tag) {
			if (tagCount == tags.length) {
				tags = Arrays.copyOf(tags, Math.max(4, tagCount * 2));
			}
			tags[tagCount++] = tag;
		}

		int dbIndex(short tag) {
			for (int i = 0; i < dbTags.length; i++) {
				if (dbTags[i] == tag) {
					return i;
				}
			}
			return -1;
		}

	}

	private record PendingCustomer(long line, String id, String name, String[] attributes) {
	}

	private record PendingAssignment(long line, String customerId, short tag, String value) {
	}

	/** One file's counts and its SHA-256. */
	record Result(ImportOutcome.Counts counts, String checksum) {
	}

	private final BulkAssignments bulk;

	private final TagLibrary library;

	private final ImportProblems problems;

	private final ZoneId zone;

	private final int lookupBatch;

	private final ImportProgress progress;

	private final Map<String, Customer> customers = new HashMap<>();

	private boolean hadCustomersFile;

	ImportValidation(BulkAssignments bulk, TagLibrary library, ImportProblems problems, ZoneId zone, int lookupBatch,
			ImportProgress progress) {
		this.bulk = bulk;
		this.library = library;
		this.problems = problems;
		this.zone = zone;
		this.lookupBatch = lookupBatch;
		this.progress = progress;
	}

	// ---- customers
	// --------------------------------------------------------------------------

	Result customers(ImportFile file) throws IOException {
		hadCustomersFile = true;
		String fk = CustomerImport.CUSTOMERS;
		long[] counts = new long[3];
		List<PendingCustomer> chunk = new ArrayList<>();
		Walk walk = walk(file, fk, "id,name[,attribute columns]",
				header -> ImportColumns.customers(header, problems, fk), (row, columns) -> {
					PendingCustomer pending = customerRow(row, columns, fk);
					if (pending != null) {
						chunk.add(pending);
						if (chunk.size() >= lookupBatch) {
							resolveCustomers(chunk, columns, counts, fk);
							chunk.clear();
						}
					}
				}, columns -> resolveCustomers(chunk, columns, counts, fk));
		return walk.result(counts[0], counts[1], counts[2]);
	}

	/**
	 * How far a file was read: nothing when its header was missing or wrong; otherwise
	 * its rows, and its checksum when it was read to the end.
	 */
	private record Walk(boolean headed, long rows, String checksum) {

		Result result(long created, long updated, long unchanged) {
			return headed ? new Result(new ImportOutcome.Counts(rows, created, updated, unchanged), checksum)
					: new Result(ImportOutcome.Counts.NONE, null);
		}

	}

	/**
	 * Reads one file of the import row by row, the same way for every kind: the header
	 * (an empty file is a problem naming the header expected), then each row, then
	 * {@code end} for what is left buffered. An unreadable file is a problem at its line,
	 * and the progress is stepped and finished.
	 */
	private <C> Walk walk(ImportFile file, String fk, String expectedHeader, Function<CsvRows.Row, C> columnsOf,
			BiConsumer<CsvRows.Row, C> eachRow, Consumer<C> end) throws IOException {
		long rowCount = 0;
		startPhase(file);
		try (CsvRows rows = new CsvRows(file.path())) {
			CsvRows.Row header = rows.next();
			if (header == null) {
				problems.add(1, null, null, "the file is empty: expected a header line " + expectedHeader, fk,
						"MALFORMED");
				return new Walk(false, 0, null);
			}
			C columns = columnsOf.apply(header);
			if (columns == null) {
				return new Walk(false, 0, null);
			}
			CsvRows.Row row;
			while ((row = rows.next()) != null) {
				rowCount++;
				if (rowCount % STEP == 0) {
					progress.step(STEP);
				}
				eachRow.accept(row, columns);
			}
			end.accept(columns);
			return new Walk(true, rowCount, rows.sha256());
		}
		catch (CsvRows.Unreadable ex) {
			problems.add(ex.line, null, null, ex.getMessage(), fk, "MALFORMED");
			return new Walk(true, rowCount, null);
		}
		finally {
			progress.finish();
		}
	}

	/**
	 * Whether the row's customer id is given and an account number; a problem on the row
	 * when not.
	 */
	private boolean validCustomerId(CsvRows.Row row, String id, String field, String fk) {
		if (id == null) {
			problems.add(row.line(), null, field, field + " is empty", fk, "INVALID_VALUE");
			return false;
		}
		if (!ImportColumns.CUSTOMER_ID.matcher(id).matches()) {
			problems.add(row.line(), id, field,
					("'%s' is not an account number (户号): 1 to 40 letters, digits, '-' or '_',"
							+ " starting with a letter or digit")
						.formatted(id),
					fk, "INVALID_VALUE");
			return false;
		}
		return true;
	}

	private PendingCustomer customerRow(CsvRows.Row row, ImportColumns.Customers columns, String fk) {
		String id = row.cell(columns.id());
		if (row.size() != columns.size()) {
			problems.add(row.line(), id, null, "expected %d columns, found %d".formatted(columns.size(), row.size()),
					fk, "MALFORMED");
			return null;
		}
		if (!validCustomerId(row, id, "id", fk)) {
			return null;
		}
		Customer known = customers.get(id);
		if (known != null && known.line > 0) {
			problems.add(row.line(), id, "id", "duplicate id '%s': first on line %d".formatted(id, known.line), fk,
					"DUPLICATE");
			return null;
		}
		Customer customer = new Customer();
		customer.line = row.line();
		customer.origin = NEW_IN_FILE; // until the database says otherwise; a bad row
										// must not cascade into its assignments
		customers.put(id, customer);
		boolean ok = true;
		String name = row.cell(columns.name());
		if (name != null && name.length() > InputRules.MAX_NAME) {
			problems.add(row.line(), id, "name", "name is longer than %d characters".formatted(InputRules.MAX_NAME), fk,
					"INVALID_VALUE");
			ok = false;
		}
		String[] attributes = new String[columns.attributes().size()];
		for (int i = 0; i < attributes.length; i++) {
			attributes[i] = row.cell(columns.attributeIndexes().get(i));
			if (attributes[i] != null && attributes[i].length() > CsvRows.MAX_VALUE) {
				problems.add(row.line(), id, columns.attributes().get(i),
						"value is longer than %d characters".formatted(CsvRows.MAX_VALUE), fk, "INVALID_VALUE");
				ok = false;
			}
		}
		return ok ? new PendingCustomer(row.line(), id, name, attributes) : null;
	}

	private void resolveCustomers(List<PendingCustomer> chunk, ImportColumns.Customers columns, long[] counts,
			String fk) {
		if (chunk.isEmpty()) {
			return;
		}
		Map<String, BulkAssignments.ExistingCustomer> existing = new HashMap<>();
		bulk.existing(chunk.stream().map(PendingCustomer::id).toList(), true).forEach(e -> existing.put(e.id(), e));
		for (PendingCustomer p : chunk) {
			BulkAssignments.ExistingCustomer found = existing.get(p.id());
			Customer customer = customers.get(p.id());
			if (found == null) {
				if (p.name() == null) {
					problems.add(p.line(), p.id(), "name", "name is empty: a new customer needs a name", fk,
							"INVALID_VALUE");
				}
				else {
					counts[0]++;
				}
				continue;
			}
			customer.origin = IN_DATABASE;
			remember(customer, found);
			boolean changed = p.name() != null && !p.name().equals(string(found.properties().get("name")));
			for (int i = 0; i < p.attributes().length && !changed; i++) {
				String value = p.attributes()[i];
				changed = value != null && !value.equals(string(found.properties().get(columns.attributes().get(i))));
			}
			counts[changed ? 1 : 2]++;
		}
	}

	// ---- assignments
	// ------------------------------------------------------------------------

	Result assignments(ImportFile file) throws IOException {
		String fk = CustomerImport.ASSIGNMENTS;
		long[] counts = new long[2];
		List<PendingAssignment> chunk = new ArrayList<>();
		Set<String> unresolved = new LinkedHashSet<>();
		Walk walk = walk(file, fk, "customerId,tagCode[,value,assignedAt]",
				header -> ImportColumns.assignments(header, problems, fk), (row, columns) -> {
					PendingAssignment pending = assignmentRow(row, columns, fk);
					if (pending == null) {
						return;
					}
					if (customers.get(pending.customerId()) == null) {
						customers.put(pending.customerId(), new Customer());
						unresolved.add(pending.customerId());
					}
					chunk.add(pending);
					if (unresolved.size() >= lookupBatch || chunk.size() >= 20 * lookupBatch) {
						check(chunk, unresolved, counts, fk);
					}
				}, columns -> check(chunk, unresolved, counts, fk));
		return walk.result(counts[0], 0, counts[1]);
	}

	private PendingAssignment assignmentRow(CsvRows.Row row, ImportColumns.Assignments columns, String fk) {
		String customerId = row.cell(columns.customerId());
		if (row.size() != columns.size()) {
			problems.add(row.line(), customerId, null,
					"expected %d columns, found %d".formatted(columns.size(), row.size()), fk, "MALFORMED");
			return null;
		}
		boolean ok = validCustomerId(row, customerId, "customerId", fk);
		String tagCode = row.cell(columns.tagCode());
		short tag = -1;
		if (tagCode == null) {
			problems.add(row.line(), customerId, "tagCode", "tagCode is empty", fk, "INVALID_VALUE");
			ok = false;
		}
		else if ((tag = library.index(tagCode)) < 0) {
			problems.add(row.line(), customerId, "tagCode", "unknown tag '%s'".formatted(tagCode), fk, "UNKNOWN_TAG");
			ok = false;
		}
		String value = row.cell(columns.value());
		if (value != null && value.length() > CsvRows.MAX_VALUE) {
			problems.add(row.line(), customerId, "value",
					"value is longer than %d characters".formatted(CsvRows.MAX_VALUE), fk, "INVALID_VALUE");
			ok = false;
		}
		String assignedAt = row.cell(columns.assignedAt());
		if (assignedAt != null) {
			try {
				ImportColumns.assignedAt(assignedAt, zone);
			}
			catch (DateTimeParseException ex) {
				problems.add(row.line(), customerId, "assignedAt",
						("'%s' is not an ISO-8601 date or date-time, such as"
								+ " 2024-05-01 or 2024-05-01T08:30:00+08:00")
							.formatted(assignedAt),
						fk, "INVALID_VALUE");
				ok = false;
			}
		}
		return ok ? new PendingAssignment(row.line(), customerId, tag, value) : null;
	}

	/** Looks the new customers up, then checks the buffered rows in file order. */
	private void check(List<PendingAssignment> chunk, Set<String> unresolved, long[] counts, String fk) {
		if (!unresolved.isEmpty()) {
			for (var found : bulk.existing(unresolved, false)) {
				Customer customer = customers.get(found.id());
				customer.origin = IN_DATABASE;
				remember(customer, found);
			}
			for (String id : unresolved) {
				Customer customer = customers.get(id);
				if (customer.origin == UNRESOLVED) {
					customer.origin = UNKNOWN;
				}
			}
			unresolved.clear();
		}
		for (PendingAssignment row : chunk) {
			check(row, counts, fk);
		}
		chunk.clear();
	}

	private void check(PendingAssignment row, long[] counts, String fk) {
		String id = row.customerId();
		Customer customer = customers.get(id);
		short tag = row.tag();
		String code = library.code(tag);
		if (customer.origin == UNKNOWN) {
			problems.add(row.line(), id, "customerId", "unknown customer '%s': not in the database%s".formatted(id,
					hadCustomersFile ? " nor in the customers file" : ""), fk, "UNKNOWN_CUSTOMER");
			return;
		}
		if (customer.hasTag(tag)) {
			problems.add(
					ImportProblem
						.at(row.line(), id, "tagCode", "DUPLICATE",
								"duplicate row: customer '%s' gets %s already on line %s".formatted(id, code,
										ImportProblems.LINE))
						.inFile(fk),
					new ImportProblems.Ref(id, code));
			return;
		}
		int carried = customer.dbIndex(tag);
		if (carried >= 0) {
			String old = customer.dbValues == null ? null : customer.dbValues[carried];
			if (row.value() != null && !row.value().equals(old)) {
				problems.add(row.line(), id, "value",
						("customer '%s' already carries %s with value %s; an import adds"
								+ " assignments and never changes one: remove it first")
							.formatted(id, code, old == null ? "(none)" : "'" + old + "'"),
						fk, "VALUE_CONFLICT");
				return;
			}
			customer.addTag(tag);
			counts[1]++;
			return;
		}
		if (library.hasRules(tag)) {
			for (short other : customer.dbTags) {
				String exclusiveClass = library.conflict(tag, other);
				if (exclusiveClass != null) {
					String otherCode = library.code(other);
					problems.add(ImportProblem
						.at(row.line(), id, "tagCode", "EXCLUSIVE_CONFLICT", ("customer '%s' carries %s"
								+ " in the database, which excludes %s: both are in exclusive class %s; an import never replaces a tag")
							.formatted(id, otherCode, code, exclusiveClass))
						.inFile(fk)
						.withCodes(List.of(code, otherCode)), null);
					return;
				}
			}
			for (int i = 0; i < customer.tagCount; i++) {
				short other = customer.tags[i];
				String exclusiveClass = library.conflict(tag, other);
				if (exclusiveClass != null) {
					String otherCode = library.code(other);
					problems.add(ImportProblem
						.at(row.line(), id, "tagCode", "EXCLUSIVE_CONFLICT",
								("%s and %s exclude each"
										+ " other for customer '%s': both are in exclusive class %s (%s on line %s)")
									.formatted(code, otherCode, id, exclusiveClass, otherCode, ImportProblems.LINE))
						.inFile(fk)
						.withCodes(List.of(code, otherCode)), new ImportProblems.Ref(id, otherCode));
					return;
				}
			}
		}
		customer.addTag(tag);
		counts[0]++;
	}

	/**
	 * The first line of each customer and tag in the assignments file: a second pass,
	 * only for error messages.
	 */
	Map<ImportProblems.Ref, Long> firstLines(ImportFile file, Set<ImportProblems.Ref> refs) throws IOException {
		Map<ImportProblems.Ref, Long> lines = new HashMap<>();
		if (refs.isEmpty()) {
			return lines;
		}
		try (CsvRows rows = new CsvRows(file.path())) {
			CsvRows.Row header = rows.next();
			ImportColumns.Assignments columns = header == null ? null
					: ImportColumns.assignments(header, new ImportProblems(0), CustomerImport.ASSIGNMENTS);
			CsvRows.Row row;
			while (columns != null && lines.size() < refs.size() && (row = rows.next()) != null) {
				var ref = new ImportProblems.Ref(row.cell(columns.customerId()), row.cell(columns.tagCode()));
				if (refs.contains(ref)) {
					lines.putIfAbsent(ref, row.line());
				}
			}
		}
		catch (CsvRows.Unreadable ex) {
			// the first pass reported it
		}
		return lines;
	}

	private void remember(Customer customer, BulkAssignments.ExistingCustomer found) {
		short[] tags = new short[found.tags().size()];
		String[] values = null;
		int n = 0;
		for (var e : found.tags().entrySet()) {
			short tag = library.index(e.getKey());
			if (tag < 0) {
				continue;
			}
			if (e.getValue() != null) {
				if (values == null) {
					values = new String[tags.length];
				}
				values[n] = e.getValue();
			}
			tags[n++] = tag;
		}
		customer.dbTags = n == tags.length ? tags : Arrays.copyOf(tags, n);
		customer.dbValues = values;
	}

	private void startPhase(ImportFile file) throws IOException {
		progress.start("validate " + file.path().getFileName(),
				progress.wantsTotals() ? Math.max(0, CsvRows.countLines(file.path()) - 1) : -1);
	}

	private static String string(Object value) {
		return value == null ? null : Objects.toString(value);
	}

}
