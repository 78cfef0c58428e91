/**
 * The audit trail: an append-only change event for every write, and the history of any
 * node.
 */
package com.taggraph.audit;
