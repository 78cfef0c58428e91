package com.taggraph.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use TagGraph ({@code taggraph.security.*}): the configured users with
 * BCrypt-hashed passwords, or a JWT issuer when the utility has a central identity
 * provider; and which tags are too sensitive for viewers.
 *
 * @param mode configured users or JWTs
 * @param users the configured users by name
 * @param generatedAdminFile where the admin generated at first start (when no user is
 * configured) keeps its BCrypt hash; {@code generated-admin} in the data directory when
 * not set
 * @param rolesClaim the JWT claim holding the role names (and CUSTOMER_DATA) in JWT mode
 * @param sensitiveFacetValues facet values whose tags only users above VIEWER see (the
 * demo's security levels 敏感 and 核心)
 */
@ConfigurationProperties("taggraph.security")
public record SecurityProperties(@DefaultValue("users") Mode mode, Map<String, User> users, Path generatedAdminFile,
		@DefaultValue("roles") String rolesClaim, @DefaultValue( {
				"F8.L3", "F8.L4" }) List<String> sensitiveFacetValues){

	public enum Mode {

		/**
		 * users from {@link SecurityProperties#users()}, by HTTP Basic or the login form
		 */
		USERS,
		/**
		 * OAuth2 resource server: bearer JWTs from the issuer set in
		 * {@code spring.security.oauth2.resourceserver.jwt.*}
		 */
		JWT

	}

	/**
	 * One configured user.
	 *
	 * @param password a BCrypt hash ({@code {bcrypt}$2a$…}), never the password itself
	 * @param roles the user's roles
	 * @param customerData whether a VIEWER may see customer identities, assignments and
	 * provenance (every STEWARD and above may)
	 */
	public record User(String password, @DefaultValue("VIEWER") List<Role> roles, boolean customerData) {
	}

	public SecurityProperties {
		users = users != null ? users : Map.of();
	}

	/** The configured file, or {@code generated-admin} in the data directory. */
	public Path generatedAdminFile(Path dataDir) {
		return generatedAdminFile != null ? generatedAdminFile : dataDir.resolve("generated-admin");
	}
}
