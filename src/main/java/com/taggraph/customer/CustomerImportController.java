package com.taggraph.customer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.taggraph.importing.BulkImportService;
import com.taggraph.importing.ImportProperties;
import com.taggraph.importing.CsvUpload;
import com.taggraph.importing.ImportFile;
import com.taggraph.importing.ImportOutcome;
import com.taggraph.importing.ImportProgress;
import com.taggraph.importing.ImportRefusal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Bulk imports of customers and their tag assignments over HTTP, UTF-8 CSV. With any
 * problem nothing is written (HTTP 422, problem details listing them), and
 * {@code ?dryRun=true} validates without writing. The body is streamed to a file first,
 * so a body of gigabytes never sits in memory.
 */
@RestController
@RequestMapping("/api/import")
class CustomerImportController {

	private final BulkImportService imports;

	private final long customersMaxBytes;

	private final long assignmentsMaxBytes;

	CustomerImportController(BulkImportService imports, ImportProperties properties) {
		this.imports = imports;
		this.customersMaxBytes = properties.customersMaxBytes().toBytes();
		this.assignmentsMaxBytes = properties.assignmentsMaxBytes().toBytes();
	}

	/** Customers: {@code id,name[,attribute columns]}; existing customers are updated. */
	@PostMapping(path = "/customers", produces = MediaType.APPLICATION_JSON_VALUE)
	ImportOutcome importCustomers(HttpServletRequest request,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		return bulkImport(request, contentType, dryRun, CustomerImport.CUSTOMERS, customersMaxBytes,
				"taggraph.import.customers-max-bytes");
	}

	/**
	 * Tag assignments: {@code customerId,tagCode[,value,assignedAt]}; each written one
	 * carries the import's id.
	 */
	@PostMapping(path = "/assignments", produces = MediaType.APPLICATION_JSON_VALUE)
	ImportOutcome importAssignments(HttpServletRequest request,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		return bulkImport(request, contentType, dryRun, CustomerImport.ASSIGNMENTS, assignmentsMaxBytes,
				"taggraph.import.assignments-max-bytes");
	}

	private ImportOutcome bulkImport(HttpServletRequest request, String contentType, boolean dryRun, String kind,
			long limit, String limitProperty) throws IOException {
		Path upload = null;
		try {
			CsvUpload.requireCsv(contentType, request.getContentLengthLong(), limit, limitProperty);
			upload = Files.createTempFile(imports.incomingDir(), "upload-", ".csv");
			CsvUpload.spool(request.getInputStream(), upload, limit, limitProperty);
			return imports
				.importFiles(List.of(new ImportFile(kind, upload, "upload-" + kind.toLowerCase() + ".csv")), dryRun,
						"http", ImportProgress.NONE, true)
				.orRefuse();
		}
		catch (ImportRefusal refusal) {
			throw ImportOutcome.refusal(refusal, dryRun);
		}
		finally {
			if (upload != null) {
				Files.deleteIfExists(upload);
			}
		}
	}

}
