package com.taggraph.customer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import com.taggraph.importing.ImportFileGenerator;
import com.taggraph.importing.ImportProgress;

/**
 * Generated customers and their tags as the two files of a load, from the same generator
 * as the demo customers: what {@code generate} writes to try an import at scale.
 */
@Component
class CustomerFiles implements ImportFileGenerator {

	private static final Log log = LogFactory.getLog(CustomerFiles.class);

	private final BulkAssignments bulk;

	CustomerFiles(BulkAssignments bulk) {
		this.bulk = bulk;
	}

	/**
	 * Streams generated customers to {@code customers.csv} and their tags to
	 * {@code assignments.csv}.
	 */
	@Override
	public Map<String, Long> generate(Path dir, long count, long seed, String idPrefix, ImportProgress progress)
			throws IOException {
		long[] assignments = { 0 };
		if (!ImportColumns.CUSTOMER_ID.matcher(idPrefix + "3300000000").matches() && !idPrefix.isEmpty()) {
			throw new IllegalArgumentException(
					"--id-prefix '%s' does not make valid account numbers".formatted(idPrefix));
		}
		Files.createDirectories(dir);
		CustomerGenerator generator = bulk.generator(seed);
		progress.start("generate", count);
		try (Writer customers = writer(dir.resolve("customers.csv"));
				Writer tags = writer(dir.resolve("assignments.csv"))) {
			tags.write("customerId,tagCode\n");
			List<String> attributes = new ArrayList<>();
			long[] n = { 0 };
			generator.generate(count, seed, customer -> {
				try {
					if (n[0]++ == 0) {
						attributes.addAll(customer.attributes().keySet());
						customers.write("id,name");
						for (String key : attributes) {
							customers.write(',');
							customers.write(key);
						}
						customers.write('\n');
					}
					String id = idPrefix + customer.id();
					customers.write(id);
					customers.write(',');
					customers.write(csv(customer.name()));
					for (String key : attributes) {
						customers.write(',');
						Object value = customer.attributes().get(key);
						customers.write(value == null ? "" : csv(value.toString()));
					}
					customers.write('\n');
					for (String tag : customer.tags()) {
						tags.write(id);
						tags.write(',');
						tags.write(tag);
						tags.write('\n');
					}
					assignments[0] += customer.tags().size();
					if (n[0] % 1024 == 0) {
						progress.step(1024);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			if (count == 0) {
				customers.write("id,name\n");
			}
		}
		finally {
			progress.finish();
		}
		log.info("Generated %d customers with %d assignments into %s".formatted(count, assignments[0], dir));
		Map<String, Long> written = new LinkedHashMap<>();
		written.put(CustomerImport.CUSTOMERS, count);
		written.put(CustomerImport.ASSIGNMENTS, assignments[0]);
		return written;
	}

	private static Writer writer(Path file) throws IOException {
		return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
	}

	private static String csv(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

}
