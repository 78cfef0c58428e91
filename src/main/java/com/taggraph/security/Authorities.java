package com.taggraph.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Spring Security authorities of a user: {@code ROLE_X} for each role held and every
 * role it includes (so a plain {@code hasRole} check honours the hierarchy), and
 * {@value #CUSTOMER_DATA} where customer data is allowed.
 */
public final class Authorities {

	/** may see customer identities, their assignments and provenance */
	public static final String CUSTOMER_DATA = "CUSTOMER_DATA";

	private Authorities() {
	}

	public static List<GrantedAuthority> of(Collection<Role> roles, boolean customerData) {
		Set<Role> held = EnumSet.noneOf(Role.class);
		for (Role role : roles) {
			for (Role included : Role.values()) {
				if (role.includes(included)) {
					held.add(included);
				}
			}
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		held.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		if (customerData || held.contains(Role.STEWARD)) {
			authorities.add(new SimpleGrantedAuthority(CUSTOMER_DATA));
		}
		return authorities;
	}

	/** The roles behind a set of authorities (the inverse of {@link #of}). */
	public static Set<Role> roles(Collection<? extends GrantedAuthority> authorities) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authorities) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	public static boolean customerData(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().anyMatch(a -> CUSTOMER_DATA.equals(a.getAuthority()));
	}

}
