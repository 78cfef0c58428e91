package com.taggraph.compute;

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.taggraph.graph.EmbeddedNeo4jServer;
import com.taggraph.graph.StartupStep;
import com.taggraph.importing.ImportProperties;

/**
 * At start, marks the runs a crash or a kill left running INCOMPLETE and deals with them
 * as interrupted imports are dealt with ({@code taggraph.import.interrupted}): rolled
 * back on the embedded database by default, only reported on an external server, where an
 * operator chooses resume or rollback.
 */
@Component
@Order(6)
class InterruptedRuns implements StartupStep {

	private static final Log log = LogFactory.getLog(InterruptedRuns.class);

	private final ComputeService compute;

	private final boolean rollback;

	InterruptedRuns(ComputeService compute, ImportProperties properties, ObjectProvider<EmbeddedNeo4jServer> embedded) {
		this.compute = compute;
		String policy = properties.interrupted().trim().toLowerCase(Locale.ROOT);
		this.rollback = policy.equals("rollback") || (policy.equals("auto") && embedded.getIfAvailable() != null);
	}

	@Override
	public void afterLibraryReady(boolean demoEnabled) {
		for (ComputeRun run : compute.markInterrupted()) {
			if (rollback && !run.dryRun()) {
				log.warn("Compute run %s was interrupted after %d assignments; rolling it back".formatted(run.id(),
						run.assignmentsWritten()));
				compute.rollback(run.id());
				continue;
			}
			log.warn(("Compute run %s is INCOMPLETE after %d assignments. Roll it back with rollbackComputeRun "
					+ "or finish it with resumeComputeRun")
				.formatted(run.id(), run.assignmentsWritten()));
		}
	}

}
