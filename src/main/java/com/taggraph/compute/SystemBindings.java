package com.taggraph.compute;

import java.util.Collection;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;

import com.taggraph.error.DomainException;

/**
 * Binding a source system to a configured JDBC database (issue 16 §1; the rules run there
 * from issue 17). A binding is checked by logging in before anything is written; the
 * graph keeps the connection's name and what the database said it is, never its URL or
 * credentials.
 * <p>
 * The product and version are those read at bind time, kept as plain properties, rather
 * than read live on each request: reading {@code binding} must not open a connection per
 * system listed, hang for the login timeout when the database is down, or let any caller
 * probe the network. {@code checkedAt} says when they were read; binding again checks
 * again.
 */
@Service
class SystemBindings {

	private static final Log log = LogFactory.getLog(SystemBindings.class);

	private final ComputeRepository repository;

	private final SourceConnections connections;

	SystemBindings(ComputeRepository repository, SourceConnections connections) {
		this.repository = repository;
		this.connections = connections;
	}

	/**
	 * Binds the system to the named connection once a login there succeeds, or unbinds it
	 * (null); NOT_FOUND for an unknown system, INVALID_INPUT for an unknown or
	 * unreachable connection, nothing written then.
	 */
	void bind(String systemCode, String connection) {
		if (!repository.systemExists(systemCode)) {
			throw DomainException.notFound("source system", systemCode);
		}
		if (connection == null) {
			repository.unbindSystem(systemCode);
			log.info("Source system %s unbound from its JDBC connection".formatted(systemCode));
			return;
		}
		SourceConnections.Database database;
		try {
			database = connections.check(systemCode, connection);
		}
		catch (DomainException ex) {
			// a configured database that cannot be reached is the operators' business; an
			// unknown name is the caller's typo (and its text is not for the log)
			if (connections.names().contains(connection)) {
				log.warn(ex.getMessage());
			}
			throw ex;
		}
		if (!repository.bindSystem(systemCode, connection, database.product(), database.version())) {
			throw DomainException.notFound("source system", systemCode);
		}
		log.info("Source system %s bound to JDBC connection %s (%s %s)".formatted(systemCode, connection,
				database.product(), database.version()));
	}

	/** The binding of each bound system among the codes, by code. */
	Map<String, SystemBinding> bindings(Collection<String> systemCodes) {
		Map<String, SystemBinding> bindings = repository.systemBindings(systemCodes);
		bindings.replaceAll((code, binding) -> binding.withUrl(connections.maskedUrl(binding.connection())));
		return bindings;
	}

}
