package com.taggraph.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quote left open in a huge upload is stopped at {@link CsvRows#MAX_RECORD_CHARS} with
 * the line after the last good record, instead of being read into memory whole; records
 * up to the limit still parse.
 */
class CsvRowsLimitTest {

	@TempDir
	Path dir;

	@Test
	void anOpenQuoteInA100MbFileStopsAtTheRecordLimit() throws Exception {
		Path file = dir.resolve("open-quote.csv");
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write("customerId,tagCode\nC1,T0101\nC2,\"never closed ".getBytes(StandardCharsets.UTF_8));
			byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < 100; i++) {
				out.write(chunk);
			}
		}
		long start = System.nanoTime();
		try (CsvRows rows = new CsvRows(file)) {
			assertThat(rows.next().get(0)).isEqualTo("customerId");
			assertThat(rows.next().get(0)).isEqualTo("C1");
			assertThatThrownBy(rows::next).isInstanceOf(CsvRows.Unreadable.class)
				.hasMessageContaining("after line 2")
				.hasMessageContaining("longer than " + CsvRows.MAX_RECORD_CHARS + " characters")
				.satisfies(ex -> assertThat(((CsvRows.Unreadable) ex).line).isEqualTo(3));
		}
		// it read about a megabyte, not the hundred
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
	}

	@Test
	void aRecordJustUnderTheLimitIsRead() throws IOException, CsvRows.Unreadable {
		Path file = dir.resolve("long-cell.csv");
		String cell = "y".repeat(CsvRows.MAX_RECORD_CHARS - 10);
		Files.writeString(file, "id,name\nC1,\"" + cell + "\"\nC2,short\n");
		try (CsvRows rows = new CsvRows(file)) {
			rows.next();
			assertThat(rows.next().get(1)).hasSize(cell.length());
			assertThat(rows.next().get(0)).isEqualTo("C2");
			assertThat(rows.next()).isNull();
		}
	}

}
