package com.taggraph.security;

/**
 * What one GraphQL field demands of its user, read from the SDL once: the lowest role
 * ({@code @requires}, else VIEWER for queries and STEWARD for mutations) and whether it
 * shows customer data ({@code @customerData}).
 */
record FieldRule(Role role, boolean customerData) {

	static final FieldRule OPEN = new FieldRule(null, false);

	boolean isOpen() {
		return role == null && !customerData;
	}
}
