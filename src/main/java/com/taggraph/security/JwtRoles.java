package com.taggraph.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token's user and roles: the name is {@code preferred_username} (else
 * {@code sub}); the roles claim (a list or a space-separated string) names TagGraph
 * roles, and {@code CUSTOMER_DATA} for a viewer allowed customer data. Unknown names are
 * ignored, so a token without a TagGraph role may read nothing.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

	private final String claim;

	JwtRoles(String claim) {
		this.claim = claim;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<Role> roles = new ArrayList<>();
		boolean customerData = false;
		for (String name : names(jwt.getClaim(claim))) {
			if (name.equals(Authorities.CUSTOMER_DATA)) {
				customerData = true;
			}
			for (Role role : Role.values()) {
				if (role.name().equals(name)) {
					roles.add(role);
				}
			}
		}
		String user = jwt.getClaimAsString("preferred_username");
		return new JwtAuthenticationToken(jwt, Authorities.of(roles, customerData),
				user != null ? user : jwt.getSubject());
	}

	private static List<String> names(Object value) {
		if (value instanceof Collection<?> list) {
			return list.stream().map(String::valueOf).map(String::strip).toList();
		}
		if (value instanceof String text) {
			return List.of(text.strip().split("\\s+"));
		}
		return List.of();
	}

}
