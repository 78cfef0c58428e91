package com.taggraph.compute;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes credentials out of JDBC URLs and of the messages drivers write, which often echo
 * the URL they were given: user-info ({@code //user:pass@host}, Oracle's
 * {@code thin:user/pass@host}), parameters naming a user, password, secret or token
 * ({@code ?password=…}, {@code ;user=…}), and the configured user name and password
 * wherever they appear.
 */
final class CredentialMask {

	static final String MASK = "***";

	/** {@code //user:pass@}: up to the last {@code @} before a space. */
	private static final Pattern USER_INFO = Pattern.compile("//\\S*@");

	/** Oracle's {@code jdbc:oracle:thin:user/pass@host}. */
	private static final Pattern SLASHED_LOGIN = Pattern
		.compile("(?i)(jdbc:[a-z0-9]+(?::[a-z0-9]+)*:)[^\\s:/@]+/\\S*@");

	private static final Pattern SECRET_PARAMETER = Pattern
		.compile("(?i)([\\w.-]*(?:user|password|passwd|pwd|secret|token|credential)[\\w.-]*)=[^&;\\s)\"']*");

	private CredentialMask() {
	}

	/** The URL with any credentials in it masked; null for null. */
	static String url(String url) {
		if (url == null) {
			return null;
		}
		String masked = USER_INFO.matcher(url).replaceAll("//" + MASK + "@");
		masked = SLASHED_LOGIN.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
		return SECRET_PARAMETER.matcher(masked).replaceAll("$1=" + Matcher.quoteReplacement(MASK));
	}

	/**
	 * A URL or a driver's message with the connection's configured password (anywhere,
	 * however short) and user name (as a word) replaced first, so a password holding
	 * {@code &} or {@code ;} goes whole, then any other credentials in URLs masked.
	 */
	static String masked(String text, ComputeProperties.Connection connection) {
		if (text == null) {
			return null;
		}
		String masked = text;
		if (connection.password() != null && !connection.password().isEmpty()) {
			masked = masked.replace(connection.password(), MASK);
		}
		if (connection.username() != null && !connection.username().isBlank()) {
			masked = Pattern.compile("(?<![\\w.-])" + Pattern.quote(connection.username()) + "(?![\\w.-])")
				.matcher(masked)
				.replaceAll(Matcher.quoteReplacement(MASK));
		}
		return url(masked);
	}

}
