package com.taggraph.customer.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * One immutable state of the segment index: customers numbered densely, one bitmap of
 * customer numbers per tag. Readers hold a snapshot for a whole request; a change makes a
 * new snapshot that shares every bitmap it does not touch, so no reader ever sees a
 * half-applied change.
 *
 * <p>
 * A full build numbers customers in id order, so a bitmap iterated in number order lists
 * customers in id order and a keyset page is a seek plus a short scan. Customers that
 * first appear in a later incremental change get the next free numbers; they are kept in
 * a small side list in id order and merged into pages, until the next build renumbers
 * everything.
 */
final class IndexSnapshot {

	static final IndexSnapshot EMPTY = new Builder(List.of()).build(Library.EMPTY, Instant.EPOCH, 0);

	/** Customer id of each number. */
	private final String[] ids;

	/** Numbers below this are in id order: the ones the last full build gave. */
	private final int sortedCount;

	/** Numbers given after the build, in id order. */
	private final int[] appendedInIdOrder;

	private final Map<String, Integer> appendedNumbers;

	private final Map<String, RoaringBitmap> byTag;

	private final RoaringBitmap all;

	private final Library library;

	private final Instant builtAt;

	private final long buildMillis;

	private final int updatesSinceBuild;

	private final Map<String, Integer> classCounts = new ConcurrentHashMap<>();

	private IndexSnapshot(String[] ids, int sortedCount, int[] appendedInIdOrder, Map<String, Integer> appendedNumbers,
			Map<String, RoaringBitmap> byTag, RoaringBitmap all, Library library, Instant builtAt, long buildMillis,
			int updatesSinceBuild) {
		this.ids = ids;
		this.sortedCount = sortedCount;
		this.appendedInIdOrder = appendedInIdOrder;
		this.appendedNumbers = appendedNumbers;
		this.byTag = byTag;
		this.all = all;
		this.library = library;
		this.builtAt = builtAt;
		this.buildMillis = buildMillis;
		this.updatesSinceBuild = updatesSinceBuild;
	}

	// ---- reading
	// ------------------------------------------------------------------------------

	int customers() {
		return ids.length;
	}

	/** Every customer; never modify it. */
	RoaringBitmap all() {
		return all;
	}

	Library library() {
		return library;
	}

	int tagCount(String tagCode) {
		RoaringBitmap bitmap = byTag.get(tagCode);
		return bitmap == null ? 0 : bitmap.getCardinality();
	}

	/**
	 * Distinct customers with any tag in the class or below, as of the last build's class
	 * tree.
	 */
	int classCount(String classCode) {
		return classCounts.computeIfAbsent(classCode, code -> union(library.tagsAtOrBelow(code)).getCardinality());
	}

	/** Customers carrying any of the tags, as a new bitmap the caller may modify. */
	RoaringBitmap union(Collection<String> tagCodes) {
		List<RoaringBitmap> bitmaps = new ArrayList<>(tagCodes.size());
		for (String code : tagCodes) {
			RoaringBitmap bitmap = byTag.get(code);
			if (bitmap != null) {
				bitmaps.add(bitmap);
			}
		}
		return switch (bitmaps.size()) {
			case 0 -> new RoaringBitmap();
			case 1 -> bitmaps.get(0).clone();
			default -> FastAggregation.or(bitmaps.iterator());
		};
	}

	/**
	 * Up to {@code limit} ids of the members whose id sorts after {@code afterId} (all
	 * when null), in id order.
	 */
	List<String> idsAfter(RoaringBitmap members, String afterId, int limit) {
		List<String> page = new ArrayList<>(Math.min(limit, 1024));
		PeekableIntIterator sorted = members.getIntIterator();
		sorted.advanceIfNeeded(afterId == null ? 0 : firstSortedAfter(afterId));
		int appended = 0;
		while (page.size() < limit) {
			while (appended < appendedInIdOrder.length && (!members.contains(appendedInIdOrder[appended])
					|| afterId != null && ids[appendedInIdOrder[appended]].compareTo(afterId) <= 0)) {
				appended++;
			}
			boolean haveSorted = sorted.hasNext() && sorted.peekNext() < sortedCount;
			boolean haveAppended = appended < appendedInIdOrder.length;
			if (!haveSorted && !haveAppended) {
				break;
			}
			if (haveSorted
					&& (!haveAppended || ids[sorted.peekNext()].compareTo(ids[appendedInIdOrder[appended]]) < 0)) {
				page.add(ids[sorted.next()]);
			}
			else {
				page.add(ids[appendedInIdOrder[appended++]]);
			}
		}
		return page;
	}

	/** The first number below sortedCount whose id sorts after the given id. */
	private int firstSortedAfter(String id) {
		int found = Arrays.binarySearch(ids, 0, sortedCount, id);
		return found >= 0 ? found + 1 : -found - 1;
	}

	/** The customer's number, or -1 when the index does not know the customer. */
	private int numberOf(String customerId) {
		int found = Arrays.binarySearch(ids, 0, sortedCount, customerId);
		return found >= 0 ? found : appendedNumbers.getOrDefault(customerId, -1);
	}

	SegmentIndexStatus status(String refreshInterval) {
		long bitmapBytes = all.getLongSizeInBytes();
		long assignments = 0;
		int tags = 0;
		for (RoaringBitmap bitmap : byTag.values()) {
			bitmapBytes += bitmap.getLongSizeInBytes();
			int cardinality = bitmap.getCardinality();
			assignments += cardinality;
			tags += cardinality > 0 ? 1 : 0;
		}
		// a reference per number, then each id String: object header and fields, and its
		// Latin-1 byte array
		long idBytes = 16L + 4L * ids.length;
		for (String id : ids) {
			idBytes += 24 + 16 + ((id.length() + 7) / 8) * 8L;
		}
		idBytes += appendedNumbers.size() * 64L;
		return new SegmentIndexStatus(ids.length, tags, assignments, builtAt.toString(), buildMillis,
				bitmapBytes + idBytes, bitmapBytes, updatesSinceBuild, refreshInterval);
	}

	Instant builtAt() {
		return builtAt;
	}

	// ---- changing
	// -----------------------------------------------------------------------------

	/**
	 * The snapshot after one customer's assignments changed: it carries {@code added} and
	 * not {@code removed}. Only the touched bitmaps are copied.
	 */
	IndexSnapshot with(String customerId, Set<String> added, Set<String> removed) {
		int number = numberOf(customerId);
		String[] newIds = ids;
		int[] newAppended = appendedInIdOrder;
		Map<String, Integer> newAppendedNumbers = appendedNumbers;
		RoaringBitmap newAll = all;
		if (number < 0) {
			if (added.isEmpty()) {
				return this;
			}
			number = ids.length;
			newIds = Arrays.copyOf(ids, number + 1);
			newIds[number] = customerId;
			newAppendedNumbers = new HashMap<>(appendedNumbers);
			newAppendedNumbers.put(customerId, number);
			newAppended = insertInIdOrder(newIds, appendedInIdOrder, number);
			newAll = all.clone();
			newAll.add(number);
		}
		Map<String, RoaringBitmap> newByTag = new HashMap<>(byTag);
		for (String code : removed) {
			RoaringBitmap bitmap = newByTag.get(code);
			if (bitmap != null && !added.contains(code) && bitmap.contains(number)) {
				RoaringBitmap copy = bitmap.clone();
				copy.remove(number);
				newByTag.put(code, copy);
			}
		}
		for (String code : added) {
			RoaringBitmap bitmap = newByTag.get(code);
			if (bitmap == null || !bitmap.contains(number)) {
				RoaringBitmap copy = bitmap == null ? new RoaringBitmap() : bitmap.clone();
				copy.add(number);
				newByTag.put(code, copy);
			}
		}
		return new IndexSnapshot(newIds, sortedCount, newAppended, newAppendedNumbers, newByTag, newAll, library,
				builtAt, buildMillis, updatesSinceBuild + 1);
	}

	private static int[] insertInIdOrder(String[] ids, int[] inIdOrder, int number) {
		int at = 0;
		while (at < inIdOrder.length && ids[inIdOrder[at]].compareTo(ids[number]) < 0) {
			at++;
		}
		int[] result = new int[inIdOrder.length + 1];
		System.arraycopy(inIdOrder, 0, result, 0, at);
		result[at] = number;
		System.arraycopy(inIdOrder, at, result, at + 1, inIdOrder.length - at);
		return result;
	}

	// ---- building
	// -----------------------------------------------------------------------------

	/** Collects a full build: all customer ids first, then each tag's carriers. */
	static final class Builder {

		private final String[] sortedIds;

		private final Map<String, Integer> numbers;

		private final List<String> latecomers = new ArrayList<>();

		private final Map<String, RoaringBitmap> byTag = new HashMap<>();

		Builder(Collection<String> customerIds) {
			sortedIds = customerIds.stream().distinct().sorted().toArray(String[]::new);
			numbers = new HashMap<>(sortedIds.length * 4 / 3 + 16);
			for (int i = 0; i < sortedIds.length; i++) {
				numbers.put(sortedIds[i], i);
			}
		}

		void addTag(String tagCode, List<String> carriers) {
			int[] carried = new int[carriers.size()];
			for (int i = 0; i < carried.length; i++) {
				carried[i] = numberOf(carriers.get(i));
			}
			RoaringBitmap bitmap = RoaringBitmap.bitmapOfUnordered(carried);
			bitmap.runOptimize();
			byTag.put(tagCode, bitmap);
		}

		/**
		 * A customer created while the build read the tags is numbered after the sorted
		 * ones.
		 */
		private int numberOf(String id) {
			Integer number = numbers.get(id);
			if (number == null) {
				number = sortedIds.length + latecomers.size();
				latecomers.add(id);
				numbers.put(id, number);
			}
			return number;
		}

		IndexSnapshot build(Library library, Instant builtAt, long buildMillis) {
			String[] ids = Arrays.copyOf(sortedIds, sortedIds.length + latecomers.size());
			Map<String, Integer> appendedNumbers = new HashMap<>();
			int[] appended = new int[latecomers.size()];
			for (int i = 0; i < latecomers.size(); i++) {
				ids[sortedIds.length + i] = latecomers.get(i);
				appendedNumbers.put(latecomers.get(i), sortedIds.length + i);
				appended[i] = sortedIds.length + i;
			}
			int[] appendedInIdOrder = Arrays.stream(appended)
				.boxed()
				.sorted((a, b) -> ids[a].compareTo(ids[b]))
				.mapToInt(Integer::intValue)
				.toArray();
			RoaringBitmap all = RoaringBitmap.bitmapOfRange(0, ids.length);
			return new IndexSnapshot(ids, sortedIds.length, appendedInIdOrder, Map.copyOf(appendedNumbers),
					Map.copyOf(byTag), all, library, builtAt, buildMillis, 0);
		}

	}

}
