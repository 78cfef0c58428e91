package com.taggraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded DBMS's data directory is its owner's alone (issue 15 §5): created 700, and
 * the store, the transaction logs and Neo4j's logs readable by nobody else, also when an
 * earlier start left them open.
 */
class DataDirectoryPermissionsTest {

	private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	@TempDir
	Path parent;

	@Test
	void theDataDirectoryIsCreatedForItsOwnerOnlyAndOpenFilesAreTightenedAtStart() throws IOException {
		Path dataDir = parent.resolve("data");
		try (var server = new EmbeddedNeo4jServer(EmbeddedNeo4jProperties.local(dataDir, false, "16m"))) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
			assertThat(dataDir.resolve("data/databases")).isDirectory();
			assertThat(dataDir.resolve("data/transactions")).isDirectory();
			assertThat(dataDir.resolve("logs")).isDirectory();
			assertThat(openToOthers(dataDir)).isEmpty();
		}

		// as an older version left them: 755 directories, 644 files
		try (Stream<Path> all = Files.walk(dataDir)) {
			for (Path path : all.toList()) {
				Files.setPosixFilePermissions(path,
						PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
			}
		}
		assertThat(openToOthers(dataDir)).hasSizeGreaterThan(10);
		try (var server = new EmbeddedNeo4jServer(EmbeddedNeo4jProperties.local(dataDir, false, "16m"))) {
			assertThat(openToOthers(dataDir)).isEmpty();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
		}
	}

	private static List<String> openToOthers(Path dataDir) throws IOException {
		try (Stream<Path> all = Files.walk(dataDir)) {
			return all.filter(path -> !Files.isSymbolicLink(path)).filter(path -> {
				try {
					return Files.getPosixFilePermissions(path).stream().anyMatch(OTHERS::contains);
				}
				catch (IOException ex) {
					return false;
				}
			}).map(path -> dataDir.relativize(path) + " " + permissions(path)).toList();
		}
	}

	private static String permissions(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
