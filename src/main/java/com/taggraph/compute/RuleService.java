package com.taggraph.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.lifecycle.ChangeGate;
import com.taggraph.lifecycle.ChangeOperation;

/**
 * Saving a rule: it is bound first (one read-only SELECT over catalogue tables and
 * columns, the contracted output), refused if it would close a cycle of tags, and then
 * written, or held as a pending change when its tag or class is in force.
 */
@Service
public class RuleService {

	private final RuleBinder binder;

	private final RuleRepository repository;

	private final ChangeGate gate;

	RuleService(RuleBinder binder, RuleRepository repository, ChangeGate gate) {
		this.binder = binder;
		this.repository = repository;
		this.gate = gate;
	}

	/** What saving did: written, or held for review. */
	public record SavedRule(String code, boolean held, List<String> fields, List<String> tags, List<String> columns) {
	}

	@Transactional
	public SavedRule setTagRule(String code, String sql) {
		RuleRepository.RuleOwner owner = repository.tagOwner(code)
			.orElseThrow(() -> DomainException.notFound("tag", code));
		return save(RuleReview.SET_TAG_RULE, owner, binder.bind(sql, false));
	}

	@Transactional
	public SavedRule setClassRule(String code, String sql) {
		RuleRepository.RuleOwner owner = repository.classOwner(code)
			.orElseThrow(() -> DomainException.notFound("class", code));
		if (!owner.exclusive()) {
			throw new DomainException(ErrorCode.INVALID_INPUT,
					"class '%s' is not exclusive; one rule may serve a whole class only when no customer can carry two of its tags"
						.formatted(code),
					Map.of("subject", code, "field", "code"));
		}
		return save(RuleReview.SET_CLASS_RULE, owner, binder.bind(sql, true));
	}

	/** Binds a draft rule without saving it, for a preview. */
	BoundRule bind(String code, boolean isClass, String sql) {
		if (isClass) {
			repository.classOwner(code).orElseThrow(() -> DomainException.notFound("class", code));
		}
		else {
			repository.tagOwner(code).orElseThrow(() -> DomainException.notFound("tag", code));
		}
		return binder.bind(sql, isClass);
	}

	private SavedRule save(ChangeOperation<RuleText> operation, RuleRepository.RuleOwner owner, BoundRule rule) {
		requireNoCycle(owner, rule);
		boolean[] written = { false };
		gate.write(operation, owner.code(), Map.of("ruleSql", rule.sql()), new RuleText(rule.sql()), () -> {
			repository.write(owner, rule);
			written[0] = true;
		});
		return new SavedRule(owner.code(), !written[0], rule.fields(), rule.tags(), rule.columns());
	}

	private void requireNoCycle(RuleRepository.RuleOwner owner, BoundRule rule) {
		for (String input : rule.tags()) {
			if (owner.tags().contains(input)) {
				throw cycle(List.of(input, input));
			}
		}
		if (rule.tags().isEmpty()) {
			return;
		}
		repository.pathBack(rule.tags(), owner.tags()).ifPresent(path -> {
			List<String> cycle = new ArrayList<>();
			cycle.add(path.get(path.size() - 1));
			cycle.addAll(path);
			throw cycle(cycle);
		});
	}

	private static DomainException cycle(List<String> path) {
		return new DomainException(ErrorCode.CYCLE,
				"the rule would make tags derive from themselves: %s".formatted(String.join(" → ", path)),
				Map.of("field", "sql", "path", path));
	}

}
