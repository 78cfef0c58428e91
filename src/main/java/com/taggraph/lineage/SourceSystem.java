package com.taggraph.lineage;

/**
 * A system tags draw data from: internal (营销, 用电信息采集, 95598, GIS) or external (POI,
 * registry, internet).
 */
public record SourceSystem(String code, String name, String kind, String description) {
}
