package com.taggraph.importing;

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.taggraph.graph.EmbeddedNeo4jServer;
import com.taggraph.graph.StartupStep;

/**
 * At start, deals with the imports that were interrupted (left RUNNING by a crash or a
 * kill), so no half import stays silently. It runs at order 5, before the demo customers
 * (10): those are generated only into a database without customers, and an interrupted
 * first load is exactly such a database with some customers, so this comes first and
 * explains why no demo customers appear.
 *
 * <p>
 * {@code taggraph.import.interrupted} says what to do: {@code auto} (the default) is
 * {@code rollback} on the embedded database and {@code report} on an external server.
 * {@code report} only names them in the log and leaves them RUNNING: another instance on
 * a shared server may still be writing one, and whether to roll back or resume a large
 * first load is an operator's decision. {@code rollback} rolls each back before the app
 * serves requests, so after a crash an import is either wholly there (it had completed)
 * or wholly absent; the embedded store is locked by this process, so nothing else can be
 * writing it.
 */
@Component
@Order(5)
class IncompleteImports implements StartupStep {

	private static final Log log = LogFactory.getLog(IncompleteImports.class);

	private final BulkImportService imports;

	private final boolean rollback;

	@Autowired
	IncompleteImports(BulkImportService imports, ImportProperties properties,
			ObjectProvider<EmbeddedNeo4jServer> embedded) {
		this(imports, properties.interrupted(), embedded);
	}

	IncompleteImports(BulkImportService imports, String interrupted, ObjectProvider<EmbeddedNeo4jServer> embedded) {
		this.imports = imports;
		String policy = interrupted.trim().toLowerCase(Locale.ROOT);
		if (!policy.equals("report") && !policy.equals("rollback") && !policy.equals("auto")) {
			throw new IllegalArgumentException(
					"taggraph.import.interrupted must be auto, report or rollback, not '%s'".formatted(interrupted));
		}
		// only this process can open the embedded store, so nobody else can still be
		// writing the import
		this.rollback = policy.equals("rollback") || (policy.equals("auto") && embedded.getIfAvailable() != null);
	}

	@Override
	public void afterLibraryReady(boolean demoEnabled) {
		for (ImportRun run : imports.incompleteRuns()) {
			if (rollback) {
				log.warn(
						"Import %s (%s, started %s) was interrupted after %d of %d rows in %d batches; rolling it back (taggraph.import.interrupted=rollback)"
							.formatted(run.id(), run.kind(), run.startedAt(), run.rowsWritten(), run.rows(),
									run.batchesDone()));
				BulkImportService.Rollback done = imports.rollback(run.id());
				log.warn("Import %s rolled back at start: deleted %s in %d ms".formatted(run.id(), done.summary("%d"),
						done.millis()));
				continue;
			}
			log.warn(("Import %s (%s, started %s) is INCOMPLETE: %d of %d rows written in %d batches. "
					+ "Roll it back with POST /api/imports/%s/rollback or finish it with POST /api/imports/%s/resume")
				.formatted(run.id(), run.kind(), run.startedAt(), run.rowsWritten(), run.rows(), run.batchesDone(),
						run.id(), run.id()));
		}
	}

}
