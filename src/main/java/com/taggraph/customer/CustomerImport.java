package com.taggraph.customer;

import java.io.IOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.taggraph.importing.BulkImportTarget;
import com.taggraph.importing.CsvRows;
import com.taggraph.importing.ImportFile;
import com.taggraph.importing.ImportProblems;
import com.taggraph.importing.ImportProgress;
import com.taggraph.importing.ImportOutcome;

/**
 * What the bulk import loads: customers ({@code id,name[,attribute columns]}) and their
 * tag assignments ({@code customerId,tagCode[,value,assignedAt]}), customers first so the
 * assignments find them. The machinery of the import (its batches, its record, its
 * recovery) is {@code importing}'s.
 */
@Component
class CustomerImport implements BulkImportTarget {

	static final String CUSTOMERS = "CUSTOMERS";
	static final String ASSIGNMENTS = "ASSIGNMENTS";

	private static final List<String> KINDS = List.of(CUSTOMERS, ASSIGNMENTS);

	private final BulkAssignments bulk;

	private final ApplicationEventPublisher events;

	private final ZoneId zone = ZoneId.systemDefault();

	CustomerImport(BulkAssignments bulk, ApplicationEventPublisher events) {
		this.bulk = bulk;
		this.events = events;
	}

	@Override
	public List<String> fileKinds() {
		return KINDS;
	}

	@Override
	public Checked check(List<ImportFile> files, ImportProblems problems, ImportProgress progress) throws IOException {
		Map<String, ImportOutcome.Counts> counts = new LinkedHashMap<>();
		Map<String, String> checksums = new HashMap<>();
		TagLibrary library = TagLibrary.of(bulk.tagRules());
		ImportValidation validation = new ImportValidation(bulk, library, problems, zone, 10_000, progress);
		ImportFile assignments = null;
		for (ImportFile file : files) {
			var result = CUSTOMERS.equals(file.kind()) ? validation.customers(file) : validation.assignments(file);
			counts.put(file.kind(), result.counts());
			checksums.put(file.kind(), result.checksum());
			if (ASSIGNMENTS.equals(file.kind())) {
				assignments = file;
			}
		}
		Set<ImportProblems.Ref> refs = problems.refs();
		var firstLines = assignments == null || refs.isEmpty() ? Map.<ImportProblems.Ref, Long>of()
				: validation.firstLines(assignments, refs);
		return new Checked(problems.list(firstLines, KINDS), counts, checksums);
	}

	@Override
	public RowReader reader(String kind, CsvRows.Row header) {
		ImportProblems none = new ImportProblems(0);
		if (CUSTOMERS.equals(kind)) {
			ImportColumns.Customers columns = ImportColumns.customers(header, none, null);
			return r -> {
				String id = r.cell(columns.id());
				return new BulkRow(id, customer(r, id, columns));
			};
		}
		ImportColumns.Assignments columns = ImportColumns.assignments(header, none, null);
		return r -> {
			String at = r.cell(columns.assignedAt());
			var row = new BulkAssignments.AssignmentRow(r.cell(columns.customerId()), r.cell(columns.tagCode()),
					r.cell(columns.value()), at == null ? null : ImportColumns.assignedAt(at, zone));
			return new BulkRow(row.customerId(), row);
		};
	}

	private static BulkAssignments.CustomerRow customer(CsvRows.Row r, String id, ImportColumns.Customers columns) {
		Map<String, Object> properties = new HashMap<>();
		String name = r.cell(columns.name());
		if (name != null) {
			properties.put("name", name);
		}
		for (int i = 0; i < columns.attributes().size(); i++) {
			String value = r.cell(columns.attributeIndexes().get(i));
			if (value != null) {
				properties.put(columns.attributes().get(i), value);
			}
		}
		return new BulkAssignments.CustomerRow(id, properties);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void write(String kind, List<Object> rows, String importId) {
		if (CUSTOMERS.equals(kind)) {
			bulk.upsertCustomers((List<BulkAssignments.CustomerRow>) (List<?>) rows, importId);
		}
		else {
			bulk.createAssignments((List<BulkAssignments.AssignmentRow>) (List<?>) rows, importId);
		}
	}

	@Override
	public long deleteWritten(String kind, String importId, int limit) {
		return CUSTOMERS.equals(kind) ? bulk.deleteCustomersOf(importId, limit)
				: bulk.deleteAssignmentsOf(importId, limit);
	}

	@Override
	public void changed(String importId, String reason) {
		events.publishEvent(new CustomersBulkChanged(importId, reason));
	}

}
