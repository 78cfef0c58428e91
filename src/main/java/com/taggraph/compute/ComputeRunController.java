package com.taggraph.compute;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Computation runs over REST, for schedulers and scripts: {@code POST /api/compute}
 * starts one (202 with its id), {@code GET /api/compute/{id}} follows it, and an
 * interrupted run can be resumed or rolled back. Refusals are problem details.
 */
@RestController
@RequestMapping(path = "/api/compute", produces = MediaType.APPLICATION_JSON_VALUE)
class ComputeRunController {

	private final ComputeService compute;

	ComputeRunController(ComputeService compute) {
		this.compute = compute;
	}

	/**
	 * What to compute: tags and classes (none: every approved rule), or only a report.
	 */
	record ComputeRequest(List<String> tagCodes, List<String> classCodes, Boolean dryRun) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	ComputeRun start(@RequestBody(required = false) ComputeRequest request) {
		ComputeRequest asked = request == null ? new ComputeRequest(null, null, false) : request;
		return compute.start(asked.tagCodes(), asked.classCodes(), Boolean.TRUE.equals(asked.dryRun()));
	}

	@GetMapping
	List<ComputeRun> latest(@RequestParam(defaultValue = "20") int first) {
		return compute.latest(first);
	}

	@GetMapping("/{id}")
	ComputeRun one(@PathVariable String id) {
		return compute.find(id);
	}

	@PostMapping("/{id}/resume")
	ComputeRun resume(@PathVariable String id) {
		return compute.resume(id);
	}

	@PostMapping("/{id}/rollback")
	ComputeRun rollback(@PathVariable String id) {
		return compute.rollback(id);
	}

}
