package com.taggraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;

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
 * A full Neo4j DBMS in the app's JVM. It serves real Bolt (and optionally HTTP and Browser),
 * so the app and every outside client use the same protocol as against a standalone server.
 */
public final class EmbeddedNeo4jServer implements AutoCloseable {

	private static final Log log = LogFactory.getLog(EmbeddedNeo4jServer.class);

	private final DatabaseManagementService dbms;
	private final Path home;
	private final String host;
	private final int boltPort;
	private final int httpPort;

	public EmbeddedNeo4jServer(EmbeddedNeo4jProperties props) {
		// Neo4j rejects relative or non-normalised homes such as /x/./y
		this.home = props.dataDir().toAbsolutePath().normalize();
		this.host = props.listenAddress();
		// A random port is chosen up front so the advertised address (which Browser uses) is right
		this.boltPort = props.boltPort() == 0 ? freePort(host) : props.boltPort();
		int http = props.httpPort() == 0 && props.httpEnabled() ? freePort(host) : props.httpPort();
		long started = System.nanoTime();
		DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(host, boltPort))
			.setConfig(BoltConnector.advertised_address, new SocketAddress(advertisedHost(host), boltPort))
			.setConfig(HttpConnector.enabled, props.httpEnabled())
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(props.pageCache()))
			.setConfig(GraphDatabaseSettings.keep_logical_logs, props.txLogRetention())
			// without it every stop waits about 10 s for Netty's quiet period
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
		if (props.httpEnabled()) {
			builder.setConfig(HttpConnector.listen_address, new SocketAddress(host, http))
				.setConfig(HttpConnector.advertised_address, new SocketAddress(advertisedHost(host), http))
				// utility intranets are offline: Browser must not try to phone home or fetch remote guides
				.setConfig(ServerSettings.allow_telemetry, false)
				.setConfig(ServerSettings.browser_remote_content_hostname_whitelist, "localhost");
		}
		this.dbms = builder.build();
		this.httpPort = props.httpEnabled() ? boundPort(ConnectorType.HTTP) : -1;
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

	public Path home() {
		return home;
	}

	@Override
	public void close() {
		dbms.shutdown();
		log.info("Embedded Neo4j stopped");
	}

	private int boundPort(ConnectorType type) {
		var api = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		return api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class).getLocalAddress(type).getPort();
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
