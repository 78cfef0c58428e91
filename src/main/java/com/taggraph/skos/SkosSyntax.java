package com.taggraph.skos;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.springframework.http.MediaType;

import com.taggraph.importing.ImportProblem;

/**
 * The RDF syntaxes the SKOS endpoints speak, chosen by media type (Turtle when none is
 * named), and parsing with the first error's line and column.
 */
final class SkosSyntax {

	static final List<Lang> LANGS = List.of(Lang.TURTLE, Lang.RDFXML, Lang.JSONLD, Lang.NTRIPLES);

	private SkosSyntax() {
	}

	/**
	 * The syntax of a media type, Turtle for none or text/plain, or null when it is not
	 * one we read (or unreadable).
	 */
	static Lang forContentType(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return Lang.TURTLE;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)) {
			return Lang.TURTLE;
		}
		Lang lang = RDFLanguages.contentTypeToLang(type.getType() + "/" + type.getSubtype());
		return lang != null && LANGS.contains(lang) ? lang : null; // List.of(...).contains(null)
																	// throws
	}

	/**
	 * The first syntax the Accept header takes, in its order of preference; Turtle for
	 * any; null for none (or unreadable).
	 */
	static Lang forAccept(String accept) {
		if (accept == null || accept.isBlank()) {
			return Lang.TURTLE;
		}
		List<MediaType> types;
		try {
			types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.isWildcardType() || type.equalsTypeAndSubtype(MediaType.TEXT_PLAIN)) {
				return Lang.TURTLE;
			}
			for (Lang lang : LANGS) {
				if (lang.getContentType().getContentTypeStr().equals(type.getType() + "/" + type.getSubtype())) {
					return lang;
				}
			}
		}
		return null;
	}

	static RDFFormat format(Lang lang) {
		if (Lang.RDFXML.equals(lang)) {
			return RDFFormat.RDFXML_PRETTY;
		}
		if (Lang.JSONLD.equals(lang)) {
			return RDFFormat.JSONLD_PRETTY;
		}
		if (Lang.NTRIPLES.equals(lang)) {
			return RDFFormat.NTRIPLES;
		}
		return RDFFormat.TURTLE_PRETTY;
	}

	/**
	 * The parsed graph, or the first syntax error (where the parser knows them, with line
	 * and column).
	 */
	static Parsed parse(byte[] body, Lang lang, String base) {
		FirstError errors = new FirstError();
		Model model = ModelFactory.createDefaultModel();
		try {
			RDFParser.create()
				.source(new ByteArrayInputStream(body))
				.lang(lang)
				.base(base)
				.errorHandler(errors)
				.parse(model);
		}
		catch (RuntimeException ex) {
			// Jena reports through the handler; the JSON-LD parser may also throw its own
			// exceptions
			if (errors.problem == null) {
				errors.problem = ImportProblem.syntax(-1, -1, "bad %s: %s".formatted(lang.getLabel(), ex.getMessage()));
			}
		}
		return errors.problem != null ? new Parsed(null, errors.problem) : new Parsed(model, null);
	}

	record Parsed(Model model, ImportProblem problem) {
	}

	/**
	 * Keeps the first error and stops the parser there: what follows a syntax error
	 * cannot be trusted.
	 */
	private static final class FirstError implements ErrorHandler {

		ImportProblem problem;

		@Override
		public void warning(String message, long line, long col) {
			// Jena warns of unusual but legal input (IRIs it finds odd); the vocabulary
			// checks decide
		}

		@Override
		public void error(String message, long line, long col) {
			fatal(message, line, col);
		}

		@Override
		public void fatal(String message, long line, long col) {
			if (problem == null) {
				String where = line > 0 ? " at line %d%s".formatted(line, col > 0 ? ", column " + col : "") : "";
				problem = ImportProblem.syntax(line, col, "syntax error%s: %s".formatted(where, message));
			}
			throw new RiotException(message);
		}

	}

}
