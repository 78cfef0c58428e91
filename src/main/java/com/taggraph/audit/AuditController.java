package com.taggraph.audit;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The audit trail in GraphQL: {@code history} and {@code changes}. The {@code history} field of each node type is
 * served by the module owning the type, through {@link AuditTrail#histories(ChangeKind, List, java.util.function.Function)}.
 */
@Controller
class AuditController {

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@QueryMapping
	List<ChangeEvent> history(@Argument String code, @Argument ChangeKind kind) {
		return audit.history(code, kind);
	}

	@QueryMapping
	ChangeEventConnection changes(@Argument String since, @Argument String by, @Argument ChangeKind type,
			@Argument Integer first, @Argument String after) {
		return audit.changes(since, by, type, first, after);
	}

	@SchemaMapping(typeName = "ChangeEvent")
	String at(ChangeEvent event) {
		return event.at().toString();
	}
}
