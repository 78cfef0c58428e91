package com.taggraph.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The errors of one import, counted in full but listed only up to a limit, so a file with
 * millions of bad rows still gets a readable answer in bounded memory. A message may
 * point at an earlier row of the same customer and tag ({@code {line}}); those lines are
 * looked up in a second pass over the file, only when there are errors, instead of
 * keeping a line number for every row.
 */
public final class ImportProblems {

	/** A customer and tag whose first line in the assignments file a message needs. */
	public record Ref(String customerId, String tagCode) {
	}

	private record Entry(ImportProblem problem, Ref ref) {
	}

	public static final String LINE = "{line}";

	private final int max;

	private final List<Entry> listed = new ArrayList<>();

	private long count;

	public ImportProblems(int max) {
		this.max = max;
	}

	public void add(long line, String code, String field, String message, String file, String kind) {
		add(ImportProblem.at(line, code, field, kind, message).inFile(file), null);
	}

	public void add(ImportProblem problem, Ref ref) {
		count++;
		if (listed.size() < max) {
			listed.add(new Entry(problem, ref));
		}
	}

	public boolean isEmpty() {
		return count == 0;
	}

	public long count() {
		return count;
	}

	public Set<Ref> refs() {
		Set<Ref> refs = new LinkedHashSet<>();
		listed.stream().filter(e -> e.ref() != null).forEach(e -> refs.add(e.ref()));
		return refs;
	}

	/**
	 * The listed errors, by file in the order of {@code kinds} and by line, with earlier
	 * lines filled in and a note of any left out.
	 */
	public List<ImportProblem> list(Map<Ref, Long> firstLines, List<String> kinds) {
		List<ImportProblem> problems = new ArrayList<>();
		for (Entry e : listed) {
			ImportProblem p = e.problem();
			if (e.ref() != null) {
				Long line = firstLines.get(e.ref());
				p = p.withMessage(p.message().replace(LINE, line == null ? "?" : Long.toString(line)));
			}
			problems.add(p);
		}
		problems.sort(Comparator.comparingInt((ImportProblem p) -> p.file() == null ? -1 : kinds.indexOf(p.file()))
			.thenComparingLong(ImportProblem::lineOrZero));
		if (count > listed.size()) {
			problems.add(ImportProblem.general("TOO_MANY_ERRORS",
					"%d more errors not listed (taggraph.import.max-errors is %d)".formatted(count - listed.size(),
							max)));
		}
		return problems;
	}

	public List<ImportProblem> list(List<String> kinds) {
		return list(new HashMap<>(), kinds);
	}

}
