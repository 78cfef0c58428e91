package com.taggraph;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the Cypher statements the app sends over Bolt, by wrapping the real driver:
 * every {@code run} on a session or transaction is one statement sent to the server.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter implements BeanPostProcessor {

	private static final AtomicInteger statements = new AtomicInteger();

	public static void reset() {
		statements.set(0);
	}

	public static int count() {
		return statements.get();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof Driver driver ? wrap(driver, Driver.class) : bean;
	}

	@SuppressWarnings("unchecked")
	private static <T> T wrap(T target, Class<T> type) {
		InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		if (method.getName().equals("run")) {
			statements.incrementAndGet();
		}
		if (args != null) {
			for (int i = 0; i < args.length; i++) {
				if (args[i] instanceof TransactionCallback<?> callback) {
					args[i] = (TransactionCallback<Object>) tx -> callback.execute(wrap(tx, TransactionContext.class));
				}
			}
		}
		Object result;
		try {
			result = method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
		if (result instanceof Session session && !(result instanceof Proxy)) {
			return wrap(session, Session.class);
		}
		if (result instanceof Transaction tx && !(result instanceof Proxy)) {
			return wrap(tx, Transaction.class);
		}
		return result;
	}

}
