package com.taggraph.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Timings of one benchmark item: median and nearest-rank p95 in milliseconds. */
record Samples(String name, int n, double median, double p95, double min, double max) {

	static Samples time(String name, int warmup, int iterations, Supplier<?> call) {
		for (int i = 0; i < warmup; i++) {
			call.get();
		}
		double[] ms = new double[iterations];
		for (int i = 0; i < iterations; i++) {
			long started = System.nanoTime();
			call.get();
			ms[i] = (System.nanoTime() - started) / 1e6;
		}
		return of(name, ms);
	}

	/**
	 * Times several calls side by side: each iteration runs every call once, starting with a different
	 * one each time, so all of them see the same JIT, cache and GC state over the same minutes.
	 */
	static List<Samples> interleaved(int iterations, List<String> names, List<Supplier<?>> calls) {
		double[][] ms = new double[calls.size()][iterations];
		for (int i = 0; i < iterations; i++) {
			for (int k = 0; k < calls.size(); k++) {
				int c = (i + k) % calls.size();
				long started = System.nanoTime();
				calls.get(c).get();
				ms[c][i] = (System.nanoTime() - started) / 1e6;
			}
		}
		List<Samples> result = new ArrayList<>();
		for (int c = 0; c < calls.size(); c++) {
			result.add(of(names.get(c), ms[c]));
		}
		return result;
	}

	static Samples of(String name, double[] ms) {
		double[] sorted = ms.clone();
		Arrays.sort(sorted);
		int mid = sorted.length / 2;
		double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
		Samples s = new Samples(name, sorted.length, median, sorted[(int) Math.ceil(0.95 * sorted.length) - 1], sorted[0],
				sorted[sorted.length - 1]);
		System.out.printf(Locale.ROOT, "  %s: median %.2f ms, p95 %.2f ms (n=%d)%n", name, s.median, s.p95, s.n);
		return s;
	}

	String row() {
		return "| %s | %d | %s | %s | %s | %s |".formatted(name, n, fmt(median), fmt(p95), fmt(min), fmt(max));
	}

	static String header() {
		return "| What | n | median ms | p95 ms | min ms | max ms |\n|---|--:|--:|--:|--:|--:|";
	}

	static String fmt(double ms) {
		return ms >= 100 ? "%,.0f".formatted(ms) : ms >= 10 ? "%.1f".formatted(ms) : "%.3f".formatted(ms);
	}
}
