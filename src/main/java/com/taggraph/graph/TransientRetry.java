package com.taggraph.graph;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs a whole write transaction again when Neo4j calls its failure transient (a deadlock between
 * writers, a lock wait cut short), as Neo4j asks clients to. Wrap the call into the transactional
 * service, never a call inside one: a retry must start a fresh transaction.
 */
@Component
public class TransientRetry {

	private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
		.includes(TransientDataAccessException.class)
		.maxRetries(5)
		.delay(Duration.ofMillis(20))
		.multiplier(2)
		.jitter(Duration.ofMillis(10))
		.build());

	public <T> T run(Supplier<T> write) {
		return retry.invoke(write);
	}
}
