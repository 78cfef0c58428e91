package com.taggraph.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP with GET as well as POST, and the bundled (offline) GraphiQL and
 * lineage pages. Absent when the app runs a command without a web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebConfiguration implements WebMvcConfigurer {

	/** Replaces Boot's POST-only handler; POST behaves exactly as before. */
	@Bean
	GraphQlGetHandler graphQlHttpHandler(WebGraphQlHandler graphQl, JsonMapper json) {
		return new GraphQlGetHandler(graphQl, json);
	}

	/** Ahead of Boot's route, which answers every GET on the endpoint with 405. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGetRoute(GraphQlGetHandler handler, GraphQlProperties graphQl) {
		return RouterFunctions.route().GET(graphQl.getHttp().getPath(), handler::handleGet).build();
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
		registry.addViewController("/lineage").setViewName("forward:/lineage/index.html");
		registry.addRedirectViewController("/", "/graphiql");
	}

}
