package com.taggraph.compute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import com.taggraph.lineage.SourceCatalogService;
import com.taggraph.lineage.SourceSystem;

/** A source system's binding to a configured JDBC database: binding it and reading it. */
@Controller
class SystemBindingController {

	private final SystemBindings bindings;

	private final SourceCatalogService catalogue;

	SystemBindingController(SystemBindings bindings, SourceCatalogService catalogue) {
		this.bindings = bindings;
		this.catalogue = catalogue;
	}

	@MutationMapping
	SourceSystem bindSourceSystem(@Argument String code, @Argument String connection) {
		bindings.bind(code, connection);
		return catalogue.system(code);
	}

	@BatchMapping(typeName = "SourceSystem", field = "binding")
	Map<SourceSystem, SystemBinding> binding(List<SourceSystem> systems) {
		Map<String, SystemBinding> found = bindings.bindings(systems.stream().map(SourceSystem::code).toList());
		Map<SourceSystem, SystemBinding> answer = new LinkedHashMap<>();
		systems.forEach(system -> answer.put(system, found.get(system.code())));
		return answer;
	}

}
