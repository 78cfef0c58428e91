package com.taggraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.taggraph.audit.AuditContext;
import com.taggraph.lineage.DerivationImportResult;
import com.taggraph.lineage.SourceCatalogService;
import com.taggraph.taxonomy.SchemeImportResult;
import com.taggraph.taxonomy.SchemeProblem;
import com.taggraph.taxonomy.TaxonomyService;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Bulk imports over HTTP. Each answers {@code {created, updated, unchanged, errors}}; with any
 * error nothing is written (HTTP 422), and {@code ?dryRun=true} validates without writing.
 * Customers and assignments are streamed to a file first, so a body of gigabytes never sits in memory.
 */
@RestController
@RequestMapping("/api/import")
class ImportController {

	private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

	private final TaxonomyService taxonomy;
	private final long maxBytes;
	private final BulkImportService bulkImports;
	private final long customersMaxBytes;
	private final long assignmentsMaxBytes;
	private final SourceCatalogService lineage;
	private final long lineageMaxBytes;
	private final int maxErrors;
	private final AuditContext audit;

	ImportController(TaxonomyService taxonomy, BulkImportService bulkImports, SourceCatalogService lineage,
			ImportProperties properties, AuditContext audit) {
		this.taxonomy = taxonomy;
		this.maxBytes = properties.maxBytes().toBytes();
		this.bulkImports = bulkImports;
		this.customersMaxBytes = properties.customersMaxBytes().toBytes();
		this.assignmentsMaxBytes = properties.assignmentsMaxBytes().toBytes();
		this.lineage = lineage;
		this.lineageMaxBytes = properties.lineageMaxBytes().toBytes();
		this.maxErrors = properties.maxErrors();
		this.audit = audit;
	}

	/**
	 * A class scheme: {@code code,parent,name[,criterion,exclusive,exhaustive]}, UTF-8. New classes are
	 * DRAFT; {@code status=APPROVED} (admins only) makes every written class APPROVED.
	 */
	@PostMapping(path = "/tag-classes", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SchemeImportResult> importTagClasses(HttpServletRequest request,
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
		String problem = contentTypeProblem(contentType);
		if (problem != null) {
			return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, dryRun, problem);
		}
		if (request.getContentLengthLong() > maxBytes) {
			return refuse(HttpStatus.CONTENT_TOO_LARGE, dryRun, tooLarge());
		}
		byte[] body = readAtMost(request.getInputStream(), maxBytes);
		if (body == null) {
			return refuse(HttpStatus.CONTENT_TOO_LARGE, dryRun, tooLarge());
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return refuse(HttpStatus.UNPROCESSABLE_CONTENT, dryRun,
					"the body is not valid UTF-8 (at line %d)".formatted(lineOfInvalidByte(body)));
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1); // a byte-order mark, as spreadsheet programs write
		}
		ClassSchemeCsv.Parsed parsed = ClassSchemeCsv.parse(text);
		SchemeImportResult result = taxonomy.importScheme(parsed.rows(), parsed.problems(), dryRun, approved);
		return ResponseEntity.status(result.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
			.body(result);
	}

	/** Customers: {@code id,name[,attribute columns]}, UTF-8; existing customers are updated. */
	@PostMapping(path = "/customers", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ImportReport> importCustomers(HttpServletRequest request,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		return bulkImport(request, contentType, dryRun, FileKind.CUSTOMERS, customersMaxBytes,
				"taggraph.import.customers-max-bytes");
	}

	/** Tag assignments: {@code customerId,tagCode[,value,assignedAt]}, UTF-8; each written one carries the import's id. */
	@PostMapping(path = "/assignments", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ImportReport> importAssignments(HttpServletRequest request,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		return bulkImport(request, contentType, dryRun, FileKind.ASSIGNMENTS, assignmentsMaxBytes,
				"taggraph.import.assignments-max-bytes");
	}

	private ResponseEntity<ImportReport> bulkImport(HttpServletRequest request, String contentType, boolean dryRun,
			FileKind kind, long limit, String limitProperty) throws IOException {
		String problem = contentTypeProblem(contentType);
		if (problem != null) {
			return bulkRefuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, dryRun, "REFUSED", problem);
		}
		String tooLarge = "the body is larger than the limit of %d bytes (%s)".formatted(limit, limitProperty);
		if (request.getContentLengthLong() > limit) {
			return bulkRefuse(HttpStatus.CONTENT_TOO_LARGE, dryRun, "REFUSED", tooLarge);
		}
		Path upload = Files.createTempFile(bulkImports.incomingDir(), "upload-", ".csv");
		try {
			if (!spool(request.getInputStream(), upload, limit)) {
				return bulkRefuse(HttpStatus.CONTENT_TOO_LARGE, dryRun, "REFUSED", tooLarge);
			}
			ImportReport report = bulkImports.importFiles(
					List.of(new ImportFile(kind, upload, "upload-" + kind.name().toLowerCase() + ".csv")), dryRun, "http",
					ImportProgress.NONE, true);
			HttpStatus status = report.committed() || report.errors().isEmpty() ? HttpStatus.OK
					: ImportRun.RUNNING.equals(report.status()) ? HttpStatus.INTERNAL_SERVER_ERROR
							: HttpStatus.UNPROCESSABLE_CONTENT;
			return ResponseEntity.status(status).body(report);
		}
		catch (ImportRefusal refusal) {
			return bulkRefuse(HttpStatus.valueOf(refusal.status), dryRun, "REFUSED", refusal.getMessage());
		}
		finally {
			Files.deleteIfExists(upload);
		}
	}

	/**
	 * Derivations of tags: {@code tag,system,table,field[,transform]} or {@code tag,fromTag[,transform]},
	 * UTF-8; all written in one transaction, or none. The body is spooled to a file and read as the
	 * bulk imports read theirs.
	 */
	@PostMapping(path = "/lineage", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DerivationImportResult> importLineage(HttpServletRequest request,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(required = false) String status) throws IOException {
		try {
			// derivations carry no status: the parameter is only checked, so no import claims approval it may not give
			ImportStatus.approved(status, audit.current());
		}
		catch (ImportRefusal refusal) {
			return lineageRefuse(HttpStatus.valueOf(refusal.status), dryRun, refusal.getMessage());
		}
		String problem = contentTypeProblem(contentType);
		if (problem != null) {
			return lineageRefuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, dryRun, problem);
		}
		String tooLarge = "the body is larger than the limit of %d bytes (taggraph.import.lineage-max-bytes)"
			.formatted(lineageMaxBytes);
		if (request.getContentLengthLong() > lineageMaxBytes) {
			return lineageRefuse(HttpStatus.CONTENT_TOO_LARGE, dryRun, tooLarge);
		}
		Path upload = Files.createTempFile(bulkImports.incomingDir(), "lineage-", ".csv");
		try {
			if (!spool(request.getInputStream(), upload, lineageMaxBytes)) {
				return lineageRefuse(HttpStatus.CONTENT_TOO_LARGE, dryRun, tooLarge);
			}
			DerivationImportResult result = lineage.importDerivations(LineageCsv.read(upload, maxErrors), dryRun,
					maxErrors);
			return ResponseEntity.status(result.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
				.body(result);
		}
		finally {
			Files.deleteIfExists(upload);
		}
	}

	private static ResponseEntity<DerivationImportResult> lineageRefuse(HttpStatus status, boolean dryRun,
			String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(DerivationImportResult.refused(dryRun, "REFUSED", message));
	}

	/** Copies the body to the file; false (and stops reading) once it passes the limit. */
	private static boolean spool(InputStream in, Path file, long limit) throws IOException {
		try (var out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			long total = 0;
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > limit) {
					return false;
				}
				out.write(buffer, 0, n);
			}
		}
		return true;
	}

	private static ResponseEntity<ImportReport> bulkRefuse(HttpStatus status, boolean dryRun, String kind, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ImportReport.refused(dryRun, kind, message));
	}

	private String contentTypeProblem(String contentType) {
		if (contentType == null) {
			return "missing Content-Type; send the file as text/csv; charset=UTF-8";
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (IllegalArgumentException ex) {
			return "unreadable Content-Type '%s'".formatted(contentType);
		}
		if (!TEXT_CSV.includes(type) && !MediaType.TEXT_PLAIN.includes(type)) {
			return "Content-Type %s is not accepted; send the file as text/csv".formatted(contentType);
		}
		if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
			return "charset %s is not accepted; send UTF-8".formatted(type.getCharset());
		}
		return null;
	}

	private String tooLarge() {
		return "the body is larger than the limit of %d bytes (taggraph.import.max-bytes)".formatted(maxBytes);
	}

	private static ResponseEntity<SchemeImportResult> refuse(HttpStatus status, boolean dryRun, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(SchemeImportResult.refused(dryRun, List.of(new SchemeProblem(0, null, null, message))));
	}

	/** The body, or null when it is longer than {@code limit}; chunked bodies carry no length to check first. */
	static byte[] readAtMost(InputStream in, long limit) throws IOException {
		byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		return bytes.length > limit ? null : bytes;
	}

	private static int lineOfInvalidByte(byte[] body) {
		var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
		int line = 1;
		int start = 0;
		for (int i = 0; i <= body.length; i++) {
			if (i == body.length || body[i] == '\n') {
				try {
					decoder.reset().decode(ByteBuffer.wrap(body, start, i - start));
				}
				catch (CharacterCodingException ex) {
					return line;
				}
				line++;
				start = i + 1;
			}
		}
		return line;
	}

}
