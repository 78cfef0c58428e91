package com.taggraph.compute;

/**
 * What a source system is bound to: a configured JDBC connection, by name, and what the
 * database said it is when the binding was checked. Holds no user name or password.
 *
 * @param connection the name under {@code taggraph.compute.connections}
 * @param url the configured URL, credentials masked; null when the name is no longer
 * configured
 * @param product the database product, e.g. PostgreSQL
 * @param version its version
 * @param checkedAt when the binding logged in and read them (ISO-8601)
 */
public record SystemBinding(String connection, String url, String product, String version, String checkedAt) {

	SystemBinding withUrl(String url) {
		return new SystemBinding(connection, url, product, version, checkedAt);
	}

}
