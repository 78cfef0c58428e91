package com.taggraph.audit;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import com.taggraph.web.Connection;
import com.taggraph.web.Connections;

import reactor.core.publisher.Mono;

/**
 * The audit trail in GraphQL: {@code history} and {@code changes}. The {@code history}
 * and {@code changes} fields of each node type are served by the module owning the type,
 * through {@link AuditTrail#histories(ChangeKind, List, java.util.function.Function)} and
 * {@link NodeChanges}.
 */
@Controller
class AuditController {

	private final AuditTrail audit;

	private final Connections connections;

	AuditController(AuditTrail audit, Connections connections, BatchLoaderRegistry loaders) {
		this.audit = audit;
		this.connections = connections;
		loaders.<AuditTrail.HistoryPage, AuditTrail.EventPage>forName(NodeChanges.LOADER)
			.registerMappedBatchLoader((pages, env) -> Mono.fromCallable(() -> audit.historyPages(pages)));
	}

	@QueryMapping
	List<ChangeEvent> history(@Argument String code, @Argument ChangeKind kind) {
		return audit.history(code, kind);
	}

	@QueryMapping
	Connection<ChangeEvent> changes(@Argument String code, @Argument String since, @Argument String by,
			@Argument ChangeKind type, ScrollSubrange range) {
		var filter = new AuditTrail.ChangeFilter(code, since, by, type);
		return connections.of(audit.changes(filter, Connections.position(range), Connections.first(range)), range,
				() -> audit.countChanges(filter));
	}

	@SchemaMapping(typeName = "ChangeEvent")
	String at(ChangeEvent event) {
		return event.at().toString();
	}

}
