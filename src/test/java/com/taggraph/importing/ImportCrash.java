package com.taggraph.importing;

import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

import com.taggraph.customer.BulkAssignments;

/**
 * Stops an import's write after a number of batches, as a crash would: the next batch's
 * write throws inside its transaction, so exactly the batches before it have committed.
 * Wraps the real {@link BulkAssignments}; disarmed unless a test arms it, so every test
 * class shares one context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ImportCrash implements BeanPostProcessor {

	/** Batches that may still commit; negative: disarmed. */
	private static final AtomicInteger remaining = new AtomicInteger(-1);

	/** The write stops after {@code batches} more batches. */
	public static void afterBatches(int batches) {
		remaining.set(batches);
	}

	public static void disarm() {
		remaining.set(-1);
	}

	public static boolean armed() {
		return remaining.get() >= 0;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof BulkAssignments)) {
			return bean;
		}
		ProxyFactory proxy = new ProxyFactory(bean);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice((MethodInterceptor) invocation -> {
			String method = invocation.getMethod().getName();
			if ((method.equals("upsertCustomers") || method.equals("createAssignments"))
					&& remaining.getAndUpdate(left -> left > 0 ? left - 1 : left) == 0) {
				throw new IllegalStateException("import crashed (simulated by the test)");
			}
			return invocation.proceed();
		});
		return proxy.getProxy(bean.getClass().getClassLoader());
	}

}
