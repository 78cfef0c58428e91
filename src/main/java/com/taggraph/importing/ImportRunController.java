package com.taggraph.importing;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record of bulk imports: {@code GET /api/imports} lists them with their status (an
 * interrupted one is RUNNING with {@code incomplete: true}); an import can be rolled back
 * or resumed. A refusal (an unknown import 404, one in the wrong state 409) is answered
 * as problem details.
 */
@RestController
@RequestMapping(path = "/api/imports", produces = MediaType.APPLICATION_JSON_VALUE)
class ImportRunController {

	private final BulkImportService imports;

	ImportRunController(BulkImportService imports) {
		this.imports = imports;
	}

	@GetMapping
	List<ImportRun> list() {
		return imports.runs();
	}

	@GetMapping("/{id}")
	ImportRun one(@PathVariable String id) {
		return imports.run(id);
	}

	/**
	 * Deletes exactly what the import wrote (its assignments, the customers it created)
	 * and marks it ROLLED_BACK.
	 */
	@PostMapping("/{id}/rollback")
	BulkImportService.Rollback rollback(@PathVariable String id) {
		return imports.rollback(id);
	}

	/**
	 * Re-validates the kept file against the database and writes the rest of an
	 * interrupted import.
	 */
	@PostMapping("/{id}/resume")
	ImportOutcome resume(@PathVariable String id) {
		return imports.resume(id, ImportProgress.NONE).orRefuse();
	}

}
