package com.taggraph.taxonomy;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.taggraph.importing.CsvUpload;
import com.taggraph.importing.ImportProperties;
import com.taggraph.importing.ImportOutcome;
import com.taggraph.importing.ImportRefusal;
import com.taggraph.importing.ImportStatus;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/import/tag-classes}: a class scheme,
 * {@code code,parent,name[,criterion,exclusive,exhaustive]}, UTF-8, all or nothing (a
 * refusal lists every problem), {@code ?dryRun=true} to check without writing.
 */
@RestController
class ClassSchemeImportController {

	private final TaxonomyService taxonomy;

	private final long maxBytes;

	ClassSchemeImportController(TaxonomyService taxonomy, ImportProperties properties) {
		this.taxonomy = taxonomy;
		this.maxBytes = properties.maxBytes().toBytes();
	}

	/**
	 * New classes are DRAFT; {@code status=APPROVED} (admins only) makes every written
	 * class APPROVED.
	 */
	@PostMapping(path = "/api/import/tag-classes", produces = MediaType.APPLICATION_JSON_VALUE)
	ImportOutcome importTagClasses(HttpServletRequest request,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String status)
			throws IOException {
		boolean approved;
		String text;
		try {
			approved = ImportStatus.approved(status, request);
			CsvUpload.requireCsv(contentType, request.getContentLengthLong(), maxBytes, "taggraph.import.max-bytes");
			text = CsvUpload
				.utf8(CsvUpload.readAtMost(request.getInputStream(), maxBytes, "taggraph.import.max-bytes"));
		}
		catch (ImportRefusal refusal) {
			throw ImportOutcome.refusal(refusal, dryRun);
		}
		ClassSchemeCsv.Parsed parsed = ClassSchemeCsv.parse(text);
		return taxonomy.importScheme(parsed.rows(), parsed.problems(), dryRun, approved).orRefuse();
	}

}
