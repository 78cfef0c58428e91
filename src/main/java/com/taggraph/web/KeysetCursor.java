package com.taggraph.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.taggraph.error.DomainException;

/**
 * Opaque keyset cursors of the Relay connections: the key of an edge behind a prefix naming the
 * connection, in URL-safe base64. Clients pass them back as {@code after}; the page starts after the key.
 */
public final class KeysetCursor {

	private KeysetCursor() {
	}

	public static String encode(String prefix, String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((prefix + key).getBytes(StandardCharsets.UTF_8));
	}

	/** The key in a cursor of the connection the prefix names; INVALID_INPUT on {@code after} for any other text. */
	public static String decode(String prefix, String cursor) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(prefix)) {
				return decoded.substring(prefix.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64: reported below like any other foreign cursor
		}
		throw DomainException.invalid("after", "not a cursor of this connection: '%s'".formatted(cursor));
	}
}
