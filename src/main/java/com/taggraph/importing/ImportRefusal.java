package com.taggraph.importing;

/**
 * A bulk-import request that cannot go ahead as asked, with the HTTP status that says why: 404 for
 * an unknown import, 409 when another import is writing or the import is in the wrong state.
 */
final class ImportRefusal extends RuntimeException {

	final int status;

	ImportRefusal(int status, String message) {
		super(message);
		this.status = status;
	}

	static ImportRefusal notFound(String id) {
		return new ImportRefusal(404, "no import '%s'".formatted(id));
	}

	static ImportRefusal conflict(String message) {
		return new ImportRefusal(409, message);
	}
}
