package com.taggraph.security;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use TagGraph ({@code taggraph.security.*}): the configured users with BCrypt-hashed passwords, or a JWT
 * issuer when the utility has a central identity provider; and which tags are too sensitive for viewers.
 */
@ConfigurationProperties("taggraph.security")
public class SecurityProperties {

	public enum Mode {
		/** users from {@link #getUsers()}, by HTTP Basic or the login form */
		USERS,
		/** OAuth2 resource server: bearer JWTs from the issuer set in {@code spring.security.oauth2.resourceserver.jwt.*} */
		JWT
	}

	/** One configured user: {@code password} is a BCrypt hash ({@code {bcrypt}$2a$…}), never the password itself. */
	public static class User {

		private String password;

		private List<Role> roles = List.of(Role.VIEWER);

		/** whether a VIEWER may see customer identities, assignments and provenance (every STEWARD and above may) */
		private boolean customerData;

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public List<Role> getRoles() {
			return roles;
		}

		public void setRoles(List<Role> roles) {
			this.roles = roles;
		}

		public boolean isCustomerData() {
			return customerData;
		}

		public void setCustomerData(boolean customerData) {
			this.customerData = customerData;
		}
	}

	private Mode mode = Mode.USERS;

	private Map<String, User> users = new LinkedHashMap<>();

	/** where the admin generated at first start (when no user is configured) keeps its BCrypt hash */
	private Path generatedAdminFile = Path.of("data", "generated-admin");

	/** the JWT claim holding the role names (and CUSTOMER_DATA) in JWT mode */
	private String rolesClaim = "roles";

	/** facet values whose tags only users above VIEWER see (the demo's security levels 敏感 and 核心) */
	private List<String> sensitiveFacetValues = List.of("F8.L3", "F8.L4");

	public Mode getMode() {
		return mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public Map<String, User> getUsers() {
		return users;
	}

	public void setUsers(Map<String, User> users) {
		this.users = users;
	}

	public Path getGeneratedAdminFile() {
		return generatedAdminFile;
	}

	public void setGeneratedAdminFile(Path generatedAdminFile) {
		this.generatedAdminFile = generatedAdminFile;
	}

	public String getRolesClaim() {
		return rolesClaim;
	}

	public void setRolesClaim(String rolesClaim) {
		this.rolesClaim = rolesClaim;
	}

	public List<String> getSensitiveFacetValues() {
		return sensitiveFacetValues;
	}

	public void setSensitiveFacetValues(List<String> sensitiveFacetValues) {
		this.sensitiveFacetValues = sensitiveFacetValues;
	}
}
