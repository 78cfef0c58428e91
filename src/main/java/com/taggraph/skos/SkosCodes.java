package com.taggraph.skos;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;

import com.taggraph.error.InputRules;
import com.taggraph.importing.ImportProblem;

/**
 * The code of each concept (or collection) of a SKOS file: its {@code notation}, or else
 * one made from its IRI that is valid under {@link InputRules}, the same for the same
 * file, and unique in it.
 */
final class SkosCodes {

	/** Room kept in a generated code for "-" and the IRI hash. */
	private static final int HASH_LENGTH = 8;

	private SkosCodes() {
	}

	/**
	 * Puts each resource's code into {@code codes}; duplicate or invalid notations become
	 * problems.
	 */
	static void assign(Set<Resource> resources, Map<Resource, String> codes, List<ImportProblem> problems) {
		Map<String, List<Resource>> byNotation = new LinkedHashMap<>();
		Map<Resource, String> generated = new LinkedHashMap<>();
		for (Resource r : resources) {
			String notation = SkosReader.smallest(r.listProperties(SKOS.notation).toList());
			if (notation != null) {
				byNotation.computeIfAbsent(notation, k -> new ArrayList<>()).add(r);
				codes.put(r, notation);
				String problem = InputRules.codeProblem(notation);
				if (problem != null) {
					problems.add(ImportProblem.ofIri(r.getURI(), notation, "INVALID_VALUE",
							"notation is not a valid code: " + problem));
				}
			}
			else {
				generated.put(r, codeFromIri(r.getURI()));
			}
		}
		byNotation.forEach((notation, owners) -> {
			if (owners.size() > 1) {
				owners.forEach(r -> problems.add(ImportProblem.ofIri(r.getURI(), notation, "DUPLICATE",
						"duplicate notation '%s', also on %s".formatted(notation,
								owners.stream()
									.filter(o -> o != r)
									.map(Resource::getURI)
									.collect(Collectors.joining(", "))))));
			}
		});
		Map<String, Long> uses = new HashMap<>();
		byNotation.keySet().forEach(code -> uses.merge(code, 1L, Long::sum));
		generated.values().forEach(code -> uses.merge(code, 1L, Long::sum));
		Set<String> taken = new HashSet<>(byNotation.keySet());
		generated.forEach((r, code) -> {
			// both sides of a clash get the hash, so neither code depends on which IRI
			// sorts first
			String unique = uses.get(code) > 1 ? code + "-" + hash(r.getURI()) : code;
			if (!taken.add(unique)) {
				problems.add(ImportProblem.ofIri(r.getURI(), unique, "INVALID_VALUE",
						"the code '%s' made from the IRI is taken; give the concept a notation".formatted(unique)));
			}
			codes.put(r, unique);
		});
	}

	/**
	 * The IRI's last segment, decoded, with anything a code may not hold turned into '-'.
	 */
	static String codeFromIri(String iri) {
		String s = iri.replaceAll("[/#:]+$", "");
		int cut = Math.max(s.lastIndexOf('/'), Math.max(s.lastIndexOf('#'), s.lastIndexOf(':')));
		String tail = s.substring(cut + 1);
		try {
			tail = URLDecoder.decode(tail.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// a stray '%': keep the segment as written
		}
		String code = tail.replaceAll("[^\\p{L}\\p{N}._\\-]+", "-")
			.replaceAll("^[^\\p{L}\\p{N}]+", "")
			.replaceAll("-+$", "");
		int max = InputRules.MAX_CODE - HASH_LENGTH - 1;
		if (code.length() > max) {
			code = code.substring(0, max);
		}
		return code.isEmpty() ? "c-" + hash(iri) : code;
	}

	static String hash(String iri) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(iri.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
