package com.taggraph.lineage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.taggraph.importing.BulkImportService;
import com.taggraph.importing.ImportProperties;
import com.taggraph.importing.CsvUpload;
import com.taggraph.importing.ImportOutcome;
import com.taggraph.importing.ImportRefusal;
import com.taggraph.importing.ImportStatus;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/import/lineage}: derivations of tags,
 * {@code tag,system,table,field[,transform]} or {@code tag,fromTag[,transform]}, UTF-8;
 * all written in one transaction, or none. The body is spooled to a file and read as the
 * bulk imports read theirs.
 */
@RestController
class LineageImportController {

	private static final String LIMIT = "taggraph.import.lineage-max-bytes";

	private final SourceCatalogService lineage;

	private final BulkImportService imports;

	private final long maxBytes;

	private final int maxErrors;

	LineageImportController(SourceCatalogService lineage, BulkImportService imports, ImportProperties properties) {
		this.lineage = lineage;
		this.imports = imports;
		this.maxBytes = properties.lineageMaxBytes().toBytes();
		this.maxErrors = properties.maxErrors();
	}

	@PostMapping(path = "/api/import/lineage", produces = MediaType.APPLICATION_JSON_VALUE)
	ImportOutcome importLineage(HttpServletRequest request,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String status)
			throws IOException {
		Path upload = null;
		DerivationFile file;
		try {
			// derivations carry no status: the parameter is only checked, so no import
			// claims approval it may not give
			ImportStatus.approved(status, request);
			CsvUpload.requireCsv(contentType, request.getContentLengthLong(), maxBytes, LIMIT);
			upload = Files.createTempFile(imports.incomingDir(), "lineage-", ".csv");
			CsvUpload.spool(request.getInputStream(), upload, maxBytes, LIMIT);
			file = LineageCsv.read(upload, maxErrors);
		}
		catch (ImportRefusal refusal) {
			throw ImportOutcome.refusal(refusal, dryRun);
		}
		finally {
			if (upload != null) {
				Files.deleteIfExists(upload);
			}
		}
		return lineage.importDerivations(file, dryRun, maxErrors).orRefuse();
	}

}
