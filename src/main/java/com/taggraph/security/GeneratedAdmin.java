package com.taggraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The admin of an installation nobody has configured users for yet. At first start it
 * gets a random password, printed to the log this one time; only its BCrypt hash is kept
 * (owner-readable) in {@code taggraph.security.generated-admin-file}, so later starts
 * accept the same password without showing it.
 */
final class GeneratedAdmin {

	static final String NAME = "admin";

	private static final Log log = LogFactory.getLog(GeneratedAdmin.class);

	private GeneratedAdmin() {
	}

	static UserDetails load(Path file) {
		String hash = Files.exists(file) ? readHash(file) : create(file);
		return User.withUsername(NAME)
			.password("{bcrypt}" + hash)
			.authorities(Authorities.of(List.of(Role.ADMIN), true))
			.build();
	}

	private static String readHash(Path file) {
		try {
			String hash = Files.readString(file, StandardCharsets.US_ASCII).strip();
			log.info("No users configured: the admin generated at first start signs in as '" + NAME
					+ "' (its password was printed then; to reset it, delete " + file.toAbsolutePath()
					+ " and restart)");
			return hash;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the generated admin's hash in " + file, ex);
		}
	}

	private static String create(Path file) {
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String hash = new BCryptPasswordEncoder().encode(password);
		try {
			if (file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, hash + "\n", StandardCharsets.US_ASCII);
		}
		catch (FileAlreadyExistsException ex) {
			return readHash(file);
		}
		catch (UnsupportedOperationException ex) {
			throw new IllegalStateException(
					"cannot keep the generated admin's hash with owner-only permissions in " + file, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the generated admin's hash in " + file, ex);
		}
		log.warn(String.format("%n%n    No users configured: generated an admin.%n    user: %s%n    password: %s%n%n"
				+ "    This password is printed only now. Sign in with it, then configure taggraph.security.users.*%n"
				+ "    (README, \"Users and roles\"). Its BCrypt hash is kept in %s.%n", NAME, password,
				file.toAbsolutePath()));
		return hash;
	}

}
