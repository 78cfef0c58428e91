package com.taggraph.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users of {@code taggraph.security.users}, checked at start: every password must be
 * a BCrypt hash (a plain-text password in a configuration file is refused, naming the
 * user), and every user needs a role.
 */
final class ConfiguredUsers {

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

	private ConfiguredUsers() {
	}

	static UserDetailsService of(Map<String, SecurityProperties.User> configured) {
		Map<String, UserDetails> users = new LinkedHashMap<>();
		configured.forEach((name, user) -> users.put(name, details(name, user)));
		return new InMemoryUserDetailsManager(users.values());
	}

	static UserDetails details(String name, SecurityProperties.User user) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalStateException(
					"taggraph.security.users." + name + ": a user name is 1-64 letters, digits, '.', '_', '@' or '-'");
		}
		return User.withUsername(name)
			.password(bcrypt(name, user.password()))
			.authorities(Authorities.of(roles(name, user), user.customerData()))
			.build();
	}

	private static java.util.List<Role> roles(String name, SecurityProperties.User user) {
		if (user.roles() == null || user.roles().isEmpty()) {
			throw new IllegalStateException("taggraph.security.users." + name + ".roles: give at least one of "
					+ java.util.Arrays.toString(Role.values()));
		}
		return user.roles();
	}

	/**
	 * The stored form {@code {bcrypt}$2a$…}, from a hash given with or without its
	 * prefix.
	 */
	private static String bcrypt(String name, String password) {
		String hash = password == null ? "" : password.strip();
		if (hash.startsWith("{bcrypt}")) {
			hash = hash.substring("{bcrypt}".length());
		}
		if (!BCRYPT.matcher(hash).matches()) {
			throw new IllegalStateException("taggraph.security.users." + name
					+ ".password: not a BCrypt hash; store {bcrypt}$2a$… (see README, \"Users and roles\"), never the password itself");
		}
		return "{bcrypt}" + hash;
	}

}
