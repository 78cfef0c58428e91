package com.taggraph.importing;

import java.io.IOException;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.taggraph.audit.AuditContext;

import jakarta.servlet.http.HttpServletRequest;

/**
 * SKOS interchange over HTTP: {@code GET /api/export/skos} (Turtle, or what {@code Accept} asks for:
 * RDF/XML, JSON-LD, N-Triples) and {@code POST /api/import/skos} (the syntax by {@code Content-Type},
 * Turtle when none), all-or-nothing with {@code ?dryRun=true}, within {@code taggraph.import.max-bytes}.
 */
@RestController
class SkosController {

	private static final String SYNTAXES = "text/turtle, application/rdf+xml, application/ld+json, application/n-triples";

	private final SkosService skos;
	private final long maxBytes;
	private final AuditContext audit;

	SkosController(SkosService skos, ImportProperties properties, AuditContext audit) {
		this.skos = skos;
		this.maxBytes = properties.maxBytes().toBytes();
		this.audit = audit;
	}

	@GetMapping("/api/export/skos")
	ResponseEntity<byte[]> export(@RequestHeader(name = "Accept", required = false) String accept) {
		Lang lang = SkosSyntax.forAccept(accept);
		if (lang == null) {
			return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.TEXT_PLAIN)
				.body(("SKOS is served as " + SYNTAXES + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(lang.getContentType().getContentTypeStr() + ";charset=UTF-8"))
			.body(skos.export(lang));
	}

	@PostMapping(path = "/api/import/skos", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SkosImportResult> importSkos(HttpServletRequest request,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(required = false) String status) throws IOException {
		boolean approved;
		try {
			approved = ImportStatus.approved(status, audit.current());
		}
		catch (ImportRefusal refusal) {
			return refuse(HttpStatus.valueOf(refusal.status), dryRun, refusal.getMessage());
		}
		Lang lang = SkosSyntax.forContentType(contentType);
		if (lang == null) {
			return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, dryRun,
					"Content-Type %s is not accepted; send one of %s".formatted(contentType, SYNTAXES));
		}
		if (request.getContentLengthLong() > maxBytes) {
			return refuse(HttpStatus.CONTENT_TOO_LARGE, dryRun, tooLarge());
		}
		byte[] body = ImportController.readAtMost(request.getInputStream(), maxBytes);
		if (body == null) {
			return refuse(HttpStatus.CONTENT_TOO_LARGE, dryRun, tooLarge());
		}
		SkosImportResult result = skos.importFile(body, lang, dryRun, approved);
		return ResponseEntity.status(result.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
			.body(result);
	}

	private String tooLarge() {
		return "the body is larger than the limit of %d bytes (taggraph.import.max-bytes)".formatted(maxBytes);
	}

	private static ResponseEntity<SkosImportResult> refuse(HttpStatus status, boolean dryRun, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
			.body(SkosImportResult.refused(dryRun, List.of(SkosProblem.general(message)), 0));
	}
}
