package com.taggraph.audit;

/**
 * Who makes a change and under which request: a user name and the HTTP request id (null
 * outside requests).
 */
public record Actor(String user, String requestId) {

	/** Startup, demo data and command-line loads: writes no user asked for. */
	public static final Actor SYSTEM = new Actor("system", null);

}
