package com.taggraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.taggraph.error.ErrorCode;

/**
 * The HTTP side every file import shares: the {@code Content-Type} a CSV upload may have,
 * and reading a body within a size limit, into memory or spooled to a file, so a body of
 * gigabytes never sits in memory. Each refusal is an {@link ImportRefusal} with its
 * status: 415, 413, or 422 for a body that is not UTF-8.
 */
public final class CsvUpload {

	private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

	private CsvUpload() {
	}

	/**
	 * What is wrong with the {@code Content-Type} of a CSV upload, or null: text/csv (or
	 * text/plain), UTF-8.
	 */
	public static String contentTypeProblem(String contentType) {
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

	/**
	 * Refuses an upload that is not CSV (415) or announces more than {@code limit} bytes
	 * (413) before a byte of it is read.
	 */
	public static void requireCsv(String contentType, long contentLength, long limit, String limitProperty) {
		String problem = contentTypeProblem(contentType);
		if (problem != null) {
			throw new ImportRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE, problem);
		}
		requireAtMost(contentLength, limit, limitProperty);
	}

	/** Refuses (413) a body that announces more than {@code limit} bytes. */
	public static void requireAtMost(long contentLength, long limit, String limitProperty) {
		if (contentLength > limit) {
			throw tooLarge(limit, limitProperty);
		}
	}

	/**
	 * Copies the body to the file; refused (413) once it passes the limit, and read no
	 * further.
	 */
	public static void spool(InputStream in, Path file, long limit, String limitProperty) throws IOException {
		try (var out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			long total = 0;
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > limit) {
					throw tooLarge(limit, limitProperty);
				}
				out.write(buffer, 0, n);
			}
		}
	}

	/**
	 * The body; refused (413) when it is longer than {@code limit}: chunked bodies carry
	 * no length to check first.
	 */
	public static byte[] readAtMost(InputStream in, long limit, String limitProperty) throws IOException {
		byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (bytes.length > limit) {
			throw tooLarge(limit, limitProperty);
		}
		return bytes;
	}

	private static ImportRefusal tooLarge(long limit, String property) {
		return new ImportRefusal(HttpStatus.CONTENT_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
				"the body is larger than the limit of %d bytes (%s)".formatted(limit, property));
	}

	/**
	 * The body as text, without a leading byte-order mark (spreadsheet programs write
	 * one).
	 * @throws ImportRefusal 422 naming the line of the first byte that is not UTF-8
	 */
	public static String utf8(byte[] body) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ImportRefusal(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.IMPORT_REFUSED,
					"the body is not valid UTF-8 (at line %d)".formatted(lineOfInvalidByte(body)));
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
