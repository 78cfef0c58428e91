package com.taggraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;

/**
 * A full Neo4j DBMS in the app's JVM. It serves real Bolt (and optionally HTTP and
 * Browser), so the app and every outside client use the same protocol as against a
 * standalone server. Both require authentication: the app logs in with
 * {@link #credentials()} like any other client.
 */
public final class EmbeddedNeo4jServer implements AutoCloseable {

	private static final Log log = LogFactory.getLog(EmbeddedNeo4jServer.class);

	private final DatabaseManagementService dbms;

	private final Path home;

	private final String host;

	private final int boltPort;

	private final int httpPort;

	private final Neo4jCredentials credentials;

	public EmbeddedNeo4jServer(EmbeddedNeo4jProperties props) {
		// Neo4j rejects relative or non-normalised homes such as /x/./y
		this.home = props.dataDir().toAbsolutePath().normalize();
		this.host = props.listenAddress();
		// A random port is chosen up front so the advertised address (which Browser uses)
		// is right
		this.boltPort = props.boltPort() == 0 ? freePort(host) : props.boltPort();
		int http = props.httpPort() == 0 && props.httpEnabled() ? freePort(host) : props.httpPort();
		long started = System.nanoTime();
		OwnerOnlyFiles.restrict(home);
		PasswordFile passwordFile = new PasswordFile(home);
		boolean configured = props.password() != null && !props.password().isBlank();
		Optional<String> kept = configured ? Optional.empty() : passwordFile.read();
		String generated = configured || kept.isPresent() ? null : PasswordFile.generate();
		if (generated != null) {
			// kept before the DBMS knows it: if the start fails after this, the next one
			// sets the same password
			passwordFile.write(generated);
		}
		else if (configured && passwordFile.delete()) {
			log.info("Removed %s: the configured Neo4j password applies now".formatted(passwordFile.path()));
		}
		this.credentials = new Neo4jCredentials(props.username(),
				configured ? props.password() : kept.orElse(generated));
		DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(host, boltPort))
			.setConfig(BoltConnector.advertised_address, new SocketAddress(advertisedHost(host), boltPort))
			.setConfig(HttpConnector.enabled, props.httpEnabled())
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(props.pageCache()))
			.setConfig(GraphDatabaseSettings.keep_logical_logs, props.txLogRetention())
			// without it every stop waits about 10 s for Netty's quiet period
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
		if (props.httpEnabled()) {
			builder.setConfig(HttpConnector.listen_address, new SocketAddress(host, http))
				.setConfig(HttpConnector.advertised_address, new SocketAddress(advertisedHost(host), http))
				// utility intranets are offline: Browser must not try to phone home or
				// fetch remote guides
				.setConfig(ServerSettings.allow_telemetry, false)
				.setConfig(ServerSettings.browser_remote_content_hostname_whitelist, "localhost");
		}
		this.dbms = builder.build();
		try {
			// the files Neo4j created while starting (store, transaction logs, logs) took
			// the umask
			OwnerOnlyFiles.restrict(home);
			new DbmsUser(system()).ensure(credentials);
		}
		catch (RuntimeException ex) {
			dbms.shutdown();
			throw ex;
		}
		this.httpPort = props.httpEnabled() ? boundPort(ConnectorType.HTTP) : -1;
		if (generated != null) {
			// printed once, as Spring Boot prints a generated password; later starts only
			// say where it is
			log.warn("""

					Generated password of the embedded Neo4j for user '%s': %s
					It is kept in %s (readable only by its owner) and will not be printed again.
					Bolt and Neo4j Browser need it; set taggraph.neo4j.embedded.password to choose your own.
					""".formatted(credentials.username(), generated, passwordFile.path()));
		}
		else if (!configured) {
			log.info("Embedded Neo4j user '%s', password in %s".formatted(credentials.username(), passwordFile.path()));
		}
		if (!loopback(host)) {
			log.warn(("Embedded Neo4j listens on %s, not on loopback: Bolt%s can be reached from other machines. "
					+ "Anyone who has the password of user '%s' can read and change every tag, customer and audit event. "
					+ "Set taggraph.neo4j.embedded.listen-address=127.0.0.1 unless that is intended.")
				.formatted(host, props.httpEnabled() ? ", the HTTP API and Browser" : "", credentials.username()));
		}
		log.info("Embedded Neo4j started in %d ms, data in %s, Bolt on %s%s".formatted(
				(System.nanoTime() - started) / 1_000_000, home, boltUri(),
				props.httpEnabled() ? ", Browser on " + browserUri() : ""));
	}

	public URI boltUri() {
		return URI.create("bolt://" + advertisedHost(host) + ":" + boltPort);
	}

	public URI browserUri() {
		return httpPort < 0 ? null : URI.create("http://" + advertisedHost(host) + ":" + httpPort + "/browser/");
	}

	public int boltPort() {
		return boltPort;
	}

	public int httpPort() {
		return httpPort;
	}

	/** What the app's driver, and any client beside it, logs in with. */
	public Neo4jCredentials credentials() {
		return credentials;
	}

	/** The address a connector is bound to, as the DBMS reports it. */
	public InetSocketAddress boundAddress(ConnectorType type) {
		var address = system().getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(type);
		return new InetSocketAddress(address.getHost(), address.getPort());
	}

	public Path home() {
		return home;
	}

	@Override
	public void close() {
		dbms.shutdown();
		log.info("Embedded Neo4j stopped");
	}

	private int boundPort(ConnectorType type) {
		return system().getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(type)
			.getPort();
	}

	private GraphDatabaseAPI system() {
		return (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
	}

	static boolean loopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String advertisedHost(String listen) {
		return "0.0.0.0".equals(listen) || "::".equals(listen) ? "localhost" : listen;
	}

	private static int freePort(String host) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on " + host, ex);
		}
	}

}
