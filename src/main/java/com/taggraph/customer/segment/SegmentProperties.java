package com.taggraph.customer.segment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the segment index.
 *
 * @param refreshInterval how long after its last build the index is rebuilt from Neo4j,
 * which catches writes made outside the app (Neo4j Browser, another instance); 0 turns it
 * off
 */
@ConfigurationProperties("taggraph.segments")
public record SegmentProperties(@DefaultValue("PT5M") Duration refreshInterval) {
}
