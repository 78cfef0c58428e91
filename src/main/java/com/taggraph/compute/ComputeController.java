package com.taggraph.compute;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.taxonomy.Tag;

/** Rules, previews and computation runs over GraphQL (STEWARD, as the schema says). */
@Controller
class ComputeController {

	private final RuleService rules;

	private final RulePreviews previews;

	private final ComputeService compute;

	private final ComputeQueries queries;

	ComputeController(RuleService rules, RulePreviews previews, ComputeService compute, ComputeQueries queries) {
		this.rules = rules;
		this.previews = previews;
		this.compute = compute;
		this.queries = queries;
	}

	@MutationMapping
	RuleService.SavedRule setTagRule(@Argument String code, @Argument String sql) {
		return rules.setTagRule(code, sql);
	}

	@MutationMapping
	RuleService.SavedRule setClassRule(@Argument String code, @Argument String sql) {
		return rules.setClassRule(code, sql);
	}

	@QueryMapping
	RulePreview previewRule(@Argument String code, @Argument String sql, @Argument Boolean classRule) {
		return previews.preview(code, sql, Boolean.TRUE.equals(classRule));
	}

	@MutationMapping
	ComputeRun computeTags(@Argument List<String> tagCodes, @Argument List<String> classCodes,
			@Argument Boolean dryRun) {
		return compute.start(tagCodes, classCodes, Boolean.TRUE.equals(dryRun));
	}

	@MutationMapping
	ComputeRun resumeComputeRun(@Argument String id) {
		return compute.resume(id);
	}

	@MutationMapping
	ComputeRun rollbackComputeRun(@Argument String id) {
		return compute.rollback(id);
	}

	@QueryMapping
	ComputeRun computeRun(@Argument String id) {
		try {
			return compute.find(id);
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

	@QueryMapping
	List<ComputeRun> computeRuns(@Argument Integer first) {
		return compute.latest(first == null ? 20 : first);
	}

	@QueryMapping
	List<ComputeQueries.LineageDrift> lineageDrift() {
		return queries.lineageDrift();
	}

	@BatchMapping(typeName = "Tag", field = "computedBy")
	Map<Tag, ComputeQueries.TagRule> computedBy(List<Tag> tags) {
		return queries.computedBy(tags, Tag::code);
	}

	@BatchMapping(typeName = "Tag", field = "countHistory")
	Map<Tag, List<ComputeQueries.CountPoint>> countHistory(List<Tag> tags) {
		return queries.countHistory(tags, Tag::code);
	}

}
