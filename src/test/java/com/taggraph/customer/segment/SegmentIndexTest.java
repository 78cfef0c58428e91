package com.taggraph.customer.segment;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;

import com.taggraph.ApiTest;

/**
 * Base of the tests that read segments: gives them a {@link SegmentApi} and refreshes the
 * segment index once per test class, so that it is in step with the database.
 */
abstract class SegmentIndexTest extends ApiTest {

	private static final Set<Class<?>> refreshed = ConcurrentHashMap.newKeySet();

	SegmentApi api;

	@BeforeEach
	void indexInStepWithTheDatabase() {
		api = new SegmentApi(port, driver);
		if (refreshed.add(getClass())) {
			// writes other test classes made over Bolt would otherwise show until the
			// periodic refresh
			api.refresh();
		}
	}

}
