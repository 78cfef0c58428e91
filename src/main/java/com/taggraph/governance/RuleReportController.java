package com.taggraph.governance;

import java.util.List;
import java.util.Set;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import com.taggraph.security.Visibility;

/** The rule report over GraphQL. */
@Controller
class RuleReportController {

	private final RuleReportService rules;

	RuleReportController(RuleReportService rules) {
		this.rules = rules;
	}

	@QueryMapping
	RuleReport ruleReport(@Argument List<RuleCategory> categories,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return rules.report(categories == null ? Set.of() : Set.copyOf(categories), visibility);
	}

}
