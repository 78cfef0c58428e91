package com.taggraph.governance;

import java.util.List;
import java.util.Set;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import com.taggraph.security.Visibility;
import com.taggraph.web.Connection;
import com.taggraph.web.Connections;

/** The rule report over GraphQL. */
@Controller
class RuleReportController {

	private final RuleReportService rules;

	private final Connections connections;

	RuleReportController(RuleReportService rules, Connections connections) {
		this.rules = rules;
		this.connections = connections;
	}

	@QueryMapping
	RuleReport ruleReport(@Argument List<RuleCategory> categories,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return rules.report(categories == null ? Set.of() : Set.copyOf(categories), visibility);
	}

	/** Keyed by check and codes, which name one violation. */
	@SchemaMapping(typeName = "RuleReport")
	Connection<ReportedViolation> violationList(RuleReport report, ScrollSubrange range) {
		return connections.page(report.violations(), range, "violation",
				v -> v.kind() + " " + String.join(" ", v.codes()));
	}

}
