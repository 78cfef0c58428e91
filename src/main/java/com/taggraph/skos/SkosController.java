package com.taggraph.skos;

import java.io.IOException;

import org.apache.jena.riot.Lang;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.taggraph.error.ErrorCode;
import com.taggraph.error.RefusedRequest;
import com.taggraph.importing.CsvUpload;
import com.taggraph.importing.ImportOutcome;
import com.taggraph.importing.ImportProperties;
import com.taggraph.importing.ImportRefusal;
import com.taggraph.importing.ImportStatus;
import com.taggraph.security.Visibility;

import jakarta.servlet.http.HttpServletRequest;

/**
 * SKOS interchange over HTTP: {@code GET /api/export/skos} (Turtle, or what
 * {@code Accept} asks for: RDF/XML, JSON-LD, N-Triples) and {@code POST /api/import/skos}
 * (the syntax by {@code Content-Type}, Turtle when none), all-or-nothing with
 * {@code ?dryRun=true}, within {@code taggraph.import.max-bytes}; a refusal is problem
 * details, in the shape of every import's.
 */
@RestController
class SkosController {

	private static final String SYNTAXES = "text/turtle, application/rdf+xml, application/ld+json, application/n-triples";

	private final SkosService skos;

	private final long maxBytes;

	SkosController(SkosService skos, ImportProperties properties) {
		this.skos = skos;
		this.maxBytes = properties.maxBytes().toBytes();
	}

	@GetMapping("/api/export/skos")
	ResponseEntity<byte[]> export(@RequestHeader(name = "Accept", required = false) String accept,
			Visibility visibility) {
		Lang lang = SkosSyntax.forAccept(accept);
		if (lang == null) {
			throw new RefusedRequest(HttpStatus.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE,
					"SKOS is served as " + SYNTAXES);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(lang.getContentType().getContentTypeStr() + ";charset=UTF-8"))
			.body(skos.export(lang, visibility));
	}

	@PostMapping(path = "/api/import/skos", produces = MediaType.APPLICATION_JSON_VALUE)
	ImportOutcome importSkos(HttpServletRequest request,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String status)
			throws IOException {
		boolean approved;
		byte[] body;
		try {
			approved = ImportStatus.approved(status, request);
			if (SkosSyntax.forContentType(contentType) == null) {
				throw new ImportRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
						"Content-Type %s is not accepted; send one of %s".formatted(contentType, SYNTAXES));
			}
			CsvUpload.requireAtMost(request.getContentLengthLong(), maxBytes, "taggraph.import.max-bytes");
			body = CsvUpload.readAtMost(request.getInputStream(), maxBytes, "taggraph.import.max-bytes");
		}
		catch (ImportRefusal refusal) {
			throw ImportOutcome.refusal(refusal, dryRun);
		}
		return skos.importFile(body, SkosSyntax.forContentType(contentType), dryRun, approved).orRefuse();
	}

}
