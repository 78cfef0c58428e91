package com.taggraph.importing;

import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per phase on the terminal (standard error): rows (or rules, assignments)
 * done, how many per second and an ETA.
 */
public final class ProgressBars implements ImportProgress {

	private ProgressBar bar;

	@Override
	public boolean wantsTotals() {
		return true;
	}

	@Override
	public void start(String task, long total) {
		start(task, total, " rows");
	}

	@Override
	public void start(String task, long total, String unit) {
		finish();
		bar = new ProgressBarBuilder().setTaskName(task)
			.setInitialMax(total)
			.setStyle(ProgressBarStyle.ASCII)
			.setUnit(unit, 1)
			.showSpeed(new DecimalFormat("#,##0"))
			.setSpeedUnit(ChronoUnit.SECONDS)
			.setUpdateIntervalMillis(500)
			.setMaxRenderedLength(120)
			.build();
	}

	@Override
	public void step(long rows) {
		if (bar != null) {
			bar.stepBy(rows);
		}
	}

	@Override
	public void finish() {
		if (bar != null) {
			bar.close();
			bar = null;
		}
	}

}
