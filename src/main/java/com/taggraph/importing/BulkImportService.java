package com.taggraph.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.taggraph.audit.AuditTrail;
import com.taggraph.customer.BulkAssignments;
import com.taggraph.customer.CustomersBulkChanged;
import com.taggraph.graph.EmbeddedNeo4jProperties;

/**
 * Bulk imports of customers and tag assignments. The contract: validate the files completely
 * (every error with its line, nothing written if there is one), then write in large batches, one
 * transaction per batch. Each batch commits together with the import's progress on its
 * {@code :ImportRun}, so an import interrupted by a crash is found RUNNING at the next start and can
 * be rolled back (everything carrying its {@code importId} is deleted) or resumed from the first
 * batch that did not commit, from the validated copy of its files kept in the work directory.
 * One import writes at a time in this process.
 */
@Service
class BulkImportService {

	private static final Log log = LogFactory.getLog(BulkImportService.class);
	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final BulkAssignments bulk;
	private final ImportRuns runs;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final Path workDir;
	private final int maxErrors;
	private final ZoneId zone = ZoneId.systemDefault();
	private final ReentrantLock writing = new ReentrantLock();
	private final Set<String> active = ConcurrentHashMap.newKeySet();
	private volatile int batchRows;
	private volatile int writers;

	BulkImportService(BulkAssignments bulk, ImportRuns runs, PlatformTransactionManager transactions,
			ApplicationEventPublisher events, AuditTrail audit, ImportProperties properties,
			EmbeddedNeo4jProperties neo4j) {
		this.bulk = bulk;
		this.runs = runs;
		this.tx = new TransactionTemplate(transactions);
		this.events = events;
		this.audit = audit;
		this.workDir = properties.workDir(neo4j.dataDir()).toAbsolutePath().normalize();
		this.batchRows = properties.batchRows();
		this.maxErrors = properties.maxErrors();
		this.writers = properties.writers();
	}

	/** Where uploads are spooled, on the same file system as the kept copies so keeping one is a rename. */
	Path incomingDir() {
		try {
			return Files.createDirectories(workDir.resolve("incoming"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- import -----------------------------------------------------------------------------

	/**
	 * Validates the files and, unless a dry run, writes them. {@code ownFiles}: the files are
	 * temporary uploads that may be moved into the work directory; otherwise they are linked or copied.
	 */
	ImportReport importFiles(List<ImportFile> given, boolean dryRun, String origin, ImportProgress progress,
			boolean ownFiles) {
		List<ImportFile> files = new ArrayList<>(given);
		files.sort(Comparator.comparing(ImportFile::kind));
		if (!dryRun && !writing.tryLock()) {
			throw ImportRefusal.conflict("another import is being written or rolled back; try again when it has finished");
		}
		try {
			OffsetDateTime startedAt = OffsetDateTime.now();
			long started = System.nanoTime();
			Validated validated = validate(files, progress);
			long validateMillis = (System.nanoTime() - started) / 1_000_000;
			if (!validated.problems().isEmpty()) {
				return ImportReport.refused(dryRun, validated.errors(), validated.problems().count(),
						validated.counts().get(FileKind.CUSTOMERS), validated.counts().get(FileKind.ASSIGNMENTS),
						validateMillis);
			}
			ImportReport.Counts total = validated.total();
			if (dryRun) {
				return new ImportReport(true, false, total.created(), total.updated(), total.unchanged(), List.of(), null,
						null, total.rows(), 0, 0, validated.counts().get(FileKind.CUSTOMERS),
						validated.counts().get(FileKind.ASSIGNMENTS), validateMillis, 0);
			}
			String id = "imp-" + ID_TIME.format(startedAt) + "-"
					+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
			List<ImportFile> kept = keep(files, id, ownFiles);
			ImportRun run = new ImportRun(id, kind(files), ImportRun.RUNNING, false, origin, null, null, total.rows(), 0, 0,
					files.stream().map(ImportFile::name).toList(), files.stream().map(f -> f.kind().name()).toList(),
					files.stream().map(f -> validated.counts().get(f.kind()).rows()).toList(),
					files.stream().map(f -> validated.checksums().get(f.kind())).toList(),
					kept.stream().map(f -> f.path().toString()).toList(), total.created(), total.updated(),
					total.unchanged(), null);
			tx.executeWithoutResult(status -> runs.create(run, startedAt));
			log.info("Import %s validated %d rows in %d ms; writing".formatted(id, total.rows(), validateMillis));
			return write(run, kept, 0, progress, validated, validateMillis);
		}
		finally {
			if (writing.isHeldByCurrentThread()) {
				writing.unlock();
			}
		}
	}

	// ---- resume and rollback ----------------------------------------------------------------

	/** Re-validates the kept files against the database as it is now, then writes from the first batch that did not commit. */
	ImportReport resume(String id, ImportProgress progress) {
		if (!writing.tryLock()) {
			throw ImportRefusal.conflict("another import is being written or rolled back; try again when it has finished");
		}
		try {
			ImportRun run = incomplete(id, "resumed");
			List<ImportFile> files = new ArrayList<>();
			for (int i = 0; i < run.workFiles().size(); i++) {
				Path path = Path.of(run.workFiles().get(i));
				if (!Files.isReadable(path)) {
					throw ImportRefusal.conflict("the validated copy %s of import %s is gone; roll the import back instead"
						.formatted(path, id));
				}
				files.add(new ImportFile(FileKind.valueOf(run.fileKinds().get(i)), path, run.files().get(i)));
			}
			long started = System.nanoTime();
			Validated validated = validate(files, progress);
			long validateMillis = (System.nanoTime() - started) / 1_000_000;
			for (int i = 0; i < files.size(); i++) {
				String checksum = validated.checksums().get(files.get(i).kind());
				if (checksum != null && !checksum.equals(run.checksums().get(i))) {
					throw ImportRefusal.conflict("the kept copy %s of import %s has changed since it was validated; roll the import back instead"
						.formatted(files.get(i).path(), id));
				}
			}
			if (!validated.problems().isEmpty()) {
				return ImportReport.refused(false, validated.errors(), validated.problems().count(),
						validated.counts().get(FileKind.CUSTOMERS), validated.counts().get(FileKind.ASSIGNMENTS),
						validateMillis);
			}
			log.info("Resuming import %s at row %d of %d".formatted(id, run.rowsWritten(), run.rows()));
			return write(run, files, run.rowsWritten(), progress, validated, validateMillis);
		}
		finally {
			writing.unlock();
		}
	}

	/** What a rollback deleted. */
	record Rollback(String importId, String status, long deletedAssignments, long deletedCustomers, long millis) {
	}

	/**
	 * Deletes exactly the assignments carrying the import's id, then the customers it created, in
	 * batches, and marks it ROLLED_BACK. Idempotent: a rollback interrupted half way can run again.
	 * Customers the import only updated keep their new properties.
	 */
	Rollback rollback(String id) {
		if (!writing.tryLock()) {
			throw ImportRefusal.conflict("another import is being written or rolled back; try again when it has finished");
		}
		try {
			ImportRun run = runs.find(id).orElseThrow(() -> ImportRefusal.notFound(id));
			if (ImportRun.ROLLED_BACK.equals(run.status())) {
				return new Rollback(id, run.status(), 0, 0, 0);
			}
			if (active.contains(id)) {
				throw ImportRefusal.conflict("import %s is being written".formatted(id));
			}
			long started = System.nanoTime();
			int limit = batchRows;
			long assignments = 0;
			long deleted;
			do {
				deleted = tx.execute(status -> bulk.deleteAssignmentsOf(id, limit));
				assignments += deleted;
			}
			while (deleted > 0);
			long customers = 0;
			do {
				deleted = tx.execute(status -> bulk.deleteCustomersOf(id, limit));
				customers += deleted;
			}
			while (deleted > 0);
			String message = "rolled back: deleted %d assignments and %d customers".formatted(assignments, customers);
			long deletedAssignments = assignments;
			long deletedCustomers = customers;
			tx.executeWithoutResult(status -> {
				runs.finish(id, ImportRun.ROLLED_BACK, message);
				audit.recordImport(id, "ROLLBACK", Map.of("deletedAssignments", deletedAssignments,
						"deletedCustomers", deletedCustomers));
			});
			deleteWorkFiles(run.workFiles());
			log.info("Import %s %s".formatted(id, message));
			events.publishEvent(new CustomersBulkChanged(id, "ROLLED_BACK"));
			return new Rollback(id, ImportRun.ROLLED_BACK, assignments, customers, (System.nanoTime() - started) / 1_000_000);
		}
		finally {
			writing.unlock();
		}
	}

	/** Every import that reached the write phase, newest first. */
	List<ImportRun> runs() {
		return runs.all().stream().map(this::withIncomplete).toList();
	}

	ImportRun run(String id) {
		return runs.find(id).map(this::withIncomplete).orElseThrow(() -> ImportRefusal.notFound(id));
	}

	/** RUNNING imports that nothing in this process writes: interrupted. */
	List<ImportRun> incompleteRuns() {
		return runs.running().stream().map(this::withIncomplete).filter(ImportRun::incomplete).toList();
	}

	private ImportRun withIncomplete(ImportRun run) {
		return run.withIncomplete(ImportRun.RUNNING.equals(run.status()) && !active.contains(run.id()));
	}

	private ImportRun incomplete(String id, String what) {
		ImportRun run = runs.find(id).orElseThrow(() -> ImportRefusal.notFound(id));
		if (!ImportRun.RUNNING.equals(run.status())) {
			throw ImportRefusal.conflict("import %s is %s; only an incomplete import can be %s".formatted(id, run.status(), what));
		}
		if (active.contains(id)) {
			throw ImportRefusal.conflict("import %s is being written".formatted(id));
		}
		return run;
	}

	// ---- validation -------------------------------------------------------------------------

	private record Validated(ImportProblems problems, List<ImportProblem> errors, Map<FileKind, ImportReport.Counts> counts,
			Map<FileKind, String> checksums) {

		ImportReport.Counts total() {
			ImportReport.Counts sum = new ImportReport.Counts(0, 0, 0, 0);
			for (var c : counts.values()) {
				sum = sum.plus(c);
			}
			return sum;
		}
	}

	private Validated validate(List<ImportFile> files, ImportProgress progress) {
		ImportProblems problems = new ImportProblems(maxErrors);
		Map<FileKind, ImportReport.Counts> counts = new LinkedHashMap<>();
		Map<FileKind, String> checksums = new HashMap<>();
		try {
			TagLibrary library = TagLibrary.of(bulk.tagRules());
			ImportValidation validation = new ImportValidation(bulk, library, problems, zone, 10_000, progress);
			ImportFile assignments = null;
			for (ImportFile file : files) {
				var result = file.kind() == FileKind.CUSTOMERS ? validation.customers(file) : validation.assignments(file);
				counts.put(file.kind(), result.counts());
				checksums.put(file.kind(), result.checksum());
				if (file.kind() == FileKind.ASSIGNMENTS) {
					assignments = file;
				}
			}
			Set<ImportProblems.Ref> refs = problems.refs();
			var firstLines = assignments == null || refs.isEmpty() ? Map.<ImportProblems.Ref, Long>of()
					: validation.firstLines(assignments, refs);
			return new Validated(problems, problems.list(firstLines), counts, checksums);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- writing ----------------------------------------------------------------------------

	private ImportReport write(ImportRun run, List<ImportFile> files, long from, ImportProgress progress,
			Validated validated, long validateMillis) {
		String id = run.id();
		active.add(id);
		long started = System.nanoTime();
		long[] position = { from, run.batchesDone() };
		try {
			writeRows(run, files, position, progress);
		}
		catch (RuntimeException | IOException ex) {
			active.remove(id);
			String message = "the write stopped with every row up to %d of %d committed: %s. Resume with POST /api/imports/%s/resume or roll back with POST /api/imports/%s/rollback"
				.formatted(position[0], run.rows(), ex.getMessage(), id, id);
			log.error("Import %s is INCOMPLETE: %s".formatted(id, message), ex);
			try {
				tx.executeWithoutResult(status -> runs.stopped(id, "interrupted: " + ex.getMessage(), position[0]));
			}
			catch (RuntimeException noted) {
				log.warn("Could not note the interruption on import " + id, noted);
			}
			if (position[0] > 0) {
				events.publishEvent(new CustomersBulkChanged(id, "INTERRUPTED"));
			}
			ImportReport.Counts total = validated.total();
			return new ImportReport(false, false, 0, 0, 0, List.of(ImportProblem.general("INTERRUPTED", message)), id,
					ImportRun.RUNNING, total.rows(), position[0], 1, validated.counts().get(FileKind.CUSTOMERS),
					validated.counts().get(FileKind.ASSIGNMENTS), validateMillis, (System.nanoTime() - started) / 1_000_000);
		}
		finally {
			progress.finish();
		}
		ImportReport.Counts counts = validated.total();
		// one event per import, committed with the run's COMPLETE: the rows carry the import id
		tx.executeWithoutResult(status -> {
			runs.finish(id, ImportRun.COMPLETE, null);
			audit.recordImport(id, Map.of("kind", run.kind(), "rows", counts.rows(), "created", counts.created(),
					"updated", counts.updated(), "unchanged", counts.unchanged(), "resumed", from > 0));
		});
		active.remove(id);
		deleteWorkFiles(files.stream().map(f -> f.path().toString()).toList());
		long writeMillis = (System.nanoTime() - started) / 1_000_000;
		log.info("Import %s complete: %d rows written in %d batches, %d ms".formatted(id, position[0] - from,
				position[1] - run.batchesDone(), writeMillis));
		events.publishEvent(new CustomersBulkChanged(id, from > 0 ? "RESUMED" : "IMPORTED"));
		ImportReport.Counts total = validated.total();
		return new ImportReport(false, true, total.created(), total.updated(), total.unchanged(), List.of(), id,
				ImportRun.COMPLETE, total.rows(), position[0], 0, validated.counts().get(FileKind.CUSTOMERS),
				validated.counts().get(FileKind.ASSIGNMENTS), validateMillis, writeMillis);
	}

	/**
	 * Streams the files again and writes the rows after {@code position[0]} in batches on
	 * {@link #writers} threads, the customers' batches all committed before the first assignment
	 * batch. {@code position} follows the committed prefix and the batches committed.
	 */
	private void writeRows(ImportRun run, List<ImportFile> files, long[] position, ImportProgress progress)
			throws IOException {
		long from = position[0];
		int size = batchRows;
		progress.start("write", run.rows() - from);
		long row = 0;
		try (BatchWriters batches = new BatchWriters(writers, from)) {
			for (ImportFile file : files) {
				try (CsvRows rows = new CsvRows(file.path())) {
					CsvRows.Row header = rows.next();
					ImportProblems none = new ImportProblems(0);
					ImportColumns.Customers customerColumns = file.kind() == FileKind.CUSTOMERS
							? ImportColumns.customers(header, none, null) : null;
					ImportColumns.Assignments assignmentColumns = file.kind() == FileKind.ASSIGNMENTS
							? ImportColumns.assignments(header, none, null) : null;
					List<Map<String, Object>> batch = new ArrayList<>(size);
					long after = Math.max(row, from);
					Object lastCustomer = null;
					CsvRows.Row r;
					while ((r = rows.next()) != null) {
						row++;
						if (row <= from) {
							continue;
						}
						Map<String, Object> parsed = customerColumns != null ? customerRow(r, customerColumns)
								: assignmentRow(r, assignmentColumns);
						Object customer = parsed.get(customerColumns != null ? "id" : "customerId");
						// a batch ends between customers: a batch holds its customers' write locks until it
						// commits, so two writers sharing a customer would wait on each other
						if (batch.size() >= size && !customer.equals(lastCustomer)) {
							submit(batches, run.id(), file.kind(), batch, after, row - 1, position, progress);
							batch = new ArrayList<>(size);
							after = row - 1;
						}
						batch.add(parsed);
						lastCustomer = customer;
					}
					if (!batch.isEmpty()) {
						submit(batches, run.id(), file.kind(), batch, after, row, position, progress);
					}
				}
				catch (CsvRows.Unreadable ex) {
					batches.fail(new IllegalStateException("the validated file %s cannot be read again: %s"
						.formatted(file.path(), ex.getMessage()), ex));
				}
				finally {
					// customers exist before their assignments are written; and a failure stops here
					try {
						batches.awaitAll();
					}
					finally {
						position[0] = batches.prefix();
					}
				}
			}
		}
	}

	private void submit(BatchWriters batches, String id, FileKind kind, List<Map<String, Object>> batch, long after,
			long last, long[] position, ImportProgress progress) {
		batches.submit(after, last, prefix -> tx.executeWithoutResult(status -> {
			if (kind == FileKind.CUSTOMERS) {
				bulk.upsertCustomers(batch, id);
			}
			else {
				bulk.createAssignments(batch, id);
			}
			runs.progress(id, prefix);
		}), () -> {
			synchronized (position) {
				position[0] = batches.prefix();
				position[1]++;
				progress.step(batch.size());
			}
		});
	}

	private static Map<String, Object> customerRow(CsvRows.Row r, ImportColumns.Customers columns) {
		Map<String, Object> properties = new HashMap<>();
		String name = ImportColumns.cell(r, columns.name());
		if (name != null) {
			properties.put("name", name);
		}
		for (int i = 0; i < columns.attributes().size(); i++) {
			String value = ImportColumns.cell(r, columns.attributeIndexes().get(i));
			if (value != null) {
				properties.put(columns.attributes().get(i), value);
			}
		}
		Map<String, Object> row = new HashMap<>(4);
		row.put("id", ImportColumns.cell(r, columns.id()));
		row.put("properties", properties);
		return row;
	}

	private Map<String, Object> assignmentRow(CsvRows.Row r, ImportColumns.Assignments columns) {
		Map<String, Object> row = new HashMap<>(8);
		row.put("customerId", ImportColumns.cell(r, columns.customerId()));
		row.put("tagCode", ImportColumns.cell(r, columns.tagCode()));
		row.put("value", ImportColumns.cell(r, columns.value()));
		String at = ImportColumns.cell(r, columns.assignedAt());
		row.put("assignedAt", at == null ? null : ImportColumns.assignedAt(at, zone));
		return row;
	}

	// ---- files ------------------------------------------------------------------------------

	private List<ImportFile> keep(List<ImportFile> files, String id, boolean ownFiles) {
		List<ImportFile> kept = new ArrayList<>();
		try {
			Files.createDirectories(workDir);
			for (ImportFile file : files) {
				Path target = workDir.resolve(id + "-" + file.kind().name().toLowerCase() + ".csv");
				if (ownFiles) {
					Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
				}
				else {
					try {
						Files.createLink(target, file.path().toAbsolutePath());
					}
					catch (FileSystemException | UnsupportedOperationException ex) {
						Files.copy(file.path(), target);
					}
				}
				kept.add(new ImportFile(file.kind(), target, file.name()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the validated files in " + workDir, ex);
		}
		return kept;
	}

	private static void deleteWorkFiles(List<String> paths) {
		for (String path : paths) {
			try {
				Files.deleteIfExists(Path.of(path));
			}
			catch (IOException ex) {
				log.warn("Could not delete " + path, ex);
			}
		}
	}

	private static String kind(List<ImportFile> files) {
		return files.size() == 1 ? files.get(0).kind().name() : "LOAD";
	}

	// ---- tuning ------------------------------------------------------------------------------

	void batchRows(int rows) {
		this.batchRows = rows;
	}

	int batchRows() {
		return batchRows;
	}

	void writers(int writers) {
		this.writers = writers;
	}

	int writers() {
		return writers;
	}
}
