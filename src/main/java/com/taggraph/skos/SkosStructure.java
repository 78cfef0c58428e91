package com.taggraph.skos;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.taggraph.importing.ImportProblem;
import com.taggraph.taxonomy.SchemeStructure;

/**
 * The structural rules GraphQL writes refuse, for a SKOS file: its classes and tags
 * merged over the library as the import writes them (a class in the file takes the file's
 * criterion, exhaustive flag and broader concept; a tag in the file moves to the file's
 * class).
 */
final class SkosStructure {

	private SkosStructure() {
	}

	static List<ImportProblem> problems(SkosLibrary file, SkosLibrary library, Map<String, String> iris) {
		Map<String, SchemeStructure.Node> before = new HashMap<>();
		library.classes().forEach(c -> before.put(c.code(), node(c)));
		Map<String, SchemeStructure.Node> after = new HashMap<>(before);
		file.classes().forEach(c -> after.put(c.code(), node(c)));
		Map<String, String> tagClasses = new HashMap<>();
		library.tags().forEach(t -> tagClasses.put(t.code(), t.classCode()));
		Set<String> tagsBefore = new HashSet<>(tagClasses.values());
		file.tags().forEach(t -> tagClasses.put(t.code(), t.classCode()));
		Set<String> tagsAfter = new HashSet<>(tagClasses.values());
		Set<String> touched = new HashSet<>();
		file.classes().forEach(c -> touched.add(c.code()));
		return SchemeStructure.check(before, after, tagsBefore, tagsAfter, touched).stream().map(v -> {
			String at = v.through() != null ? v.through() : v.code();
			return ImportProblem.ofIri(iris.get(at), at, "STRUCTURAL_RULE", v.message()).withRule(v.rule());
		}).toList();
	}

	private static SchemeStructure.Node node(SkosLibrary.ClassEntry c) {
		return new SchemeStructure.Node(c.parent(), c.criterion(), c.exhaustive());
	}

}
