package com.taggraph.importing;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.taggraph.graph.StartupStep;

/**
 * At start, says in the log which imports were interrupted (left RUNNING by a crash or a kill), so
 * no half import stays silently. It runs at order 5, before the demo customers (10): those are
 * generated only into a database without customers, and an interrupted first load is exactly such a
 * database with some customers, so the warning comes first and explains why no demo customers appear.
 * It only reads, and leaves the runs RUNNING: another instance on a shared server may still be
 * writing one, and rollback or resume is an operator's decision.
 */
@Component
@Order(5)
class IncompleteImports implements StartupStep {

	private static final Log log = LogFactory.getLog(IncompleteImports.class);

	private final BulkImportService imports;

	IncompleteImports(BulkImportService imports) {
		this.imports = imports;
	}

	@Override
	public void afterLibraryReady(boolean demoEnabled) {
		for (ImportRun run : imports.incompleteRuns()) {
			log.warn(("Import %s (%s, started %s) is INCOMPLETE: %d of %d rows written in %d batches. "
					+ "Roll it back with POST /api/imports/%s/rollback or finish it with POST /api/imports/%s/resume")
				.formatted(run.id(), run.kind(), run.startedAt(), run.rowsWritten(), run.rows(), run.batchesDone(),
						run.id(), run.id()));
		}
	}
}
