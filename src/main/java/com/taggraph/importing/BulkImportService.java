package com.taggraph.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.taggraph.audit.AuditTrail;
import com.taggraph.graph.EmbeddedNeo4jProperties;
import com.taggraph.graph.TransientRetry;

/**
 * Bulk imports of the files a {@link BulkImportTarget} loads (customers and tag
 * assignments). The contract: validate the files completely (every error with its line,
 * nothing written if there is one), then write in large batches, one transaction per
 * batch. Each batch commits together with the import's progress on its
 * {@code :ImportRun}, so an import interrupted by a crash is found RUNNING at the next
 * start and can be rolled back (everything carrying its {@code importId} is deleted) or
 * resumed from the first batch that did not commit, from the validated copy of its files
 * kept in the work directory. One import writes at a time in this process.
 */
@Service
public class BulkImportService {

	private static final Log log = LogFactory.getLog(BulkImportService.class);

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final BulkImportTarget target;

	private final ImportRuns runs;

	private final TransactionTemplate tx;

	private final AuditTrail audit;

	private final Path workDir;

	private final int maxErrors;

	private final ReentrantLock writing = new ReentrantLock();

	private final Set<String> active = ConcurrentHashMap.newKeySet();

	private volatile int batchRows;

	private volatile int writers;

	BulkImportService(BulkImportTarget target, ImportRuns runs, PlatformTransactionManager transactions,
			AuditTrail audit, ImportProperties properties, EmbeddedNeo4jProperties neo4j) {
		this.target = target;
		this.runs = runs;
		this.tx = TransientRetry.template(transactions);
		this.audit = audit;
		this.workDir = properties.workDir(neo4j.dataDir()).toAbsolutePath().normalize();
		this.batchRows = properties.batchRows();
		this.maxErrors = properties.maxErrors();
		this.writers = properties.writers();
	}

	/**
	 * Where uploads are spooled, on the same file system as the kept copies so keeping
	 * one is a rename.
	 */
	public Path incomingDir() {
		try {
			return Files.createDirectories(workDir.resolve("incoming"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- import
	// -----------------------------------------------------------------------------

	/**
	 * Validates the files and, unless a dry run, writes them. {@code ownFiles}: the files
	 * are temporary uploads that may be moved into the work directory; otherwise they are
	 * linked or copied.
	 */
	public ImportOutcome importFiles(List<ImportFile> given, boolean dryRun, String origin, ImportProgress progress,
			boolean ownFiles) {
		List<ImportFile> files = new ArrayList<>(given);
		files.sort(Comparator.comparingInt(f -> target.fileKinds().indexOf(f.kind())));
		if (!dryRun && !writing.tryLock()) {
			throw ImportRefusal
				.conflict("another import is being written or rolled back; try again when it has finished");
		}
		try {
			OffsetDateTime startedAt = OffsetDateTime.now();
			long started = System.nanoTime();
			Validated validated = validate(files, progress);
			long validateMillis = (System.nanoTime() - started) / 1_000_000;
			if (!validated.problems().isEmpty()) {
				return validated.refused(dryRun, validateMillis);
			}
			ImportOutcome.Counts total = validated.total();
			if (dryRun) {
				return new ImportOutcome(true, false, total, List.of(), 0, null, validateMillis,
						new ImportOutcome.Run(null, null, 0, validated.counts(), validateMillis, 0), null);
			}
			String id = "imp-" + ID_TIME.format(startedAt) + "-"
					+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
			List<ImportFile> kept = keep(files, id, ownFiles);
			ImportRun run = new ImportRun(id, kind(files), ImportRun.RUNNING, false, origin, null, null, total.rows(),
					0, 0, files.stream().map(ImportFile::name).toList(), files.stream().map(ImportFile::kind).toList(),
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

	// ---- resume and rollback
	// ----------------------------------------------------------------

	/**
	 * Re-validates the kept files against the database as it is now, then writes from the
	 * first batch that did not commit.
	 */
	public ImportOutcome resume(String id, ImportProgress progress) {
		if (!writing.tryLock()) {
			throw ImportRefusal
				.conflict("another import is being written or rolled back; try again when it has finished");
		}
		try {
			ImportRun run = incomplete(id, "resumed");
			List<ImportFile> files = new ArrayList<>();
			for (int i = 0; i < run.workFiles().size(); i++) {
				Path path = Path.of(run.workFiles().get(i));
				if (!Files.isReadable(path)) {
					throw ImportRefusal
						.conflict("the validated copy %s of import %s is gone; roll the import back instead"
							.formatted(path, id));
				}
				files.add(new ImportFile(run.fileKinds().get(i), path, run.files().get(i)));
			}
			long started = System.nanoTime();
			Validated validated = validate(files, progress);
			long validateMillis = (System.nanoTime() - started) / 1_000_000;
			for (int i = 0; i < files.size(); i++) {
				String checksum = validated.checksums().get(files.get(i).kind());
				if (checksum != null && !checksum.equals(run.checksums().get(i))) {
					throw ImportRefusal.conflict(
							"the kept copy %s of import %s has changed since it was validated; roll the import back instead"
								.formatted(files.get(i).path(), id));
				}
			}
			if (!validated.problems().isEmpty()) {
				return validated.refused(false, validateMillis);
			}
			log.info("Resuming import %s at row %d of %d".formatted(id, run.rowsWritten(), run.rows()));
			return write(run, files, run.rowsWritten(), progress, validated, validateMillis);
		}
		finally {
			writing.unlock();
		}
	}

	/**
	 * What a rollback deleted: {@code deleted} by file kind, in JSON as
	 * {@code deletedCustomers}, {@code deletedAssignments}, ….
	 */
	public record Rollback(String importId, String status, @JsonIgnore Map<String, Long> deleted, long millis) {

		@JsonAnyGetter
		Map<String, Long> deletedByKind() {
			Map<String, Long> named = new LinkedHashMap<>();
			deleted.forEach((kind, n) -> named.put("deleted" + kind.charAt(0) + kind.substring(1).toLowerCase(), n));
			return named;
		}

		/**
		 * "11 assignments and 0 customers", each count in {@code format} ({@code %d},
		 * {@code %,d}).
		 */
		public String summary(String format) {
			return String.join(" and ",
					deleted.entrySet()
						.stream()
						.map(e -> (format + " %s").formatted(e.getValue(), e.getKey().toLowerCase()))
						.toList());
		}
	}

	/**
	 * Deletes exactly what carries the import's id, file kind by file kind from the last
	 * written (the assignments, then the customers it created), in batches, and marks it
	 * ROLLED_BACK. Idempotent: a rollback interrupted half way can run again. Customers
	 * the import only updated keep their new properties.
	 */
	public Rollback rollback(String id) {
		if (!writing.tryLock()) {
			throw ImportRefusal
				.conflict("another import is being written or rolled back; try again when it has finished");
		}
		try {
			ImportRun run = runs.find(id).orElseThrow(() -> ImportRefusal.notFound(id));
			if (ImportRun.ROLLED_BACK.equals(run.status())) {
				Map<String, Long> none = new LinkedHashMap<>();
				lastWrittenFirst().forEach(kind -> none.put(kind, 0L));
				return new Rollback(id, run.status(), none, 0);
			}
			if (active.contains(id)) {
				throw ImportRefusal.conflict("import %s is being written".formatted(id));
			}
			long started = System.nanoTime();
			int limit = batchRows;
			Map<String, Long> deleted = new LinkedHashMap<>();
			for (String kind : lastWrittenFirst()) {
				long total = 0;
				long batch;
				do {
					batch = tx.execute(status -> target.deleteWritten(kind, id, limit));
					total += batch;
				}
				while (batch > 0);
				deleted.put(kind, total);
			}
			Rollback done = new Rollback(id, ImportRun.ROLLED_BACK, deleted, (System.nanoTime() - started) / 1_000_000);
			String message = "rolled back: deleted " + done.summary("%d");
			tx.executeWithoutResult(status -> {
				runs.finish(id, ImportRun.ROLLED_BACK, message);
				audit.recordImport(id, "ROLLBACK", Map.copyOf(done.deletedByKind()));
			});
			deleteWorkFiles(run.workFiles());
			log.info("Import %s %s".formatted(id, message));
			target.changed(id, "ROLLED_BACK");
			return done;
		}
		finally {
			writing.unlock();
		}
	}

	/** Every import that reached the write phase, newest first. */
	public List<ImportRun> runs() {
		return runs.all().stream().map(this::withIncomplete).toList();
	}

	public ImportRun run(String id) {
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
			throw ImportRefusal
				.conflict("import %s is %s; only an incomplete import can be %s".formatted(id, run.status(), what));
		}
		if (active.contains(id)) {
			throw ImportRefusal.conflict("import %s is being written".formatted(id));
		}
		return run;
	}

	// ---- validation
	// -------------------------------------------------------------------------

	private record Validated(ImportProblems problems, List<ImportProblem> errors,
			Map<String, ImportOutcome.Counts> counts, Map<String, String> checksums) {

		ImportOutcome.Counts total() {
			ImportOutcome.Counts sum = ImportOutcome.Counts.NONE;
			for (var c : counts.values()) {
				sum = sum.plus(c);
			}
			return sum;
		}

		ImportOutcome refused(boolean dryRun, long validateMillis) {
			return ImportOutcome.refused(dryRun, total().rows(), errors, problems.count(), validateMillis)
				.withRun(new ImportOutcome.Run(null, null, 0, counts, validateMillis, 0));
		}
	}

	private Validated validate(List<ImportFile> files, ImportProgress progress) {
		ImportProblems problems = new ImportProblems(maxErrors);
		try {
			BulkImportTarget.Checked checked = target.check(files, problems, progress);
			return new Validated(problems, checked.problems(), checked.counts(), checked.checksums());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- writing
	// ----------------------------------------------------------------------------

	private ImportOutcome write(ImportRun run, List<ImportFile> files, long from, ImportProgress progress,
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
				target.changed(id, "INTERRUPTED");
			}
			long writeMillis = (System.nanoTime() - started) / 1_000_000;
			return ImportOutcome
				.refused(false, validated.total().rows(), List.of(ImportProblem.general("INTERRUPTED", message)), 1,
						validateMillis + writeMillis)
				.withRun(new ImportOutcome.Run(id, ImportRun.RUNNING, position[0], validated.counts(), validateMillis,
						writeMillis));
		}
		finally {
			progress.finish();
		}
		ImportOutcome.Counts counts = validated.total();
		// one event per import, committed with the run's COMPLETE: the rows carry the
		// import id
		String eventId = tx.execute(status -> {
			runs.finish(id, ImportRun.COMPLETE, null);
			return audit.recordImport(id, Map.of("kind", run.kind(), "rows", counts.rows(), "created", counts.created(),
					"updated", counts.updated(), "unchanged", counts.unchanged(), "resumed", from > 0));
		});
		active.remove(id);
		deleteWorkFiles(files.stream().map(f -> f.path().toString()).toList());
		long writeMillis = (System.nanoTime() - started) / 1_000_000;
		log.info("Import %s complete: %d rows written in %d batches, %d ms".formatted(id, position[0] - from,
				position[1] - run.batchesDone(), writeMillis));
		target.changed(id, from > 0 ? "RESUMED" : "IMPORTED");
		return ImportOutcome.written(false, counts, eventId, validateMillis + writeMillis)
			.withRun(new ImportOutcome.Run(id, ImportRun.COMPLETE, position[0], validated.counts(), validateMillis,
					writeMillis));
	}

	/**
	 * Streams the files again and writes the rows after {@code position[0]} in batches on
	 * {@link #writers} threads, the customers' batches all committed before the first
	 * assignment batch. {@code position} follows the committed prefix and the batches
	 * committed.
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
					BulkImportTarget.RowReader reader = target.reader(file.kind(), rows.next());
					List<Object> batch = new ArrayList<>(size);
					long after = Math.max(row, from);
					Object lastKey = null;
					CsvRows.Row r;
					while ((r = rows.next()) != null) {
						row++;
						if (row <= from) {
							continue;
						}
						BulkImportTarget.BulkRow parsed = reader.read(r);
						// a batch ends between keys (customers): a batch holds its
						// customers' write locks until
						// it commits, so two writers sharing a customer would wait on
						// each other
						if (batch.size() >= size && !parsed.key().equals(lastKey)) {
							submit(batches, run.id(), file.kind(), batch, after, row - 1, position, progress);
							batch = new ArrayList<>(size);
							after = row - 1;
						}
						batch.add(parsed.row());
						lastKey = parsed.key();
					}
					if (!batch.isEmpty()) {
						submit(batches, run.id(), file.kind(), batch, after, row, position, progress);
					}
				}
				catch (CsvRows.Unreadable ex) {
					batches.fail(new IllegalStateException(
							"the validated file %s cannot be read again: %s".formatted(file.path(), ex.getMessage()),
							ex));
				}
				finally {
					// customers exist before their assignments are written; and a failure
					// stops here
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

	private void submit(BatchWriters batches, String id, String kind, List<Object> batch, long after, long last,
			long[] position, ImportProgress progress) {
		batches.submit(after, last, prefix -> tx.executeWithoutResult(status -> {
			target.write(kind, batch, id);
			runs.progress(id, prefix);
		}), () -> {
			synchronized (position) {
				position[0] = batches.prefix();
				position[1]++;
				progress.step(batch.size());
			}
		});
	}

	// ---- files
	// ------------------------------------------------------------------------------

	private List<ImportFile> keep(List<ImportFile> files, String id, boolean ownFiles) {
		List<ImportFile> kept = new ArrayList<>();
		try {
			Files.createDirectories(workDir);
			for (ImportFile file : files) {
				Path copy = workDir.resolve(id + "-" + file.kind().toLowerCase() + ".csv");
				if (ownFiles) {
					Files.move(file.path(), copy, StandardCopyOption.ATOMIC_MOVE);
				}
				else {
					try {
						Files.createLink(copy, file.path().toAbsolutePath());
					}
					catch (FileSystemException | UnsupportedOperationException ex) {
						Files.copy(file.path(), copy);
					}
				}
				kept.add(new ImportFile(file.kind(), copy, file.name()));
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

	private List<String> lastWrittenFirst() {
		List<String> kinds = new ArrayList<>(target.fileKinds());
		java.util.Collections.reverse(kinds);
		return kinds;
	}

	private static String kind(List<ImportFile> files) {
		return files.size() == 1 ? files.get(0).kind() : "LOAD";
	}

	// ---- tuning
	// ------------------------------------------------------------------------------

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
