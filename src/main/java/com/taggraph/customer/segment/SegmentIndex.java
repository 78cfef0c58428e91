package com.taggraph.customer.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.taggraph.customer.CustomersBulkChanged;
import com.taggraph.customer.TagAssignmentsChanged;
import com.taggraph.graph.StartupStep;

/**
 * Keeps the in-memory segment index following Neo4j, which stays the source of truth.
 * <ul>
 * <li>Built in full at start (after the demo customers), on a bulk change, on demand, and
 * {@code taggraph.segments.refresh-interval} after the last build, which catches writes
 * made outside the app.</li>
 * <li>Writes through the app reach it after their transaction commits, and only if it
 * commits.</li>
 * <li>Readers take the current immutable snapshot; a build or change swaps in a new one.
 * Changes that commit while a build reads the graph are applied again on top of the new
 * snapshot, so none is lost.</li>
 * </ul>
 */
@Component
@Order(20)
class SegmentIndex implements StartupStep, DisposableBean {

	private static final Log log = LogFactory.getLog(SegmentIndex.class);

	/**
	 * Customer ids read per statement while building: bounds the heap a build needs on
	 * top of the index.
	 */
	private static final long CARRIERS_PER_READ = 1_000_000;

	private final SegmentRepository repository;

	private final TransactionTemplate readOnly;

	private final Duration refreshInterval;

	private final ScheduledExecutorService scheduler;

	private final ReentrantLock building = new ReentrantLock();

	/**
	 * Guards swapping the snapshot, the changes seen during a build and the next
	 * scheduled refresh.
	 */
	private final Object swap = new Object();

	private volatile IndexSnapshot current = IndexSnapshot.EMPTY;

	/** Whether a whole build has been swapped in since the app began. */
	private volatile boolean everBuilt;

	private List<TagAssignmentsChanged> changedDuringBuild;

	private ScheduledFuture<?> nextRefresh;

	SegmentIndex(SegmentRepository repository, PlatformTransactionManager transactions, SegmentProperties properties) {
		this.repository = repository;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.refreshInterval = properties.refreshInterval();
		this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "segment-index-refresh");
			thread.setDaemon(true);
			return thread;
		});
	}

	IndexSnapshot snapshot() {
		return current;
	}

	String refreshInterval() {
		return refreshInterval.isZero() || refreshInterval.isNegative() ? "off" : refreshInterval.toString();
	}

	@Override
	public void afterLibraryReady(boolean demoEnabled) {
		// a bulk change during start (the demo computation) built it already, and the
		// change listeners keep it current since
		if (!everBuilt) {
			rebuild("start");
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void assignmentsChanged(TagAssignmentsChanged change) {
		// runs after the writer's commit: throwing here would turn a committed write into
		// an error
		try {
			synchronized (swap) {
				current = current.with(change.customerId(), change.added(), change.removed());
				if (changedDuringBuild != null) {
					changedDuringBuild.add(change);
				}
			}
		}
		catch (RuntimeException ex) {
			log.error("Could not apply an assignment change to the segment index; rebuilding it", ex);
			scheduler.execute(() -> rebuildQuietly("failed incremental update"));
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void bulkChanged(CustomersBulkChanged change) {
		// synchronous, so the import's caller finds the segments up to date when it gets
		// its answer
		rebuildQuietly("bulk change %s (%s)".formatted(change.importId(), change.reason()));
	}

	/** Reads the whole index from Neo4j and swaps it in; one build at a time. */
	IndexSnapshot rebuild(String reason) {
		building.lock();
		try {
			synchronized (swap) {
				changedDuringBuild = new ArrayList<>();
			}
			IndexSnapshot built;
			try {
				built = read();
			}
			catch (RuntimeException ex) {
				synchronized (swap) {
					changedDuringBuild = null;
				}
				throw ex;
			}
			synchronized (swap) {
				for (TagAssignmentsChanged change : changedDuringBuild) {
					built = built.with(change.customerId(), change.added(), change.removed());
				}
				changedDuringBuild = null;
				current = built;
				everBuilt = true;
				scheduleNextRefresh();
			}
			var status = built.status(refreshInterval());
			log.info("Segment index built (%s): %d customers, %d tags, %d assignments in %d ms, %d KiB".formatted(
					reason, status.customers(), status.tags(), status.assignments(), status.buildMillis(),
					status.memoryBytes() / 1024));
			return built;
		}
		finally {
			building.unlock();
		}
	}

	/**
	 * Reads the customer ids, then the carriers of the tags in batches of about a
	 * million, two batches at a time in separate read transactions: the database expands
	 * one batch while the index takes in the one before. Neo4j reads are read-committed
	 * either way; changes that commit meanwhile are applied again by {@link #rebuild}.
	 */
	private IndexSnapshot read() {
		long started = System.nanoTime();
		Instant builtAt = Instant.now();
		var builder = new IndexSnapshot.Builder(readOnly.execute(status -> repository.customerIds()));
		List<List<String>> batches = new ArrayList<>();
		List<String> batch = new ArrayList<>();
		long batchCarriers = 0;
		for (var tag : readOnly.execute(status -> repository.carriedTags()).entrySet()) {
			batch.add(tag.getKey());
			batchCarriers += tag.getValue();
			if (batchCarriers >= CARRIERS_PER_READ) {
				batches.add(batch);
				batch = new ArrayList<>();
				batchCarriers = 0;
			}
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		ExecutorService readers = Executors.newFixedThreadPool(2, task -> {
			Thread thread = new Thread(task, "segment-index-read");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Deque<Future<Map<String, List<String>>>> reads = new ArrayDeque<>();
			for (List<String> tags : batches) {
				if (reads.size() == 2) {
					await(reads.poll()).forEach(builder::addTag);
				}
				reads.add(readers.submit(() -> readOnly.execute(status -> repository.carriersOf(tags))));
			}
			while (!reads.isEmpty()) {
				await(reads.poll()).forEach(builder::addTag);
			}
		}
		finally {
			readers.shutdownNow();
		}
		Library library = readOnly.execute(status -> repository.library());
		return builder.build(library, builtAt, (System.nanoTime() - started) / 1_000_000);
	}

	private static <T> T await(Future<T> read) {
		try {
			return read.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the segment index", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	private void rebuildQuietly(String reason) {
		try {
			rebuild(reason);
		}
		catch (RuntimeException ex) {
			log.error("Could not rebuild the segment index (%s); keeping the previous one".formatted(reason), ex);
		}
	}

	/**
	 * The next periodic refresh comes one interval after the last build, whatever caused
	 * that build.
	 */
	private void scheduleNextRefresh() {
		if (refreshInterval.isZero() || refreshInterval.isNegative() || scheduler.isShutdown()) {
			return;
		}
		if (nextRefresh != null) {
			nextRefresh.cancel(false);
		}
		nextRefresh = scheduler.schedule(() -> rebuildQuietly("periodic refresh"), refreshInterval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		scheduler.shutdownNow();
	}

}
