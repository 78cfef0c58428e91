package com.taggraph.customer;

import java.util.Set;

/**
 * Published when a transaction that changed a customer's tags commits; listeners that
 * keep derived state (the segment index) use {@code @TransactionalEventListener} so a
 * rolled-back write never reaches them.
 */
public record TagAssignmentsChanged(String customerId, Set<String> added, Set<String> removed) {
}
