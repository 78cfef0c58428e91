package com.taggraph.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.taggraph.error.ProblemResponses;
import com.taggraph.graph.EmbeddedNeo4jProperties;

/**
 * Who may call what over HTTP. Every request must be authenticated except the login page;
 * the import endpoints need a STEWARD, the other {@code /api} endpoints a VIEWER, and
 * each GraphQL field is authorised by the rule its SDL declares
 * ({@link FieldAuthorization}). Users come from configuration
 * ({@code taggraph.security.mode=users}, HTTP Basic for clients, a login form for the
 * pages) or from a JWT issuer ({@code mode=jwt}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
// the command line (load, compute…) starts no web server, so it has no HTTP to secure
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/**
	 * CSRF protects the cookie sessions of the pages. Requests without a session, or
	 * carrying their own credentials, need none (an anonymous one is then answered 401,
	 * not 403); nor do JSON bodies: a foreign page cannot send {@code application/json}
	 * without a CORS preflight, which this app never grants.
	 */
	private static final RequestMatcher CSRF_EXEMPT = request -> request.getRequestedSessionId() == null
			|| request.getHeader("Authorization") != null || (request.getContentType() != null
					&& request.getContentType().toLowerCase().startsWith("application/json"));

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http, SecurityProperties properties,
			ObjectProvider<AuthenticationManager> users) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/error", "/favicon.ico")
			.permitAll()
			// imports, computation runs and their records are a steward's work; their
			// answers name any tag, sensitive ones included
			.requestMatchers("/api/import/**", "/api/imports/**", "/api/compute", "/api/compute/**")
			.hasRole(Role.STEWARD.name())
			.requestMatchers("/api/**")
			.hasRole(Role.VIEWER.name())
			.anyRequest()
			.authenticated()).addFilterAfter(new AuthenticatedActor(), AuthorizationFilter.class);
		// REST refusals are problem details, as every REST error is; pages keep the login
		// redirect
		boolean jwtMode = properties.mode() == SecurityProperties.Mode.JWT;
		http.exceptionHandling(errors -> errors
			.defaultAuthenticationEntryPointFor(
					ProblemResponses.unauthorized(jwtMode ? "Bearer" : "Basic realm=\"Realm\""),
					PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
			.defaultAccessDeniedHandlerFor(ProblemResponses.forbidden(),
					PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
		if (jwtMode) {
			http.oauth2ResourceServer(
					server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtRoles(properties.rolesClaim()))))
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable());
		}
		else {
			http.authenticationManager(users.getObject())
				.httpBasic(Customizer.withDefaults())
				.formLogin(Customizer.withDefaults())
				.logout(Customizer.withDefaults())
				.csrf(csrf -> csrf.ignoringRequestMatchers(CSRF_EXEMPT));
		}
		return http.build();
	}

	/**
	 * REST handlers declaring a {@link Visibility} parameter read through the same policy
	 * as GraphQL.
	 */
	@Bean
	WebMvcConfigurer visibilityArgument(VisibilityPolicy policy) {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(policy);
			}
		};
	}

	/**
	 * The configured users, or the admin generated at first start when none is
	 * configured.
	 */
	@Bean
	@ConditionalOnProperty(name = "taggraph.security.mode", havingValue = "users", matchIfMissing = true)
	AuthenticationManager authenticationManager(SecurityProperties properties, EmbeddedNeo4jProperties neo4j) {
		UserDetailsService users;
		if (properties.users().isEmpty()) {
			List<UserDetails> generated = new ArrayList<>();
			generated.add(GeneratedAdmin.load(properties.generatedAdminFile(neo4j.dataDir())));
			users = new InMemoryUserDetailsManager(generated);
		}
		else {
			users = ConfiguredUsers.of(properties.users());
		}
		return new ProviderManager(new VerifiedCredentials(users));
	}

}
