package com.taggraph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.taggraph.importing.ImportCrash;

/**
 * The whole app on a random HTTP port, over a fresh embedded Neo4j (own store, random
 * Bolt port) holding the demo library. Every class using it shares one Spring context, so
 * tests that write use their own codes and leave the demo library as they found it. The
 * users are those of {@code application-testusers.properties}, whom {@link ApiClient}
 * signs in as; the JDBC connections a source system may be bound to are those of
 * {@code application-testconnections.properties} (named here, so every class still shares
 * the one context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "taggraph.neo4j.embedded.data-dir=target/test-neo4j/${random.uuid}",
				"taggraph.neo4j.embedded.bolt-port=0", "taggraph.neo4j.embedded.http-port=0",
				"taggraph.neo4j.embedded.http-enabled=false", "taggraph.import.max-bytes=2MB",
				"taggraph.demo.background=false" })
@Import({ StatementCounter.class, ImportCrash.class })
@ActiveProfiles({ "testusers", "testconnections" })
public @interface TagGraphTest {

}
