package com.taggraph.compute;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs every approved rule on {@code taggraph.compute.schedule}, a cron expression (off,
 * {@code -}, by default). A bad expression stops the start with the property named, as
 * any bad setting does; a run still going when the next is due waits in the queue.
 */
@Component
class ComputeSchedule implements DisposableBean {

	private static final Log log = LogFactory.getLog(ComputeSchedule.class);

	private final ThreadPoolTaskScheduler scheduler;

	ComputeSchedule(ComputeProperties properties, ComputeService compute) {
		String cron = properties.schedule().trim();
		if (cron.equals("-") || cron.isEmpty()) {
			scheduler = null;
			return;
		}
		if (!CronExpression.isValidExpression(cron)) {
			throw new IllegalArgumentException(
					"taggraph.compute.schedule must be a six-field cron expression (or - for off), not '%s'"
						.formatted(cron));
		}
		scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("compute-schedule-");
		scheduler.initialize();
		// outside a request the run is started by the system actor
		scheduler.schedule(() -> {
			ComputeRun run = compute.start(List.of(), List.of(), false);
			log.info("Scheduled compute run %s started (%s)".formatted(run.id(), cron));
		}, new CronTrigger(cron));
		log.info("Approved rules run on the schedule '%s'".formatted(cron));
	}

	@Override
	public void destroy() {
		if (scheduler != null) {
			scheduler.shutdown();
		}
	}

}
