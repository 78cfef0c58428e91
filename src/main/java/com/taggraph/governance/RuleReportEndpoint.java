package com.taggraph.governance;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.error.RefusedRequest;

import com.taggraph.security.Visibility;

/**
 * {@code GET /api/reports/rules}: the same report as the GraphQL {@code ruleReport}, as
 * JSON (the default) or, with {@code Accept: text/csv} or {@code ?format=csv}, as CSV for
 * a spreadsheet. {@code ?category=DATA&category=LINEAGE} limits the checks.
 */
@RestController
class RuleReportEndpoint {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final RuleReportService rules;

	RuleReportEndpoint(RuleReportService rules) {
		this.rules = rules;
	}

	@GetMapping("/api/reports/rules")
	ResponseEntity<?> report(@RequestParam(name = "category", required = false) List<RuleCategory> categories,
			@RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Visibility visibility) {
		boolean csv = format != null ? wantsCsvFormat(format) : prefersCsv(accept);
		RuleReport report = rules.report(categories == null ? Set.of() : Set.copyOf(categories), visibility);
		if (csv) {
			return ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"rule-report.csv\"")
				.body(RuleReportCsv.write(report));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

	private static boolean wantsCsvFormat(String format) {
		return switch (format.toLowerCase(Locale.ROOT)) {
			case "csv" -> true;
			case "json" -> false;
			default -> throw DomainException.invalid("format", "csv or json, was " + format);
		};
	}

	/**
	 * The first of JSON and CSV the Accept header admits, by quality; JSON when it names
	 * neither.
	 */
	private static boolean prefersCsv(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> parsed;
		try {
			parsed = MediaType.parseMediaTypes(accept);
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			throw new RefusedRequest(HttpStatus.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE,
					"unreadable Accept header; the rule report is served as application/json or text/csv");
		}
		List<MediaType> accepted = parsed.stream()
			.sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
			.toList();
		for (MediaType type : accepted) {
			if (type.includes(MediaType.APPLICATION_JSON)) {
				return false;
			}
			if (type.includes(CSV)) {
				return true;
			}
		}
		throw new RefusedRequest(HttpStatus.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE,
				"the rule report is served as application/json or text/csv");
	}

}
