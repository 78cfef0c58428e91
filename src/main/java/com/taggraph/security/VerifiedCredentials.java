package com.taggraph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Username and password sign-in that runs BCrypt once per client and password, not once
 * per request: API clients send HTTP Basic on every call, and BCrypt is deliberately slow
 * (~0.1 s). A successful check is remembered for a few minutes under a SHA-256 of the
 * credentials (the password itself is never kept); a failed one is not, so a wrong
 * password always costs the full BCrypt.
 */
final class VerifiedCredentials implements AuthenticationProvider {

	private final DaoAuthenticationProvider verifier;

	private final Cache<String, Authentication> verified = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(5))
		.maximumSize(10_000)
		.build();

	VerifiedCredentials(UserDetailsService users) {
		this.verifier = new DaoAuthenticationProvider(users);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (name == null || !(credentials instanceof String password)) {
			return verifier.authenticate(authentication);
		}
		String key = fingerprint(name, password);
		Authentication known = verified.getIfPresent(key);
		if (known != null) {
			return known;
		}
		Authentication result = verifier.authenticate(authentication);
		verified.put(key, UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null,
				result.getAuthorities()));
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String fingerprint(String name, String password) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(name.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
