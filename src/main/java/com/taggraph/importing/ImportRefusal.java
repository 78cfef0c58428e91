package com.taggraph.importing;

import org.springframework.http.HttpStatus;

import com.taggraph.error.ErrorCode;
import com.taggraph.error.RefusedRequest;

/**
 * An import request that cannot go ahead as asked, with the HTTP status that says why:
 * 404 for an unknown import, 409 when another import is writing or the import is in the
 * wrong state, 400 and 403 for a status the caller may not ask for.
 */
public final class ImportRefusal extends RefusedRequest {

	public ImportRefusal(HttpStatus status, ErrorCode code, String message) {
		super(status, code, message);
	}

	public static ImportRefusal notFound(String id) {
		return new ImportRefusal(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "no import '%s'".formatted(id));
	}

	public static ImportRefusal conflict(String message) {
		return new ImportRefusal(HttpStatus.CONFLICT, ErrorCode.CONFLICT, message);
	}

}
