package com.taggraph.compute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.lifecycle.ChangeApplier;
import com.taggraph.lifecycle.ChangeAppliers;
import com.taggraph.lifecycle.ChangeOperation;
import com.taggraph.lifecycle.ItemKind;

/**
 * Rules are governed like the items they belong to: a new or changed rule of an approved
 * tag or class waits for review, and approval replays it through {@link RuleService}, so
 * it is bound again against the data as it is then.
 */
@Configuration(proxyBeanMethods = false)
class RuleReview {

	static final ChangeOperation<RuleText> SET_TAG_RULE = new ChangeOperation<>(ItemKind.TAG, "SET_RULE",
			RuleText.class);

	static final ChangeOperation<RuleText> SET_CLASS_RULE = new ChangeOperation<>(ItemKind.TAG_CLASS, "SET_RULE",
			RuleText.class);

	@Bean
	ChangeAppliers ruleAppliers(RuleService rules) {
		return ChangeAppliers.of(new ChangeApplier<>(SET_TAG_RULE, (code, rule) -> rules.setTagRule(code, rule.sql())),
				new ChangeApplier<>(SET_CLASS_RULE, (code, rule) -> rules.setClassRule(code, rule.sql())));
	}

}
