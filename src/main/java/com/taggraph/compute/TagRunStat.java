package com.taggraph.compute;

import java.util.List;

/**
 * What a run did for one tag.
 *
 * @param rowsRead rows of the source tables and tag results the rule scans
 * @param customersMatched customers the rule returned
 * @param carriers customers carrying the tag from its rule after the run
 * @param skippedUnknown customers the rule returned that are not in the graph
 * @param sample some of the matched customer ids (dry runs and previews)
 */
public record TagRunStat(String tag, String rule, long ruleVersion, long rowsRead, long customersMatched, long added,
		long removed, long changed, long unchanged, long carriers, long skippedUnknown, long millis,
		List<String> sample) {
}
