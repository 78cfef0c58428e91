package com.taggraph.security;

/**
 * What one GraphQL field demands of its user, read from the SDL once: the lowest role ({@code @requires}, else
 * VIEWER for queries and STEWARD for mutations), whether it shows customer data ({@code @customerData}), and
 * whether its values can hold tags that viewers may not see.
 */
record FieldRule(Role role, boolean customerData, boolean carriesTags) {

	static final FieldRule OPEN = new FieldRule(null, false, false);

	boolean isOpen() {
		return role == null && !customerData && !carriesTags;
	}
}
