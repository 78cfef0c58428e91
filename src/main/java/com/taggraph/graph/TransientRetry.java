package com.taggraph.graph;

import java.time.Duration;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a whole transaction again when Neo4j calls its failure transient (a deadlock
 * between writers, a lock wait cut short), as Neo4j asks clients to. It is the advice of
 * every {@code @Transactional} method, ordered before the transaction's own, so every
 * write path through a service retries without asking: only the outermost call retries,
 * as a retry must start a fresh transaction. {@link #template} serves writes that open
 * their transaction by hand.
 */
@Component
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
public class TransientRetry extends AbstractPointcutAdvisor implements MethodInterceptor {

	private static final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
		.predicate(TransientRetry::isTransient)
		.maxRetries(5)
		.delay(Duration.ofMillis(20))
		.multiplier(2)
		.jitter(Duration.ofMillis(10))
		.build());

	private final Pointcut transactional = new ComposablePointcut(
			AnnotationMatchingPointcut.forClassAnnotation(Transactional.class))
		.union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class));

	public TransientRetry() {
		setOrder(Ordered.HIGHEST_PRECEDENCE);
	}

	/**
	 * Runs a write, again on a transient failure unless it joins a transaction already
	 * open.
	 */
	public static <T> T run(Supplier<T> write) {
		return TransactionSynchronizationManager.isActualTransactionActive() ? write.get() : retry.invoke(write);
	}

	/** A transaction template whose every transaction is retried as {@link #run} does. */
	public static TransactionTemplate template(PlatformTransactionManager transactions) {
		return new TransactionTemplate(transactions) {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				return run(() -> super.execute(action));
			}
		};
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()
				|| !(invocation instanceof ProxyMethodInvocation proxied)) {
			return invocation.proceed();
		}
		try {
			return retry.execute(() -> proxied.invocableClone().proceed());
		}
		catch (RetryException ex) {
			throw ex.getLastException() != null ? ex.getLastException() : ex;
		}
	}

	@Override
	public Pointcut getPointcut() {
		return transactional;
	}

	@Override
	public org.aopalliance.aop.Advice getAdvice() {
		return this;
	}

	static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException
					|| cause instanceof org.neo4j.driver.exceptions.TransientException) {
				return true;
			}
		}
		return false;
	}

}
