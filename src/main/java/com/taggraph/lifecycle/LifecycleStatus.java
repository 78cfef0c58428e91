package com.taggraph.lifecycle;

import com.taggraph.graph.GraphModel;

/**
 * Where a class, tag or facet stands: a steward's DRAFT, IN_REVIEW once submitted,
 * APPROVED once a different reviewer approved it, DEPRECATED when a reviewer approved its
 * retirement. Items stored without a status (written before the lifecycle existed) read
 * as DRAFT.
 */
public enum LifecycleStatus {

	DRAFT, IN_REVIEW, APPROVED, DEPRECATED;

	/**
	 * Approved and deprecated items are in force: a change to them waits for a reviewer.
	 */
	public boolean governed() {
		return this == APPROVED || this == DEPRECATED;
	}

	static LifecycleStatus of(String stored) {
		return valueOf(stored == null ? GraphModel.DEFAULT_STATUS : stored);
	}

}
