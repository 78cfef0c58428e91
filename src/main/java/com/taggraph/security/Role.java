package com.taggraph.security;

/**
 * What a user may do, each role including the ones before it: a VIEWER reads the library,
 * a STEWARD also writes drafts and imports, a REVIEWER also approves or rejects others'
 * changes, an ADMIN also administers.
 */
public enum Role {

	VIEWER, STEWARD, REVIEWER, ADMIN;

	/**
	 * Whether holding this role grants {@code required} (the hierarchy is the declaration
	 * order).
	 */
	public boolean includes(Role required) {
		return ordinal() >= required.ordinal();
	}

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
