package com.taggraph.skos;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SKOS export ({@code taggraph.skos.*}).
 *
 * @param baseIri base of the concept, collection and scheme IRIs the export mints
 */
@ConfigurationProperties("taggraph.skos")
public record SkosProperties(@DefaultValue("https://taggraph.example/") String baseIri) {
}
