package com.taggraph.governance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as CSV for a spreadsheet: one row per violation, codes and sample ids joined
 * with ';'.
 */
final class RuleReportCsv {

	static final String[] HEADER = { "kind", "category", "codes", "message", "customerCount", "sampleCustomerIds" };

	private RuleReportCsv() {
	}

	static String write(RuleReport report) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
			for (ReportedViolation v : report.violations()) {
				csv.printRecord(v.kind(), v.category(), String.join(";", v.codes()), v.message(),
						v.customerCount() == null ? "" : v.customerCount(), String.join(";", v.sampleCustomerIds()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
