package com.taggraph.graph;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The demo data loaded into an empty database ({@code taggraph.demo.*}).
 *
 * @param enabled load the demo library (and its customers and free tags) into an empty
 * database
 * @param customers demo customers generated into a database without customers; 0 for none
 * @param library the demo tag library, its free-tag samples included
 * @param background on the first start of the web application, prepare the demo customers
 * and compute their tags while the server already answers; {@code false} waits for them
 * before taking requests (commands always wait)
 */
@ConfigurationProperties("taggraph.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10000") long customers,
		@DefaultValue("classpath:demo/tag-library.json") Resource library, @DefaultValue("true") boolean background) {
}
