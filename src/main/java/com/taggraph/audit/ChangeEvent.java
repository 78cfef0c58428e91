package com.taggraph.audit;

import java.time.OffsetDateTime;

/** One recorded write: who, when, what, and the node's state before and after (JSON text, null when absent). */
public record ChangeEvent(String id, OffsetDateTime at, String by, String operation, ChangeKind kind, String code,
		String before, String after, String requestId, String importId) {
}
