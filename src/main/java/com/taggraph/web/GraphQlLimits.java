package com.taggraph.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits on GraphQL requests ({@code taggraph.graphql.*}; README, "GraphQL limits").
 *
 * @param maxDepth deepest operation accepted (QUERY_TOO_DEEP beyond)
 * @param maxComplexity most fields one operation may select (QUERY_TOO_COMPLEX beyond)
 * @param maxRequestBytes largest {@code /graphql} request body (413 REQUEST_TOO_LARGE
 * beyond)
 */
@ConfigurationProperties("taggraph.graphql")
public record GraphQlLimits(@DefaultValue("15") int maxDepth, @DefaultValue("500") int maxComplexity,
		@DefaultValue("2MB") DataSize maxRequestBytes) {
}
