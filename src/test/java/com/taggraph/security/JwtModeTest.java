package com.taggraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.taggraph.ApiTest;

/**
 * The switch for utilities with a central identity provider:
 * {@code taggraph.security.mode=jwt} makes the app an OAuth2 resource server. Tokens
 * signed by the provider's key carry the user and the TagGraph roles; anything else (no
 * token, a wrong key, an expired token, Basic credentials) is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "taggraph.neo4j.embedded.data-dir=target/test-neo4j/${random.uuid}",
				"taggraph.neo4j.embedded.bolt-port=0", "taggraph.neo4j.embedded.http-enabled=false",
				"taggraph.demo.customers=0", "taggraph.security.mode=jwt" })
class JwtModeTest extends ApiTest {

	private static final RSAKey PROVIDER = key();

	private static final RSAKey STRANGER = key();

	private static final String CREATE = "mutation { createTagClass(input: {code: \"JWT-1\", name: \"令牌\"}) { code } }";

	@DynamicPropertySource
	static void providerKey(DynamicPropertyRegistry registry) throws Exception {
		Path pem = Files.createTempFile("taggraph-jwt", ".pem");
		Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PROVIDER.toRSAPublicKey().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n");
		pem.toFile().deleteOnExit();
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
	}

	@Test
	void rolesComeFromTheTokenAndOnlyTheProvidersTokensAreAccepted() throws Exception {
		String viewer = token(PROVIDER, "zhang.san", List.of("VIEWER"), 300);
		assertThat(send("{ rootClasses { code } }", viewer).body()).contains("\"C01\"");
		assertThat(send(CREATE, viewer).body()).contains("FORBIDDEN").contains("needs role STEWARD");

		String steward = token(PROVIDER, "li.si", List.of("STEWARD"), 300);
		assertThat(send(CREATE, steward).body()).contains("\"createTagClass\":{\"code\":\"JWT-1\"}");
		assertThat(send("{ history(code: \"JWT-1\") { by } }", steward).body()).as("the token's user is recorded")
			.contains("\"by\":\"li.si\"");
		assertThat(send("mutation { deleteTagClass(code: \"JWT-1\") }", steward).statusCode()).isEqualTo(200);

		assertThat(send("{ rootClasses { code } }", null).statusCode()).isEqualTo(401);
		assertThat(send("{ rootClasses { code } }", token(STRANGER, "mallory", List.of("ADMIN"), 300)).statusCode())
			.as("signed by another key")
			.isEqualTo(401);
		assertThat(send("{ rootClasses { code } }", token(PROVIDER, "zhang.san", List.of("VIEWER"), -600)).statusCode())
			.as("expired")
			.isEqualTo(401);
		var basic = client.exchange("{ rootClasses { code } }");
		assertThat(basic.status()).as("no configured users in JWT mode").isEqualTo(401);
		assertThat(send("{ rootClasses { code } }", token(PROVIDER, "nobody", List.of(), 300)).body())
			.as("a token without a TagGraph role reads nothing")
			.contains("FORBIDDEN");
	}

	private HttpResponse<String> send(String query, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder()
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query.replace("\"", "\\\"") + "\"}"))
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client.anonymous().raw(request, "/graphql");
	}

	private static String token(RSAKey key, String user, List<String> roles, long validSeconds) throws JOSEException {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("sub-" + user)
			.claim("preferred_username", user)
			.claim("roles", roles)
			.issueTime(Date.from(now.minusSeconds(120)))
			.expirationTime(Date.from(now.plusSeconds(validSeconds)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static RSAKey key() {
		try {
			return new RSAKeyGenerator(2048).keyID("k" + System.nanoTime()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
