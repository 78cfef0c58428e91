package com.taggraph.compute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import com.taggraph.customer.AssignmentSource;
import com.taggraph.customer.TagAssignment;

/**
 * Why a customer carries a computed tag: the rule, the run and the source rows the rule
 * read for the customer, each batched for every assignment of the response.
 */
@Controller("computeProvenanceController")
class ProvenanceController {

	private final ComputeQueries queries;

	private final ComputeService compute;

	private final ProvenanceRows rows;

	ProvenanceController(ComputeQueries queries, ComputeService compute, ProvenanceRows rows) {
		this.queries = queries;
		this.compute = compute;
		this.rows = rows;
	}

	@BatchMapping(typeName = "Provenance", field = "rule")
	Map<TagAssignment, ComputeQueries.TagRule> rule(List<TagAssignment> assignments) {
		List<TagAssignment> computed = computed(assignments);
		Map<TagAssignment, ComputeQueries.TagRule> rules = queries.computedBy(computed, a -> a.tag().code());
		return complete(assignments, rules);
	}

	@BatchMapping(typeName = "Provenance", field = "run")
	Map<TagAssignment, ComputeRun> run(List<TagAssignment> assignments) {
		Map<String, ComputeRun> runs = compute
			.runs(computed(assignments).stream().map(TagAssignment::runId).distinct().toList());
		Map<TagAssignment, ComputeRun> answer = new LinkedHashMap<>();
		assignments.forEach(a -> answer.put(a, a.runId() == null ? null : runs.get(a.runId())));
		return answer;
	}

	@BatchMapping(typeName = "Provenance", field = "sourceRows")
	Map<TagAssignment, List<SourceRows>> sourceRows(List<TagAssignment> assignments) {
		List<TagAssignment> computed = computed(assignments);
		Map<ProvenanceRows.Key, List<SourceRows>> found = rows
			.rows(computed.stream().map(a -> new ProvenanceRows.Key(a.customerId(), a.tag().code())).toList());
		Map<TagAssignment, List<SourceRows>> answer = new LinkedHashMap<>();
		assignments.forEach(a -> answer.put(a,
				found.getOrDefault(new ProvenanceRows.Key(a.customerId(), a.tag().code()), List.of())));
		return answer;
	}

	private static List<TagAssignment> computed(List<TagAssignment> assignments) {
		return assignments.stream().filter(a -> a.source() == AssignmentSource.RULE).toList();
	}

	private static <T> Map<TagAssignment, T> complete(List<TagAssignment> assignments, Map<TagAssignment, T> found) {
		Map<TagAssignment, T> answer = new LinkedHashMap<>();
		assignments.forEach(a -> answer.put(a, found.get(a)));
		return answer;
	}

}
