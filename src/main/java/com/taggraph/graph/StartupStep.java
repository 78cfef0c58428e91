package com.taggraph.graph;

/**
 * Work a feature does once the schema is applied and the demo library is in place, before
 * the web server takes requests (demo customers, in-memory indexes). Steps run in
 * {@code @Order}; on the first start the step preparing the demo data and those after it
 * may run while the server already answers ({@link #preparesDemoData}).
 */
public interface StartupStep {

	/**
	 * @param demoEnabled whether demo data may be generated into an empty database
	 */
	void afterLibraryReady(boolean demoEnabled);

	/**
	 * Whether this start gives the step the first start's demo data to prepare (the demo
	 * customers and their computed tags): then, in a web application, it and the steps
	 * after it may run while the server already takes requests.
	 * @param demoEnabled whether demo data may be generated into an empty database
	 */
	default boolean preparesDemoData(boolean demoEnabled) {
		return false;
	}

}
