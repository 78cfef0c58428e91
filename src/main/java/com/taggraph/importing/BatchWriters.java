package com.taggraph.importing;

import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.exceptions.RetryableException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Commits an import's batches on a few threads at once: one writer leaves a core idle
 * while the database waits on it, two wrote about half as fast again on this project's
 * 2-core machine.
 *
 * <p>
 * Batches cover consecutive row ranges and may commit out of order, so the progress an
 * import records is its <em>committed prefix</em>: the row up to which every batch has
 * committed. Each batch records it in its own transaction ({@link #prefixWith}), so it is
 * never ahead of the data. A resume starts there and redoes at most the batches that were
 * in flight; the import's writes are idempotent, so a batch that had committed is a no-op
 * the second time.
 *
 * <p>
 * A deadlock between two writers (both touch the same tag nodes) is a transient error:
 * the batch is retried. Any other failure stops further batches; those in flight finish,
 * and {@link #awaitAll()} throws the failure.
 */
final class BatchWriters implements AutoCloseable {

	private static final Log log = LogFactory.getLog(BatchWriters.class);

	private static final int ATTEMPTS = 5;

	/**
	 * One batch's write: runs in a transaction of its own and records {@code prefix} as
	 * the import's progress.
	 */
	interface Batch {

		void write(long prefix);

	}

	private final ExecutorService pool;

	private final Semaphore slots;

	private final AtomicInteger inFlight = new AtomicInteger();

	/** Committed batches beyond the prefix: first row before the batch → its last row. */
	private final TreeMap<Long, Long> committedAhead = new TreeMap<>();

	private long prefix;

	private volatile RuntimeException failure;

	/**
	 * {@code from}: the row after which writing starts (0, or where a resumed import
	 * stopped).
	 */
	BatchWriters(int writers, long from) {
		int threads = Math.max(1, writers);
		this.prefix = from;
		// a batch queued behind each writer keeps them busy while the next one is parsed
		this.slots = new Semaphore(2 * threads);
		this.pool = Executors.newFixedThreadPool(threads, task -> {
			Thread thread = new Thread(task, "import-writer");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Queues the batch of rows {@code (after, last]}; blocks while every writer is busy
	 * and one batch waits for each. {@code committed} runs after the batch commits.
	 * Throws the failure of an earlier batch.
	 */
	void submit(long after, long last, Batch batch, Runnable committed) {
		throwIfFailed();
		slots.acquireUninterruptibly();
		if (failure != null) {
			slots.release();
			throwIfFailed();
		}
		inFlight.incrementAndGet();
		pool.execute(() -> {
			try {
				if (failure == null) {
					writeWithRetries(after, last, batch);
					committed(after, last);
					committed.run();
				}
			}
			catch (RuntimeException ex) {
				fail(ex);
			}
			finally {
				slots.release();
				synchronized (inFlight) {
					inFlight.decrementAndGet();
					inFlight.notifyAll();
				}
			}
		});
	}

	/**
	 * Stops further batches: those in flight finish; {@link #awaitAll()} throws
	 * {@code ex}.
	 */
	void fail(RuntimeException ex) {
		synchronized (inFlight) {
			if (failure == null) {
				failure = ex;
			}
		}
	}

	/**
	 * Waits until every queued batch has committed or failed; then throws the first
	 * failure, if any.
	 */
	void awaitAll() {
		synchronized (inFlight) {
			while (inFlight.get() > 0) {
				try {
					inFlight.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting for the import's writers", ex);
				}
			}
		}
		throwIfFailed();
	}

	/** The row up to which every batch has committed. */
	synchronized long prefix() {
		return prefix;
	}

	/**
	 * The prefix as it will be once the batch {@code (after, last]} commits: what that
	 * batch records.
	 */
	synchronized long prefixWith(long after, long last) {
		return advance(after == prefix ? last : prefix, committedAhead::get);
	}

	private synchronized void committed(long after, long last) {
		committedAhead.put(after, last);
		prefix = advance(prefix, committedAhead::remove);
	}

	private static long advance(long from, Function<Long, Long> next) {
		long at = from;
		Long following;
		while ((following = next.apply(at)) != null) {
			at = following;
		}
		return at;
	}

	private void writeWithRetries(long after, long last, Batch batch) {
		for (int attempt = 1;; attempt++) {
			try {
				batch.write(prefixWith(after, last));
				return;
			}
			catch (RuntimeException ex) {
				if (attempt == ATTEMPTS || !isTransient(ex)) {
					throw ex;
				}
				log.info("Import batch of rows %d–%d hit a transient error (attempt %d of %d), retrying: %s"
					.formatted(after + 1, last, attempt, ATTEMPTS, ex.getMessage()));
			}
		}
	}

	private static boolean isTransient(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof TransientDataAccessException || t instanceof RetryableException) {
				return true;
			}
		}
		return false;
	}

	private void throwIfFailed() {
		RuntimeException ex = failure;
		if (ex != null) {
			throw ex;
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

}
