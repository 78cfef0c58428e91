package com.taggraph.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One recorded write: who, when, what, and the node's state before and after (null when
 * absent).
 */
public record ChangeEvent(String id, OffsetDateTime at, String by, String operation, ChangeKind kind, String code,
		Map<String, Object> before, Map<String, Object> after, String requestId, String importId) {
}
