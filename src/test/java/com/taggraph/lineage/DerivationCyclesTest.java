package com.taggraph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The cycle check of a lineage import, in memory: graph and file together, each closing
 * row named once.
 */
class DerivationCyclesTest {

	@Test
	void aDiamondIsNoCycle() {
		// D ← B ← A, D ← C ← A: two paths, no cycle
		var cycles = DerivationCycles.closedBy(List.of(graph("B", "A"), graph("C", "A")),
				List.of(row(2, "D", "B"), row(3, "D", "C")), 10);

		assertThat(cycles).isEmpty();
	}

	@Test
	void eachRowThatClosesACycleIsNamedAndTheRestOfTheFileIsReplayedWithoutIt() {
		// graph: B ← A. File: A ← C (line 2), C ← B (line 3) closes A ← C ← B ← A, D ← E,
		// E ← D (line 5)
		var cycles = DerivationCycles.closedBy(List.of(graph("B", "A")),
				List.of(row(2, "A", "C"), row(3, "C", "B"), row(4, "D", "E"), row(5, "E", "D")), 10);

		assertThat(cycles).hasSize(2);
		assertThat(cycles.get(0).edge().line()).isEqualTo(3);
		assertThat(cycles.get(0).path()).containsExactly("C", "B", "A", "C");
		assertThat(cycles.get(0).lines()).containsExactly(3L, 0L, 2L);
		assertThat(cycles.get(1).path()).containsExactly("E", "D", "E");
		assertThat(cycles.get(1).lines()).containsExactly(5L, 4L);
	}

	@Test
	void aChainOfAHundredThousandTagsIsCheckedWithoutOverflowingTheStack() {
		List<DeclaredDerivation> chain = new ArrayList<>();
		for (int i = 1; i < 100_000; i++) {
			chain.add(graph("T" + i, "T" + (i - 1)));
		}

		assertThat(DerivationCycles.closedBy(chain, List.of(row(2, "X", "T99999")), 10)).isEmpty();
		var closed = DerivationCycles.closedBy(chain, List.of(row(2, "T0", "T99999")), 10);
		assertThat(closed).hasSize(1);
		assertThat(closed.get(0).path()).hasSize(100_001);
	}

	@Test
	void theSearchStopsAtTheLimit() {
		var cycles = DerivationCycles.closedBy(List.of(),
				List.of(row(2, "A", "B"), row(3, "B", "A"), row(4, "C", "D"), row(5, "D", "C")), 1);

		assertThat(cycles).hasSize(1);
	}

	private static DeclaredDerivation graph(String tag, String from) {
		return new DeclaredDerivation(tag, false, from, null);
	}

	private static DerivationCycles.Edge row(long line, String tag, String from) {
		return new DerivationCycles.Edge(line, tag, from);
	}

}
