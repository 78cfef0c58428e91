package com.taggraph.audit;

import java.util.Set;

import com.taggraph.security.Role;

/**
 * Who makes a change and under which request: a user name, the roles the user holds, and the HTTP request
 * id (null outside requests).
 */
public record Actor(String user, String requestId, Set<Role> roles) {

	/** Startup, demo data and command-line loads: writes no user asked for. */
	public static final Actor SYSTEM = new Actor("system", null, Set.of(Role.ADMIN));

	public Actor {
		roles = Set.copyOf(roles);
	}

	/** Whether any of the user's roles grants {@code required}. */
	public boolean has(Role required) {
		return roles.stream().anyMatch(role -> role.includes(required));
	}
}
