package com.taggraph.graph;

/**
 * Work a feature does once the schema is applied and the demo library is in place, before
 * the web server takes requests (demo customers, in-memory indexes). Steps run in
 * {@code @Order}.
 */
public interface StartupStep {

	/**
	 * @param demoEnabled whether demo data may be generated into an empty database
	 */
	void afterLibraryReady(boolean demoEnabled);

}
