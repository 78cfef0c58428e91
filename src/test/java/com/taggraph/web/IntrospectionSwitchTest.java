package com.taggraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.graphql.execution.GraphQlSource;

import graphql.ExecutionResult;
import graphql.introspection.Introspection;
import graphql.introspection.IntrospectionQuery;

/**
 * {@code spring.graphql.schema.introspection.enabled=false} (README, "GraphQL limits")
 * refuses introspection. Only Boot's GraphQL auto-configuration over the served SDL (and
 * its JSON scalar) is started: the switch lives there, and no database is needed to ask
 * the schema about itself. Boot turns introspection off for the whole JVM (graphql-java's
 * {@code Introspection.enabledJvmWide}), so the test turns it back on for the test
 * classes that share this JVM.
 */
class IntrospectionSwitchTest {

	private final ApplicationContextRunner graphQl = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GraphQlAutoConfiguration.class))
		// the SDL's JSON scalar needs its coercing
		.withUserConfiguration(JsonScalar.class)
		.withPropertyValues("spring.graphql.schema.locations=classpath:graphql/");

	@AfterEach
	void introspectionBackOn() {
		Introspection.enabledJvmWide(true);
	}

	@Test
	void introspectionSwitchedOffIsRefusedWhileOrdinaryQueriesStillValidate() {
		graphQl.withPropertyValues("spring.graphql.schema.introspection.enabled=false").run(context -> {
			var engine = context.getBean(GraphQlSource.class).graphQl();
			ExecutionResult full = engine.execute(IntrospectionQuery.INTROSPECTION_QUERY);
			assertThat(full.getErrors()).isNotEmpty();
			assertThat(full.getErrors().get(0).getMessage()).containsIgnoringCase("introspection");
			assertThat(full.getErrors().get(0).getErrorType().toString()).isEqualTo("IntrospectionDisabled");
			assertThat(full.<Object>getData()).isNull();
			ExecutionResult type = engine.execute("{ __type(name: \"Tag\") { fields { name } } }");
			assertThat(type.getErrors()).isNotEmpty();
			// __typename is not introspection of the schema and stays available
			assertThat(engine.execute("{ __typename }").getErrors()).isEmpty();
		});
	}

	@Test
	void introspectionIsOnByDefault() {
		graphQl.run(context -> {
			ExecutionResult full = context.getBean(GraphQlSource.class)
				.graphQl()
				.execute(IntrospectionQuery.INTROSPECTION_QUERY);
			assertThat(full.getErrors()).isEmpty();
			assertThat(full.<java.util.Map<String, Object>>getData()).containsKey("__schema");
		});
	}

}
