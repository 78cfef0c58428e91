package com.taggraph.importing;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV file with their line numbers, in bounded memory whatever
 * the file's size. Strict UTF-8 (a byte-order mark is skipped); blank lines are skipped;
 * quoted fields may hold newlines. The file's SHA-256 is computed on the way, so a
 * validated file can be recognised later.
 */
public final class CsvRows implements Closeable {

	/**
	 * Why the rest of the file cannot be read: invalid UTF-8 or broken quoting, at a
	 * line.
	 */
	public static final class Unreadable extends Exception {

		public final long line;

		Unreadable(long line, String message) {
			super(message);
			this.line = line;
		}

	}

	/** One record: the line it starts on and its trimmed cells. */
	public record Row(long line, CSVRecord record) {

		public int size() {
			return record.size();
		}

		public String get(int index) {
			return record.get(index);
		}

		/**
		 * The trimmed cell, or null when the column is absent ({@code index} -1) or the
		 * cell empty.
		 */
		public String cell(int index) {
			if (index < 0 || index >= size()) {
				return null;
			}
			String value = get(index);
			return value.isEmpty() ? null : value;
		}
	}

	/**
	 * The longest value of a cell an import takes (an attribute, an assignment's value, a
	 * transform).
	 */
	public static final int MAX_VALUE = 1000;

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

	private final Path file;

	private final MessageDigest digest;

	private final LineTrackingReader reader;

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	/** The line of the record returned last (0 before the first). */
	private long lastLine;

	public CsvRows(Path file) throws IOException {
		this.file = file;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest);
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		reader = new LineTrackingReader(new InputStreamReader(in, decoder));
		parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
		records = parser.iterator();
	}

	/**
	 * Longest record read, in characters. commons-csv holds a whole record in memory, so
	 * without a bound a quote left open (or a file without newlines) in an upload of
	 * gigabytes is read into the heap until it runs out; no real row of any import comes
	 * near a million characters.
	 */
	public static final int MAX_RECORD_CHARS = 1 << 20;

	/** The next record, or null at the end of the file. */
	public Row next() throws Unreadable {
		reader.recordStarts();
		try {
			while (records.hasNext()) {
				CSVRecord record = records.next();
				if (record.size() == 1 && record.get(0).isEmpty()) {
					continue; // a blank line
				}
				lastLine = reader.lineAt(record.getCharacterPosition());
				return new Row(lastLine, record);
			}
			return null;
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			if (rootCause(ex) instanceof CharacterCodingException) {
				long line = lineOfInvalidUtf8();
				throw new Unreadable(line, "the file is not valid UTF-8 (at line %d)".formatted(line));
			}
			if (rootCause(ex) instanceof RecordTooLong) {
				throw new Unreadable(lastLine + 1,
						"the record after line %d is longer than %d characters: is a quote left open?"
							.formatted(lastLine, MAX_RECORD_CHARS));
			}
			// commons-csv stops at malformed quoting; nothing after it can be trusted
			throw new Unreadable(parser.getCurrentLineNumber(), "malformed CSV: " + rootCause(ex).getMessage());
		}
	}

	/**
	 * The decoder reads ahead, so the line of a bad byte is found again, line by line:
	 * only when there is one.
	 */
	private long lineOfInvalidUtf8() {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			var line = new java.io.ByteArrayOutputStream();
			long number = 1;
			int b;
			do {
				b = in.read();
				if (b == '\n' || b < 0) {
					try {
						decoder.reset().decode(java.nio.ByteBuffer.wrap(line.toByteArray()));
					}
					catch (CharacterCodingException ex) {
						return number;
					}
					line.reset();
					number++;
				}
				else {
					line.write(b);
				}
			}
			while (b >= 0);
		}
		catch (IOException ex) {
			// fall through: the line is unknown
		}
		return reader.linesSeen() + 1;
	}

	/**
	 * SHA-256 of the bytes read so far; of the whole file once {@link #next()} has
	 * returned null.
	 */
	public String sha256() {
		return HexFormat.of().formatHex(digest.digest());
	}

	@Override
	public void close() throws IOException {
		parser.close();
	}

	/**
	 * Lines in the file, counted fast on the raw bytes: what a progress bar needs before
	 * the real pass.
	 */
	public static long countLines(Path file) throws IOException {
		long lines = 0;
		long size = 0;
		byte last = '\n';
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 20];
			int n;
			while ((n = in.read(buffer)) > 0) {
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
				last = buffer[n - 1];
				size += n;
			}
		}
		return size > 0 && last != '\n' ? lines + 1 : lines;
	}

	/** SHA-256 of a whole file. */
	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 20];
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t;
	}

	/**
	 * A record past {@link #MAX_RECORD_CHARS}: thrown by the reader, so the parser stops
	 * reading it.
	 */
	private static final class RecordTooLong extends IOException {

		RecordTooLong() {
			super("a record longer than " + MAX_RECORD_CHARS + " characters");
		}

	}

	/**
	 * Remembers where the newlines are among the characters handed to the parser, and
	 * forgets them once the parser has moved past: line numbers in constant memory. Drops
	 * a leading byte-order mark.
	 */
	private static final class LineTrackingReader extends Reader {

		private final Reader in;

		private long position;

		private long linesBefore;

		private long linesSeen;

		private long[] newlines = new long[1024];

		private int head;

		private int tail;

		private boolean started;

		/** Characters handed out when the parser was asked for the current record. */
		private long recordMark;

		LineTrackingReader(Reader in) {
			this.in = in;
		}

		void recordStarts() {
			recordMark = position;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n <= 0) {
				return n;
			}
			if (!started) {
				started = true;
				if (buffer[offset] == '\uFEFF') {
					System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
					n--;
					if (n == 0) {
						return read(buffer, offset, length);
					}
				}
			}
			for (int i = 0; i < n; i++) {
				if (buffer[offset + i] == '\n') {
					push(position + i);
				}
			}
			position += n;
			// the parser reads ahead by its buffer, so a record within the limit never
			// trips this
			if (position - recordMark > MAX_RECORD_CHARS + (1 << 16)) {
				throw new RecordTooLong();
			}
			return n;
		}

		/** The 1-based line of a character offset; offsets must not go backwards. */
		long lineAt(long offset) {
			while (head != tail && newlines[head] < offset) {
				head = (head + 1) & (newlines.length - 1);
				linesBefore++;
			}
			return linesBefore + 1;
		}

		long linesSeen() {
			return linesSeen;
		}

		private void push(long at) {
			linesSeen++;
			int next = (tail + 1) & (newlines.length - 1);
			if (next == head) {
				long[] bigger = new long[newlines.length * 2];
				int count = 0;
				for (int i = head; i != tail; i = (i + 1) & (newlines.length - 1)) {
					bigger[count++] = newlines[i];
				}
				newlines = bigger;
				head = 0;
				tail = count;
				next = tail + 1;
			}
			newlines[tail] = at;
			tail = next;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

}
