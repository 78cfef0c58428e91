package com.taggraph.lineage;

/**
 * One derivation being imported: the tag and either the field it is derived from (system,
 * table and field name, as a lineage file names them) or the tag it is derived from. A
 * null transform means "not given": a new derivation gets none, an existing one keeps its
 * own.
 */
public record DerivationRow(long line, String tagCode, String system, String table, String field, String fromTag,
		String transform) {

	public static DerivationRow ofField(long line, String tagCode, String system, String table, String field,
			String transform) {
		return new DerivationRow(line, tagCode, system, table, field, null, transform);
	}

	public static DerivationRow ofTag(long line, String tagCode, String fromTag, String transform) {
		return new DerivationRow(line, tagCode, null, null, null, fromTag, transform);
	}

	boolean isFromField() {
		return fromTag == null;
	}

	/**
	 * The qualified code of what the tag is derived from:
	 * {@code S1.A_RCVBL_FLOW.RCVBL_YM}, or a tag code.
	 */
	String sourceCode() {
		return isFromField() ? fieldCode() : fromTag;
	}

	String tableCode() {
		return system + "." + table;
	}

	String fieldCode() {
		return system + "." + table + "." + field;
	}
}
