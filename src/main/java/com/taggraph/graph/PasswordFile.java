package com.taggraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The generated password of the embedded DBMS, kept in its data directory so that later
 * starts (and the analyst who owns the process) can read it. Only the owner may read the
 * file: it is created with those permissions, so there is no moment in which another
 * local user could read it.
 */
final class PasswordFile {

	public static final String NAME = "neo4j-password";

	private static final Log log = LogFactory.getLog(PasswordFile.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom random = new SecureRandom();

	private final Path file;

	public PasswordFile(Path dataDir) {
		this.file = dataDir.resolve(NAME);
	}

	public Path path() {
		return file;
	}

	/** The password kept by an earlier start, if there is one. */
	public Optional<String> read() {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			restrictToOwner();
			String password = Files.readString(file, StandardCharsets.UTF_8).strip();
			return password.isEmpty() ? Optional.empty() : Optional.of(password);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Neo4j password file " + file, ex);
		}
	}

	/**
	 * 192 random bits, URL-safe so it can be pasted into a connection dialog or a shell.
	 */
	public static String generate() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public void write(String password) {
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			if (posix()) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			else {
				Files.createFile(file);
				ownerOnlyWithoutPosix();
			}
			Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (FileAlreadyExistsException ex) {
			throw new IllegalStateException("Another process created " + file + " while the app was writing it", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the Neo4j password file " + file, ex);
		}
	}

	/**
	 * A configured password replaces the generated one; a file that still held it would
	 * only mislead.
	 */
	public boolean delete() {
		try {
			return Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the outdated Neo4j password file " + file, ex);
		}
	}

	private void restrictToOwner() throws IOException {
		if (posix()) {
			Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
			if (!OWNER_ONLY.containsAll(now)) {
				log.warn("%s was readable by others (%s); restricted it to its owner".formatted(file,
						PosixFilePermissions.toString(now)));
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
		}
	}

	private void ownerOnlyWithoutPosix() {
		var f = file.toFile();
		boolean ok = f.setReadable(false, false) && f.setReadable(true, true) && f.setWritable(false, false)
				&& f.setWritable(true, true);
		if (!ok) {
			log.warn("Could not restrict %s to its owner; protect the data directory yourself".formatted(file));
		}
	}

	private boolean posix() {
		return Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
	}

}
