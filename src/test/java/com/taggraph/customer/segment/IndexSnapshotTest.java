package com.taggraph.customer.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * The snapshot's own guarantees, without a database: pages follow id order also for
 * customers that joined after the build, and a change never alters a snapshot a reader
 * may still hold.
 */
class IndexSnapshotTest {

	private static final Library LIBRARY = new Library(
			List.of(new Library.ClassNode("K", null, true, false, null, List.of("A")),
					new Library.ClassNode("K.1", "K", false, false, null, List.of("B", "C"))),
			Map.of());

	private static IndexSnapshot snapshot() {
		var builder = new IndexSnapshot.Builder(List.of("c30", "c10", "c50", "c20", "c40"));
		builder.addTag("A", List.of("c10", "c30", "c50"));
		builder.addTag("B", List.of("c20", "c30"));
		// a customer created while the build was reading: known only from a tag's
		// carriers
		builder.addTag("C", List.of("c35", "c10"));
		return builder.build(LIBRARY, Instant.parse("2024-11-18T00:00:00Z"), 1);
	}

	@Test
	void pagesFollowIdOrderAlsoForCustomersNumberedAfterTheBuild() {
		IndexSnapshot snapshot = snapshot().with("c05", Set.of("A", "C"), Set.of()).with("c45", Set.of("C"), Set.of());
		RoaringBitmap all = snapshot.all();

		assertThat(snapshot.customers()).isEqualTo(8);
		assertThat(snapshot.idsAfter(all, null, 100)).containsExactly("c05", "c10", "c20", "c30", "c35", "c40", "c45",
				"c50");
		assertThat(snapshot.idsAfter(all, "c30", 3)).containsExactly("c35", "c40", "c45");
		assertThat(snapshot.idsAfter(all, "c32", 2)).containsExactly("c35", "c40");
		assertThat(snapshot.idsAfter(snapshot.union(List.of("C")), null, 10)).containsExactly("c05", "c10", "c35",
				"c45");
		assertThat(snapshot.idsAfter(snapshot.union(List.of("A")), "c05", 10)).containsExactly("c10", "c30", "c50");
		assertThat(snapshot.idsAfter(all, "c50", 10)).isEmpty();
	}

	@Test
	void aChangeMakesANewSnapshotAndLeavesTheOldOneAsItWas() {
		IndexSnapshot before = snapshot();

		IndexSnapshot after = before.with("c20", Set.of("A"), Set.of("B"));

		assertThat(before.tagCount("A")).isEqualTo(3);
		assertThat(before.tagCount("B")).isEqualTo(2);
		assertThat(after.tagCount("A")).isEqualTo(4);
		assertThat(after.tagCount("B")).isEqualTo(1);
		assertThat(after.idsAfter(after.union(List.of("A")), null, 10)).containsExactly("c10", "c20", "c30", "c50");
		// removing a tag a customer does not carry, or that the index never saw, changes
		// nothing
		assertThat(after.with("c20", Set.of(), Set.of("B", "NEVER")).tagCount("B")).isEqualTo(1);
		assertThat(after.with("unknown", Set.of(), Set.of("A")).customers()).isEqualTo(after.customers());
	}

	@Test
	void classCountsAreDistinctCustomersInTheClassAndBelow() {
		IndexSnapshot snapshot = snapshot();

		// A: c10 c30 c50; B: c20 c30; C: c10 c35
		assertThat(snapshot.classCount("K")).isEqualTo(5);
		assertThat(snapshot.classCount("K.1")).isEqualTo(4);
		assertThat(snapshot.classCount("UNKNOWN")).isZero();
		assertThat(LIBRARY.branches("K")).extracting(Library.Branch::code).containsExactly("K.1", "A");
	}

}
