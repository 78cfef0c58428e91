package com.taggraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The graph model has one home: every node label and relationship type written in the
 * app's Cypher (and in {@code cypher/}) is one {@link GraphModel} declares, so a new
 * label is added there, where every module sees it.
 */
class GraphModelTest {

	/**
	 * A node pattern's label: {@code (t:Tag)}, {@code (:Tag {code: ...})},
	 * {@code (n:Tag:Other)}.
	 */
	private static final Pattern LABEL = Pattern.compile("\\(\\w*:([A-Z][A-Za-z]+)(?=[)\\s{:])");

	/**
	 * A relationship pattern's types: {@code [:BROADER]}, {@code [a:HAS_TAG]},
	 * {@code [:PROMOTED_TO|SYNONYM_OF]}.
	 */
	private static final Pattern TYPES = Pattern.compile("\\[\\w*:([A-Z][A-Z_]*(?:\\|[A-Z][A-Z_]*)*)");

	/**
	 * A status read with a literal default: {@code coalesce(t.status, 'DRAFT')},
	 * {@code coalesce(t.status, '')}.
	 */
	private static final Pattern STATUS_DEFAULT = Pattern.compile("coalesce\\([^)]*\\.status[^)]*'");

	@Test
	void everyLabelAndRelationshipTypeInCypherIsDeclaredInGraphModel() throws IOException {
		Set<String> declared = Arrays.stream(GraphModel.class.getFields())
			.filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
			.map(GraphModelTest::value)
			.collect(Collectors.toSet());
		TreeMap<String, Set<Path>> undeclared = new TreeMap<>();
		for (Path file : sources()) {
			String text = Files.readString(file);
			names(LABEL, text).forEach(n -> add(undeclared, declared, n, file));
			names(TYPES, text).flatMap(t -> Arrays.stream(t.split("\\|")))
				.forEach(n -> add(undeclared, declared, n, file));
		}
		assertThat(undeclared).as("labels and relationship types not declared in GraphModel").isEmpty();
	}

	@Test
	void theStatusDefaultIsWrittenOnlyInGraphModel() throws IOException {
		Set<Path> repeating = new TreeSet<>();
		for (Path file : sources()) {
			if (file.toString().endsWith(".java") && !file.endsWith("GraphModel.java")
					&& STATUS_DEFAULT.matcher(Files.readString(file)).find()) {
				repeating.add(file);
			}
		}
		assertThat(repeating).as("files writing coalesce(x.status, ...) instead of GraphModel.status(x)").isEmpty();
	}

	/**
	 * The app's Java sources and the schema script (the Browser files in
	 * {@code cypher/queries} name labels too).
	 */
	private static Set<Path> sources() throws IOException {
		Set<Path> files = new TreeSet<>();
		for (String root : new String[] { "src/main/java", "cypher" }) {
			try (Stream<Path> walk = Files.walk(Path.of(root))) {
				walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".cypher"))
					.forEach(files::add);
			}
		}
		return files;
	}

	private static Stream<String> names(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		Stream.Builder<String> found = Stream.builder();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found.build();
	}

	private static void add(TreeMap<String, Set<Path>> undeclared, Set<String> declared, String name, Path file) {
		if (!declared.contains(name)) {
			undeclared.computeIfAbsent(name, n -> new TreeSet<>()).add(file);
		}
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
