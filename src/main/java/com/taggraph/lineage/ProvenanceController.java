package com.taggraph.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import com.taggraph.customer.CustomerService;
import com.taggraph.customer.TagAssignment;
import com.taggraph.security.Visibility;

import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

/**
 * Why a customer carries a tag: how it got there (the assignment itself), the tag's
 * upstream lineage, and the customer's own assignments of the tags it is derived from.
 * Each part is one batch for every assignment in the response, and the explanation reuses
 * the two batches rather than reading again.
 */
@Controller
class ProvenanceController {

	/**
	 * Depth of the lineage shown with an assignment; the lineage query has its own
	 * maxDepth for more.
	 */
	private static final int LINEAGE_DEPTH = 10;

	/**
	 * Per request: the tags' lineages and the carried upstream assignments, read once for
	 * all three fields.
	 */
	private static final String LINEAGES = ProvenanceController.class.getName() + ".lineages";

	private static final String CARRIED = ProvenanceController.class.getName() + ".carried";

	ProvenanceController(LineageService lineages, CustomerService customers, BatchLoaderRegistry loaders) {
		loaders.<String, Lineage>forName(LINEAGES)
			.registerMappedBatchLoader((codes, env) -> Mono
				.fromSupplier(() -> lineages.upstream(codes, LINEAGE_DEPTH, Visibility.of(env.getContext()))));
		loaders.<TagAssignment, List<TagAssignment>>forName(CARRIED)
			.registerMappedBatchLoader((assignments, env) -> Mono
				.fromSupplier(() -> customers.carriedUpstream(assignments, Visibility.of(env.getContext()))));
	}

	/** The assignment records how it came; the other parts are batched below. */
	@SchemaMapping(typeName = "TagAssignment")
	TagAssignment provenance(TagAssignment assignment) {
		return assignment;
	}

	@SchemaMapping(typeName = "Provenance")
	CompletableFuture<Lineage> lineage(TagAssignment assignment, DataFetchingEnvironment env) {
		return lineageOf(assignment, env);
	}

	@SchemaMapping(typeName = "Provenance")
	CompletableFuture<List<TagAssignment>> upstreamAssignments(TagAssignment assignment, DataFetchingEnvironment env) {
		return carriedBy(assignment, env);
	}

	@SchemaMapping(typeName = "Provenance")
	CompletableFuture<String> explanation(TagAssignment assignment, DataFetchingEnvironment env) {
		return lineageOf(assignment, env).thenCombine(carriedBy(assignment, env),
				(lineage, carried) -> explain(assignment, carried, lineage));
	}

	private static CompletableFuture<Lineage> lineageOf(TagAssignment assignment, DataFetchingEnvironment env) {
		DataLoader<String, Lineage> loader = env.getDataLoader(LINEAGES);
		return loader.load(assignment.tag().code());
	}

	private static CompletableFuture<List<TagAssignment>> carriedBy(TagAssignment assignment,
			DataFetchingEnvironment env) {
		DataLoader<TagAssignment, List<TagAssignment>> loader = env.getDataLoader(CARRIED);
		return loader.load(assignment).thenApply(carried -> carried == null ? List.of() : carried);
	}

	/**
	 * One paragraph a reviewer can read out: how the tag came, the upstream tags the
	 * customer carries, and the systems and tables its data comes from.
	 */
	static String explain(TagAssignment a, List<TagAssignment> carried, Lineage lineage) {
		StringBuilder text = new StringBuilder("%s %s".formatted(a.tag().code(), nameOf(a.tag().name())));
		text.append(switch (a.source()) {
			case RULE -> " was computed by its rule" + (a.runId() == null ? "" : " in run " + a.runId());
			case IMPORT -> " was loaded by import " + (a.importId() == null ? "(unknown)" : a.importId());
			case MANUAL -> " was assigned by hand by " + (a.by() == null ? "anonymous" : a.by());
			case FOLKSONOMY -> " came from a promoted free tag, by " + (a.by() == null ? "anonymous" : a.by());
		});
		if (a.assignedAt() != null) {
			text.append(" at ").append(a.assignedAt());
		}
		text.append('.');
		if (!carried.isEmpty()) {
			List<String> tags = new ArrayList<>();
			carried.forEach(c -> tags.add("%s %s".formatted(c.tag().code(), nameOf(c.tag().name())).trim()));
			text.append(" The customer carries the tags it is derived from: ")
				.append(String.join(", ", tags))
				.append('.');
		}
		if (lineage != null && !lineage.sourceSystemCodes().isEmpty()) {
			text.append(" Its data comes from ").append(sources(lineage)).append('.');
		}
		return text.toString();
	}

	/** "S1 营销业务应用系统 (A_RCVBL_FLOW, R_CHECK_RESULT)" for each system reached. */
	private static String sources(Lineage lineage) {
		Map<String, String> names = new HashMap<>();
		lineage.nodes().forEach(n -> names.put(n.code(), n.name()));
		Map<String, Set<String>> tablesBySystem = new TreeMap<>();
		for (Lineage.Edge edge : lineage.edges()) {
			if (edge.kind().equals("IN_SYSTEM")) {
				String table = edge.from().substring(edge.from().indexOf('.') + 1);
				tablesBySystem.computeIfAbsent(edge.to(), k -> new TreeSet<>()).add(table);
			}
		}
		List<String> parts = new ArrayList<>();
		tablesBySystem.forEach((system, tables) -> parts
			.add("%s %s (%s)".formatted(system, nameOf(names.get(system)), String.join(", ", tables))));
		return String.join("; ", parts);
	}

	private static String nameOf(String name) {
		return name == null ? "" : name;
	}

}
