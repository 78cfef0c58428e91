package com.taggraph.importing;

import java.util.Locale;

import org.springframework.http.HttpStatus;

import com.taggraph.error.ErrorCode;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@code status} parameter of the class-scheme, SKOS and lineage imports. Imports
 * land as DRAFT; {@code status=APPROVED} puts what they write straight into force,
 * skipping review, so only an ADMIN may ask for it. Without it an import never changes an
 * approved (or in-review, or deprecated) item.
 */
public final class ImportStatus {

	private ImportStatus() {
	}

	/**
	 * Whether the import asks for APPROVED; refused with 400 for another value and 403
	 * for a user who is not an admin (the request's user as Spring Security authenticated
	 * it; an admin holds {@code ROLE_ADMIN}).
	 */
	public static boolean approved(String status, HttpServletRequest request) {
		if (status == null || status.isBlank() || status.strip().equalsIgnoreCase("DRAFT")) {
			return false;
		}
		if (!status.strip().toUpperCase(Locale.ROOT).equals("APPROVED")) {
			throw new ImportRefusal(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT,
					"status must be DRAFT (the default) or APPROVED, was '%s'".formatted(status));
		}
		if (!request.isUserInRole("ADMIN")) {
			throw new ImportRefusal(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
					("status=APPROVED puts an import straight into force without review, so only an "
							+ "ADMIN may ask for it; %s is not an admin. Import without it to create drafts, then submit them for review")
						.formatted(request.getRemoteUser()));
		}
		return true;
	}

}
