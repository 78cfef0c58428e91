package com.taggraph.audit;

import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

import com.taggraph.web.Connection;
import com.taggraph.web.Connections;

import graphql.schema.DataFetchingEnvironment;

/**
 * The {@code changes} connection of a node type, for the module owning the type to serve
 * from its controller: every node's page of a request goes into one read through the
 * audit trail's loader.
 */
@Component
public class NodeChanges {

	/** The data loader {@code AuditController} registers for the pages. */
	static final String LOADER = "historyPageLoader";

	private final Connections connections;

	NodeChanges(Connections connections) {
		this.connections = connections;
	}

	/** One page of the events on the node, as a Relay connection. */
	public CompletableFuture<Connection<ChangeEvent>> of(ChangeKind kind, String code, ScrollSubrange range,
			DataFetchingEnvironment env) {
		DataLoader<AuditTrail.HistoryPage, AuditTrail.EventPage> loader = env.getDataLoader(LOADER);
		var page = AuditTrail.historyPage(kind, code, Connections.position(range), Connections.first(range));
		return loader.load(page).thenApply(found -> connections.of(found.events(), range, found::totalCount));
	}

}
