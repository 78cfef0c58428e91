package com.taggraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Keeps the data directory of the embedded DBMS to its owner: the store, the transaction
 * logs and Neo4j's {@code logs} hold every customer and audit event, so nobody else on
 * the machine may read them. The directory is created 700; at every start it and
 * everything already in it lose their group and other permissions (a store written by an
 * older version, or copied in, was 644 in 755 directories). Files Neo4j creates later
 * take the process umask, but sit in a directory nobody else can enter.
 */
final class OwnerOnlyFiles {

	private static final Log log = LogFactory.getLog(OwnerOnlyFiles.class);

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private OwnerOnlyFiles() {
	}

	/**
	 * Creates {@code home} (700) if it is missing, then takes group and other permissions
	 * off all below it.
	 */
	static void restrict(Path home) {
		try {
			if (Files.notExists(home)) {
				Files.createDirectories(home.getParent());
				if (posix(home.getParent())) {
					Files.createDirectory(home,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
				}
				else {
					Files.createDirectory(home);
				}
			}
			if (!posix(home)) {
				log.warn("%s has no POSIX permissions; protect the data directory yourself".formatted(home));
				return;
			}
			int[] tightened = { 0 };
			Files.walkFileTree(home, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
					tightened[0] += ownerOnly(dir);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					// links are left alone: their target may be anywhere
					if (attributes.isRegularFile()) {
						tightened[0] += ownerOnly(file);
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					// Neo4j may delete a file between listing and visiting it
					return FileVisitResult.CONTINUE;
				}
			});
			if (tightened[0] > 0) {
				log.warn("%d files and directories in %s were readable by others; restricted them to their owner"
					.formatted(tightened[0], home));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot restrict the data directory " + home + " to its owner", ex);
		}
	}

	private static int ownerOnly(Path path) throws IOException {
		Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
		if (now.stream().noneMatch(OTHERS::contains)) {
			return 0;
		}
		Set<PosixFilePermission> kept = EnumSet.copyOf(now);
		kept.removeAll(OTHERS);
		Files.setPosixFilePermissions(path, kept);
		return 1;
	}

	private static boolean posix(Path path) {
		return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
	}

}
