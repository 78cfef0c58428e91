package com.taggraph.importing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and tuning of the imports ({@code taggraph.import.*}).
 *
 * @param maxBytes largest class-scheme and SKOS import body (and customers and lineage,
 * unless set)
 * @param customersMaxBytes largest customers import body; {@code maxBytes} when not set
 * @param assignmentsMaxBytes largest assignments import body (streamed to disk)
 * @param lineageMaxBytes largest lineage import body; {@code maxBytes} when not set
 * @param batchRows rows per write transaction of a bulk import
 * @param writers threads writing an import's batches at once (1: strictly in file order)
 * @param maxErrors errors listed in a refusal of a bulk or lineage import (all are
 * counted)
 * @param workDir where validated import files are kept for resume;
 * {@code <data-dir>/imports} when not set
 * @param interrupted what the start does with an import a crash interrupted: auto, report
 * or rollback
 */
@ConfigurationProperties("taggraph.import")
public record ImportProperties(@DefaultValue("20MB") DataSize maxBytes, DataSize customersMaxBytes,
		@DefaultValue("2GB") DataSize assignmentsMaxBytes, DataSize lineageMaxBytes,
		@DefaultValue("10000") int batchRows, @DefaultValue("2") int writers, @DefaultValue("1000") int maxErrors,
		Path workDir, @DefaultValue("auto") String interrupted) {

	@Override
	public DataSize customersMaxBytes() {
		return customersMaxBytes != null ? customersMaxBytes : maxBytes;
	}

	@Override
	public DataSize lineageMaxBytes() {
		return lineageMaxBytes != null ? lineageMaxBytes : maxBytes;
	}

	/** The configured work directory, or {@code imports} in the data directory. */
	public Path workDir(Path dataDir) {
		return workDir != null ? workDir : dataDir.resolve("imports");
	}
}
