package com.taggraph.lifecycle;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A change to an item held for review, kept as a {@code :PendingChange} node until a
 * reviewer other than its proposer approves or rejects it (or the proposer withdraws it).
 *
 * @param operation PUBLISH (approve a submitted draft), UPDATE, MOVE, DELETE, CLASSIFY or
 * DEPRECATE
 * @param status PENDING, APPROVED, REJECTED or WITHDRAWN
 * @param by the proposer
 * @param at when it was proposed (ISO-8601)
 * @param proposed the proposed values as JSON, keyed as the item's audit state is
 * @param arguments the arguments the approval replays through the item's service, as JSON
 * @param diff the fields it changes, against the approved values when it was proposed
 */
public record PendingChange(String id, ItemKind kind, String code, String operation, String status, String by,
		String at, String comment, String proposed, String arguments, List<FieldDiff> diff, String reviewedBy,
		String reviewedAt, String reviewComment) {

	static final String PENDING = "PENDING";
	static final String APPROVED = "APPROVED";
	static final String REJECTED = "REJECTED";
	static final String WITHDRAWN = "WITHDRAWN";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	boolean open() {
		return PENDING.equals(status);
	}

	/**
	 * The proposed values as an object, for the JSON scalar of {@code proposedValues}.
	 */
	public Map<?, ?> proposedValues() {
		return proposed == null ? Map.of() : JSON.readValue(proposed, Map.class);
	}
}
