package com.taggraph.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeKind;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.error.InputRules;
import com.taggraph.graph.CypherParameters;
import com.taggraph.graph.GraphModel;
import com.taggraph.importing.ImportOutcome;
import com.taggraph.importing.ImportProblem;

/**
 * The source catalogue (system → table → field) and the derivations of tags from fields
 * and from other tags. Tag-to-tag derivations stay acyclic: a write that would close a
 * cycle is refused.
 */
@Service
public class SourceCatalogService {

	static final Set<String> KINDS = Set.of("INTERNAL", "EXTERNAL");
	static final int MAX_SOURCES_PER_CALL = 200;
	static final int MAX_TRANSFORM = 1000;

	/**
	 * Derivations per write statement of an import; all of them commit in one
	 * transaction.
	 */
	private static final int IMPORT_BATCH = 5000;

	private final SourceRepository repository;

	private final AuditTrail audit;

	SourceCatalogService(SourceRepository repository, AuditTrail audit) {
		this.repository = repository;
		this.audit = audit;
	}

	// ---- reads
	// ------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<SourceSystem> systems() {
		return repository.systems(null);
	}

	@Transactional(readOnly = true)
	public SourceSystem system(String code) {
		return repository.systems(List.of(code)).stream().findFirst().orElse(null);
	}

	@Transactional(readOnly = true)
	public List<SourceSystem> systemsByCode(Collection<String> codes) {
		return repository.systems(codes);
	}

	@Transactional(readOnly = true)
	public SourceTable table(String code) {
		return repository.tables(List.of(code), List.of()).stream().findFirst().orElse(null);
	}

	@Transactional(readOnly = true)
	public List<SourceTable> tables(Collection<String> codes, Collection<String> systemCodes) {
		return repository.tables(codes, systemCodes);
	}

	@Transactional(readOnly = true)
	public SourceField field(String code) {
		return repository.fields(List.of(code), List.of()).stream().findFirst().orElse(null);
	}

	@Transactional(readOnly = true)
	public List<SourceField> fields(Collection<String> codes, Collection<String> tableCodes) {
		return repository.fields(codes, tableCodes);
	}

	/**
	 * Codes of the tags derived directly from each system, table or field, by its code.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<String>> tagsDerivedFrom(Collection<String> sourceCodes) {
		return repository.tagsDerivedFrom(sourceCodes);
	}

	@Transactional(readOnly = true)
	public Map<String, SourceRepository.Derivations> derivations(Collection<String> tagCodes) {
		return repository.derivations(tagCodes);
	}

	// ---- catalogue writes
	// ------------------------------------------------------------------------

	@Transactional
	public SourceSystem registerSystem(String code, String name, String kind, String description) {
		InputRules.requireCode("code", code);
		InputRules.requireName("name", name);
		requireKind(kind);
		InputRules.optionalText("description", description, InputRules.MAX_TEXT);
		repository.lock();
		if (repository.exists("SourceSystem", code)) {
			throw duplicate("source system", code);
		}
		audit.recorded(ChangeKind.SOURCE_SYSTEM, code, "CREATE",
				() -> repository.createSystem(code, name, kind, description));
		return system(code);
	}

	@Transactional
	public SourceSystem updateSystem(String code, String name, String kind, String description) {
		if (name != null) {
			InputRules.requireName("name", name);
		}
		if (kind != null) {
			requireKind(kind);
		}
		InputRules.optionalText("description", description, InputRules.MAX_TEXT);
		require("SourceSystem", "source system", code);
		audit.recorded(ChangeKind.SOURCE_SYSTEM, code, "UPDATE",
				() -> repository.updateSystem(code, name, kind, description));
		return system(code);
	}

	@Transactional
	public SourceTable registerTable(String systemCode, String tableName, String name) {
		if (name != null) {
			InputRules.requireName("name", name);
		}
		String code = childCode("SourceSystem", "source system", systemCode, "tableName", tableName, "SourceTable",
				"source table");
		audit.recorded(ChangeKind.SOURCE_TABLE, code, "CREATE",
				() -> repository.createTable(systemCode, code, tableName, name));
		return table(code);
	}

	@Transactional
	public SourceTable renameTable(String code, String name) {
		InputRules.requireName("name", name);
		require("SourceTable", "source table", code);
		audit.recorded(ChangeKind.SOURCE_TABLE, code, "UPDATE", () -> repository.renameTable(code, name));
		return table(code);
	}

	@Transactional
	public SourceField registerField(String tableCode, String fieldName, String description) {
		InputRules.optionalText("description", description, InputRules.MAX_TEXT);
		String code = childCode("SourceTable", "source table", tableCode, "fieldName", fieldName, "SourceField",
				"source field");
		audit.recorded(ChangeKind.SOURCE_FIELD, code, "CREATE",
				() -> repository.createField(tableCode, code, fieldName, description));
		return field(code);
	}

	@Transactional
	public SourceField describeField(String code, String description) {
		InputRules.optionalText("description", description, InputRules.MAX_TEXT);
		require("SourceField", "source field", code);
		audit.recorded(ChangeKind.SOURCE_FIELD, code, "UPDATE", () -> repository.describeField(code, description));
		return field(code);
	}

	/**
	 * The qualified code of a new table or field ({@code parent.name}), once the name is
	 * valid, the parent exists and the code is free; takes the catalogue lock first.
	 */
	private String childCode(String parentLabel, String parentKind, String parentCode, String field, String name,
			String label, String kind) {
		requirePart(field, name);
		repository.lock();
		require(parentLabel, parentKind, parentCode);
		String code = parentCode + "." + name;
		if (repository.exists(label, code)) {
			throw duplicate(kind, code);
		}
		return code;
	}

	// ---- derivations
	// ---------------------------------------------------------------------------

	/**
	 * Declares the tag derived from the fields and tags; refused whole on an unknown code
	 * or a cycle.
	 */
	@Transactional
	public void derive(String tagCode, List<String> fromFields, List<String> fromTags, String transform) {
		Set<String> fields = new LinkedHashSet<>(fromFields == null ? List.of() : fromFields);
		Set<String> tags = new LinkedHashSet<>(fromTags == null ? List.of() : fromTags);
		if (fields.isEmpty() && tags.isEmpty()) {
			throw DomainException.invalid("fromFields", "give at least one field or tag to derive from");
		}
		if (fields.size() + tags.size() > MAX_SOURCES_PER_CALL) {
			throw DomainException.invalid("fromFields", "at most %d sources per call".formatted(MAX_SOURCES_PER_CALL));
		}
		// as long as the lineage import allows (ImportColumns.MAX_VALUE)
		InputRules.optionalText("transform", transform, MAX_TRANSFORM);
		repository.lock();
		require("Tag", "tag", tagCode);
		requireAll("SourceField", "source field", "fromFields", fields);
		requireAll("Tag", "tag", "fromTags", tags);
		if (tags.contains(tagCode)) {
			throw new DomainException(ErrorCode.CYCLE, "tag %s cannot be derived from itself".formatted(tagCode),
					Map.of("field", "fromTags", "subject", tagCode, "path", List.of(tagCode, tagCode)));
		}
		List<String> path = repository.cycleThrough(tagCode, tags);
		if (!path.isEmpty()) {
			// path runs from the would-be upstream tag down to this tag; the new edge
			// closes it
			List<String> cycle = new ArrayList<>(path);
			cycle.add(path.get(0));
			throw new DomainException(ErrorCode.CYCLE, "deriving %s from %s would close a cycle: %s".formatted(tagCode,
					path.get(0), String.join(" ← ", cycle)),
					Map.of("field", "fromTags", "subject", tagCode, "path", cycle));
		}
		audit.recorded(ChangeKind.TAG, tagCode, "DERIVE", () -> repository.derive(tagCode, fields, tags, transform));
	}

	@Transactional
	public void removeDerivation(String tagCode, String fromCode) {
		repository.lock();
		require("Tag", "tag", tagCode);
		var change = audit.change(ChangeKind.TAG, tagCode);
		if (!repository.removeDerivation(tagCode, fromCode)) {
			throw new DomainException(ErrorCode.NOT_FOUND, "tag %s is not derived from %s".formatted(tagCode, fromCode),
					Map.of("field", "fromCode", "subject", String.valueOf(fromCode)));
		}
		change.record("REMOVE_DERIVATION");
	}

	// ---- lineage import
	// ----------------------------------------------------------------------------

	/**
	 * Imports the derivations of a lineage file in one transaction, under the lock
	 * {@link #derive} takes, so no concurrent derivation can close a cycle the check did
	 * not see. Every row is checked first, with a few reads for the whole file; any
	 * problem, including those found while reading it, means nothing is written. Only new
	 * and changed derivations are written, so the same file again writes nothing.
	 */
	@Transactional
	public ImportOutcome importDerivations(DerivationFile file, boolean dryRun, int maxErrors) {
		long started = System.nanoTime();
		if (!dryRun) {
			repository.lock();
		}
		DerivationImport derivations = new DerivationImport(file.rows());
		DerivationImport.Catalogue catalogue = catalogue(derivations, file.rows());
		List<ImportProblem> problems = new ArrayList<>(file.problems());
		problems.addAll(derivations.validate(catalogue, maxErrors));
		long errorCount = file.problemCount() - file.problems().size() + problems.size();
		if (errorCount > 0) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			problems.sort(Comparator.comparingLong(ImportProblem::lineOrZero));
			List<ImportProblem> listed = new ArrayList<>(problems.subList(0, Math.min(problems.size(), maxErrors)));
			if (errorCount > listed.size()) {
				listed.add(ImportProblem.general("TOO_MANY_ERRORS",
						"%d more errors not listed (taggraph.import.max-errors is %d)"
							.formatted(errorCount - listed.size(), maxErrors)));
			}
			return ImportOutcome.refused(dryRun, file.rowCount(), listed, errorCount, millisSince(started));
		}
		DerivationImport.Changes changes = derivations.changes(catalogue);
		String eventId = null;
		if (!dryRun) {
			List<DerivationRow> writes = new ArrayList<>(changes.created());
			writes.addAll(changes.updated());
			List<Map<String, Object>> fromFields = new ArrayList<>();
			List<Map<String, Object>> fromTags = new ArrayList<>();
			for (DerivationRow row : writes) {
				Map<String, Object> params = CypherParameters.of("tag", row.tagCode(), "source", row.sourceCode(),
						"transform", row.transform());
				(row.isFromField() ? fromFields : fromTags).add(params);
			}
			batches(fromFields).forEach(rows -> repository.deriveFrom(GraphModel.SOURCE_FIELD, rows));
			batches(fromTags).forEach(rows -> repository.deriveFrom(GraphModel.TAG, rows));
			// one event for the whole file: the derivations written are in the tags'
			// lineage
			eventId = audit.recordImport("lineage-" + java.util.UUID.randomUUID(),
					Map.of("rows", file.rowCount(), "created", changes.created().size(), "updated",
							changes.updated().size(), "unchanged", changes.unchanged()));
		}
		return ImportOutcome.written(dryRun, new ImportOutcome.Counts(file.rowCount(), changes.created().size(),
				changes.updated().size(), changes.unchanged()), eventId, millisSince(started));
	}

	/**
	 * The catalogue a file is checked against: one read per kind of code, whatever the
	 * file's size.
	 */
	private DerivationImport.Catalogue catalogue(DerivationImport derivations, List<DerivationRow> rows) {
		if (rows.isEmpty()) {
			return new DerivationImport.Catalogue(Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), List.of());
		}
		Set<String> tags = new HashSet<>(repository.existing("Tag", derivations.tagCodes()));
		Set<String> fields = new HashSet<>(repository.existing("SourceField", derivations.fieldCodes()));
		Set<String> tables = new HashSet<>();
		Set<String> systems = new HashSet<>();
		List<DerivationRow> missing = rows.stream()
			.filter(r -> r.isFromField() && !fields.contains(r.fieldCode()))
			.toList();
		if (!missing.isEmpty()) {
			tables.addAll(repository.existing("SourceTable",
					missing.stream().map(DerivationRow::tableCode).collect(Collectors.toSet())));
			systems.addAll(repository.existing("SourceSystem",
					missing.stream().map(DerivationRow::system).collect(Collectors.toSet())));
		}
		Map<DerivationImport.Key, String> declared = new HashMap<>();
		repository.declaredDerivations(tags).forEach(d -> declared.put(DerivationImport.Key.of(d), d.transform()));
		List<DeclaredDerivation> tagEdges = derivations.hasTagRows() ? repository.tagToTagDerivations() : List.of();
		return new DerivationImport.Catalogue(tags, fields, tables, systems, declared, tagEdges);
	}

	private static List<List<Map<String, Object>>> batches(List<Map<String, Object>> rows) {
		List<List<Map<String, Object>>> batches = new ArrayList<>();
		for (int i = 0; i < rows.size(); i += IMPORT_BATCH) {
			batches.add(rows.subList(i, Math.min(rows.size(), i + IMPORT_BATCH)));
		}
		return batches;
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	// ---- checks
	// -----------------------------------------------------------------------------------

	private void require(String label, String kind, String code) {
		if (code == null || !repository.exists(label, code)) {
			throw DomainException.notFound(kind, String.valueOf(code));
		}
	}

	private void requireAll(String label, String kind, String field, Set<String> codes) {
		if (codes.isEmpty()) {
			return;
		}
		Set<String> unknown = new LinkedHashSet<>(codes);
		repository.existing(label, codes).forEach(unknown::remove);
		if (!unknown.isEmpty()) {
			throw new DomainException(ErrorCode.NOT_FOUND,
					"unknown %s%s %s".formatted(kind, unknown.size() == 1 ? "" : "s", String.join(", ", unknown)),
					Map.of("field", field, "subject", List.copyOf(unknown)));
		}
	}

	private static void requireKind(String kind) {
		if (kind == null || !KINDS.contains(kind)) {
			throw DomainException.invalid("kind", "must be INTERNAL or EXTERNAL, was " + kind);
		}
	}

	/**
	 * A table or field name: a code without dots, since dots join system, table and
	 * field.
	 */
	private static void requirePart(String field, String value) {
		InputRules.requireCode(field, value);
		if (value.contains(".")) {
			throw DomainException.invalid(field,
					"'%s' may not contain '.', which separates system, table and field".formatted(value));
		}
	}

	private static DomainException duplicate(String kind, String code) {
		return new DomainException(ErrorCode.DUPLICATE_CODE, "%s '%s' already exists".formatted(kind, code),
				Map.of("subject", code));
	}

}
