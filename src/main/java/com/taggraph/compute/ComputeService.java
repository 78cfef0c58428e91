package com.taggraph.compute;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.taggraph.audit.AuditContext;
import com.taggraph.customer.BulkAssignments;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.graph.TransientRetry;
import com.taggraph.importing.ImportProgress;

/**
 * Computation runs. A run is asynchronous and has an id; it stages changed source data,
 * runs the approved rules in dependency order, checks the results, and writes only the
 * difference to each tag's rule-computed carriers, in batches that commit with the run's
 * progress. Additions carry the run as their import id; removals and value changes are
 * marked and land together when the run finishes, so an interrupted run is rolled back
 * (or resumed) as completely as an import. Other sources' assignments are never touched.
 */
@Service
public class ComputeService implements DisposableBean {

	private static final Log log = LogFactory.getLog(ComputeService.class);

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final int BATCH = 10_000;

	private final RuleRepository rules;

	private final ComputeRunRepository runs;

	private final TagComputation computation;

	private final SourceStaging staging;

	private final BulkAssignments bulk;

	private final TransactionTemplate tx;

	private final AuditContext audit;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "tag-compute");
		thread.setDaemon(true);
		return thread;
	});

	/** Runs in memory while they are queued or running: their live progress. */
	private final Map<String, ComputeRun> live = new ConcurrentHashMap<>();

	private final ReentrantLock writing = new ReentrantLock();

	ComputeService(RuleRepository rules, ComputeRunRepository runs, TagComputation computation, SourceStaging staging,
			BulkAssignments bulk, PlatformTransactionManager transactions, AuditContext audit) {
		this.rules = rules;
		this.runs = runs;
		this.computation = computation;
		this.staging = staging;
		this.bulk = bulk;
		this.tx = TransientRetry.template(transactions);
		this.audit = audit;
	}

	/**
	 * Starts a run of the approved rules computing the given tags and classes (both
	 * empty: every approved rule). The request is checked now; the run goes on in the
	 * background.
	 */
	public ComputeRun start(List<String> tagCodes, List<String> classCodes, boolean dryRun) {
		List<String> tags = tagCodes == null ? List.of() : List.copyOf(tagCodes);
		List<String> classes = classCodes == null ? List.of() : List.copyOf(classCodes);
		Plan plan = plan(tags, classes);
		String id = newId("run-");
		ComputeRun run = new ComputeRun(id, ComputeRun.QUEUED, dryRun, audit.current().user(),
				OffsetDateTime.now().toString(), null, tags, classes, 0, plan.order().size(), 0, List.of(), List.of(),
				null);
		live.put(id, run);
		tx.executeWithoutResult(status -> runs.save(run));
		worker.submit(() -> execute(run, plan, ImportProgress.NONE));
		return run;
	}

	/** Runs to completion in the caller's thread: the first start's demo computation. */
	ComputeRun runNow(boolean dryRun) {
		return runHere("run-demo-", List.of(), List.of(), dryRun, "taggraph", ImportProgress.NONE);
	}

	/**
	 * Runs to completion in the caller's thread, reporting each phase to
	 * {@code progress}: the command line's run.
	 */
	ComputeRun runHere(String idPrefix, List<String> tags, List<String> classes, boolean dryRun, String by,
			ImportProgress progress) {
		Plan plan = plan(tags, classes);
		String id = newId(idPrefix);
		ComputeRun run = new ComputeRun(id, ComputeRun.QUEUED, dryRun, by, OffsetDateTime.now().toString(), null,
				List.copyOf(tags), List.copyOf(classes), 0, plan.order().size(), 0, List.of(), List.of(), null);
		tx.executeWithoutResult(status -> runs.save(run));
		return execute(run, plan, progress);
	}

	/** A new run's id: when it started, and a random part so two in a second differ. */
	private static String newId(String prefix) {
		return prefix + ID_TIME.format(OffsetDateTime.now()) + "-"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
	}

	public ComputeRun find(String id) {
		ComputeRun running = live.get(id);
		if (running != null) {
			return running;
		}
		return runs.find(id).orElseThrow(() -> DomainException.notFound("compute run", id));
	}

	/** The runs among the ids, by id; unknown ids are left out. */
	public Map<String, ComputeRun> runs(List<String> ids) {
		Map<String, ComputeRun> found = new HashMap<>();
		runs.findAll(ids).forEach(run -> found.put(run.id(), live.getOrDefault(run.id(), run)));
		return found;
	}

	public List<ComputeRun> latest(int limit) {
		if (limit < 1 || limit > 500) {
			throw DomainException.invalid("first", "first must be 1 to 500, not " + limit);
		}
		List<ComputeRun> found = new ArrayList<>();
		for (ComputeRun run : runs.latest(limit)) {
			found.add(live.getOrDefault(run.id(), run));
		}
		return found;
	}

	/** Resumes an interrupted run: the same request, written under the same id. */
	public ComputeRun resume(String id) {
		Resumed resumed = resumable(id);
		worker.submit(() -> execute(resumed.run(), resumed.plan(), ImportProgress.NONE));
		return resumed.run();
	}

	/** Resumes an interrupted run in the caller's thread: the command line's resume. */
	ComputeRun resumeHere(String id, ImportProgress progress) {
		Resumed resumed = resumable(id);
		return execute(resumed.run(), resumed.plan(), progress);
	}

	private record Resumed(ComputeRun run, Plan plan) {
	}

	private Resumed resumable(String id) {
		ComputeRun run = interrupted(id, "resumed");
		Plan plan = plan(run.requestedTags(), run.requestedClasses());
		ComputeRun queued = run.inState(ComputeRun.QUEUED);
		live.put(id, queued);
		return new Resumed(queued, plan);
	}

	/**
	 * Takes an interrupted run back: its additions go, its removals and changes return.
	 */
	public ComputeRun rollback(String id) {
		ComputeRun run = interrupted(id, "rolled back");
		writing.lock();
		try {
			long touched;
			do {
				touched = tx.execute(status -> bulk.rollBackRuleChanges(id, BATCH));
			}
			while (touched > 0);
			ComputeRun rolledBack = run.inState(ComputeRun.ROLLED_BACK);
			tx.executeWithoutResult(status -> runs.save(rolledBack));
			bulk.bulkChanged(id, "compute run rolled back");
			return rolledBack;
		}
		finally {
			writing.unlock();
		}
	}

	/** Runs left RUNNING or QUEUED by a crash: marked INCOMPLETE. */
	List<ComputeRun> markInterrupted() {
		List<ComputeRun> found = new ArrayList<>();
		for (String state : List.of(ComputeRun.RUNNING, ComputeRun.QUEUED)) {
			for (ComputeRun run : runs.inState(state)) {
				ComputeRun incomplete = run.inState(ComputeRun.INCOMPLETE);
				tx.executeWithoutResult(status -> runs.save(incomplete));
				found.add(incomplete);
			}
		}
		return found;
	}

	private ComputeRun interrupted(String id, String verb) {
		ComputeRun run = find(id);
		if (!run.state().equals(ComputeRun.INCOMPLETE) && !run.state().equals(ComputeRun.FAILED)) {
			throw new DomainException(ErrorCode.CONFLICT,
					"compute run '%s' is %s; only an INCOMPLETE or FAILED run can be %s".formatted(id, run.state(),
							verb),
					Map.of("subject", id));
		}
		if (run.dryRun()) {
			throw new DomainException(ErrorCode.CONFLICT,
					"compute run '%s' was a dry run and wrote nothing".formatted(id), Map.of("subject", id));
		}
		return run;
	}

	/** The rules to run, in dependency order, and the tags whose results are written. */
	record Plan(List<RuleRepository.StoredRule> order, Set<String> written) {
	}

	Plan plan(List<String> tagCodes, List<String> classCodes) {
		Map<String, RuleRepository.StoredRule> ownerOf = new HashMap<>();
		Map<String, String> unapproved = new HashMap<>();
		for (RuleRepository.StoredRule rule : rules.rules()) {
			for (String tag : rule.tags()) {
				if ("APPROVED".equals(rule.status())) {
					ownerOf.put(tag, rule);
				}
				else {
					unapproved.put(tag, rule.owner() + " is " + rule.status());
				}
			}
		}
		Set<String> wanted = new LinkedHashSet<>();
		if (tagCodes.isEmpty() && classCodes.isEmpty()) {
			wanted.addAll(ownerOf.keySet());
		}
		for (String tag : tagCodes) {
			if (!ownerOf.containsKey(tag)) {
				String why = unapproved.containsKey(tag) ? "its rule's owner " + unapproved.get(tag)
						+ "; only approved rules run (preview a draft with previewRule)" : "it has no rule";
				throw new DomainException(ErrorCode.INVALID_INPUT,
						"tag '%s' cannot be computed: %s".formatted(tag, why),
						Map.of("field", "tagCodes", "subject", tag));
			}
			wanted.add(tag);
		}
		for (String classCode : classCodes) {
			List<String> tags = rules.tagsAtOrBelow(classCode)
				.orElseThrow(() -> DomainException.notFound("class", classCode))
				.stream()
				.filter(ownerOf::containsKey)
				.toList();
			if (tags.isEmpty()) {
				throw new DomainException(ErrorCode.INVALID_INPUT,
						"class '%s' has no tag with an approved rule".formatted(classCode),
						Map.of("field", "classCodes", "subject", classCode));
			}
			wanted.addAll(tags);
		}
		List<RuleRepository.StoredRule> order = new ArrayList<>();
		Map<String, Integer> state = new HashMap<>();
		for (String tag : wanted) {
			visit(ownerOf.get(tag), ownerOf, state, order, new ArrayList<>());
		}
		return new Plan(List.copyOf(order), wanted);
	}

	/**
	 * Depth-first: a rule's input tags' rules first; a cycle is refused with its path.
	 */
	private static void visit(RuleRepository.StoredRule rule, Map<String, RuleRepository.StoredRule> ownerOf,
			Map<String, Integer> state, List<RuleRepository.StoredRule> order, List<String> path) {
		Integer seen = state.get(rule.owner());
		if (seen != null && seen == 2) {
			return;
		}
		path.add(rule.owner());
		if (seen != null) {
			throw new DomainException(ErrorCode.CYCLE, "the rules derive from themselves: " + String.join(" → ", path),
					Map.of("path", path));
		}
		state.put(rule.owner(), 1);
		for (String input : rule.inputs()) {
			RuleRepository.StoredRule upstream = ownerOf.get(input);
			if (upstream != null) {
				visit(upstream, ownerOf, state, order, path);
			}
		}
		state.put(rule.owner(), 2);
		path.remove(path.size() - 1);
		order.add(rule);
	}

	private ComputeRun execute(ComputeRun queued, Plan plan, ImportProgress progress) {
		String id = queued.id();
		long started = System.nanoTime();
		writing.lock();
		try {
			ComputeRun running = queued.inState(ComputeRun.RUNNING);
			live.put(id, running);
			tx.executeWithoutResult(status -> runs.save(running));
			staging.stageAll();
			progress.start("rules", plan.order().size(), " rules");
			TagComputation.Outcome outcome = computation.compute(plan.order(), plan.written(), queued.dryRun(),
					(done, total) -> {
						live.computeIfPresent(id, (k, run) -> run.withProgress(done, total, 0));
						progress.step(1);
						if (done == total) {
							progress.start("checks and difference", -1, "");
						}
					});
			progress.finish();
			long computed = System.nanoTime();
			long written = queued.dryRun() ? 0 : write(id, outcome, progress);
			log.info("Compute run %s: rules and checks %d ms, writing %d ms".formatted(id,
					(computed - started) / 1_000_000, (System.nanoTime() - computed) / 1_000_000));
			ComputeRun finished = running.withProgress(plan.order().size(), plan.order().size(), written)
				.finished(ComputeRun.COMPLETED, OffsetDateTime.now().toString(), outcome.stats(), outcome.refused(),
						null);
			tx.executeWithoutResult(status -> runs.save(finished));
			if (!queued.dryRun()) {
				bulk.bulkChanged(id, "compute run");
			}
			log.info("Compute run %s: %d tags, %d assignments written, %d classes refused".formatted(id,
					outcome.stats().size(), written, outcome.refused().size()));
			return finished;
		}
		catch (RuntimeException | java.sql.SQLException ex) {
			log.error("Compute run %s failed".formatted(id), ex);
			ComputeRun failed = live.getOrDefault(id, queued)
				.finished(ComputeRun.FAILED, OffsetDateTime.now().toString(), List.of(), List.of(),
						ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
			tx.executeWithoutResult(status -> runs.save(failed));
			return failed;
		}
		finally {
			progress.finish();
			live.remove(id);
			writing.unlock();
		}
	}

	/** Writes the difference in batches, each with the run's progress, then lands it. */
	private long write(String id, TagComputation.Outcome outcome, ImportProgress progress) {
		long written = 0;
		progress.start("write", outcome.added().size() + outcome.removed().size() + outcome.changed().size(),
				" assignments");
		// by customer, as imports batch: a batch then locks a few hundred customers, not
		// one tag's dense node for every row
		List<BulkAssignments.RuleAssignmentRow> added = new ArrayList<>(outcome.added());
		added.sort(java.util.Comparator.comparing(BulkAssignments.RuleAssignmentRow::customerId));
		for (int from = 0, to; from < added.size(); from = to) {
			// a customer's additions land in one transaction: a reader never sees half
			// its tags
			to = Math.min(added.size(), from + BATCH);
			while (to < added.size() && added.get(to).customerId().equals(added.get(to - 1).customerId())) {
				to++;
			}
			List<BulkAssignments.RuleAssignmentRow> batch = added.subList(from, to);
			long total = written + batch.size();
			tx.executeWithoutResult(status -> {
				bulk.createRuleAssignments(batch, id);
				progress(id, total);
			});
			progress.step(batch.size());
			written = total;
		}
		List<BulkAssignments.RuleAssignmentRow> removed = outcome.removed();
		List<BulkAssignments.RuleAssignmentRow> changed = outcome.changed();
		for (int from = 0; from < Math.max(removed.size(), changed.size()); from += BATCH) {
			List<BulkAssignments.RuleAssignmentRow> gone = removed.subList(Math.min(from, removed.size()),
					Math.min(removed.size(), from + BATCH));
			List<BulkAssignments.RuleAssignmentRow> moved = changed.subList(Math.min(from, changed.size()),
					Math.min(changed.size(), from + BATCH));
			long total = written + gone.size() + moved.size();
			tx.executeWithoutResult(status -> {
				bulk.markRuleChanges(gone, moved, id);
				progress(id, total);
			});
			progress.step(gone.size() + moved.size());
			written = total;
		}
		long touched;
		do {
			touched = tx.execute(status -> bulk.finishRuleChanges(id, BATCH));
		}
		while (touched > 0);
		return written;
	}

	private void progress(String id, long written) {
		ComputeRun run = live.computeIfPresent(id, (k, r) -> r.withProgress(r.tagsDone(), r.tagsTotal(), written));
		if (run != null) {
			runs.save(run);
		}
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}

}
