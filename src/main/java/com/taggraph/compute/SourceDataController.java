package com.taggraph.compute;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.lineage.SourceCatalogService;
import com.taggraph.lineage.SourceTable;

/**
 * The data behind a source table: binding, profile and sample, and binding a table or
 * registering the columns its data has.
 */
@Controller
class SourceDataController {

	private final SourceProfiles profiles;

	private final SourceStaging staging;

	private final ComputeRepository repository;

	private final SourceCatalogService catalogue;

	SourceDataController(SourceProfiles profiles, SourceStaging staging, ComputeRepository repository,
			SourceCatalogService catalogue) {
		this.profiles = profiles;
		this.staging = staging;
		this.repository = repository;
		this.catalogue = catalogue;
	}

	@BatchMapping(typeName = "SourceTable", field = "binding")
	Map<SourceTable, String> binding(List<SourceTable> tables) {
		return answer(tables, SourceProfiles.Profile::binding);
	}

	@BatchMapping(typeName = "SourceTable", field = "rowCount")
	Map<SourceTable, Long> rowCount(List<SourceTable> tables) {
		return answer(tables, SourceProfiles.Profile::rowCount);
	}

	@BatchMapping(typeName = "SourceTable", field = "columns")
	Map<SourceTable, List<ColumnProfile>> columns(List<SourceTable> tables) {
		return answer(tables, SourceProfiles.Profile::columns);
	}

	@SchemaMapping(typeName = "SourceTable", field = "sample")
	List<Map<String, Object>> sample(SourceTable table, @Argument Integer first) {
		return profiles.sample(table.code(), first == null ? 5 : first);
	}

	private <T> Map<SourceTable, T> answer(List<SourceTable> tables, Function<SourceProfiles.Profile, T> part) {
		Map<String, SourceProfiles.Profile> found = profiles.profiles(tables.stream().map(SourceTable::code).toList());
		Map<SourceTable, T> answer = new java.util.LinkedHashMap<>();
		tables.forEach(table -> {
			SourceProfiles.Profile profile = found.get(table.code());
			answer.put(table, profile == null ? null : part.apply(profile));
		});
		return answer;
	}

	/**
	 * Binds and stages at once; if the files cannot be staged, the table keeps its
	 * previous binding.
	 */
	@MutationMapping
	SourceTable bindSourceTable(@Argument String code, @Argument String binding) {
		String before = repository.catalogue()
			.stream()
			.filter(table -> table.code().equals(code))
			.findFirst()
			.map(CatalogueTable::binding)
			.orElse(null);
		profiles.bind(code, binding);
		try {
			staging.stageAll();
		}
		catch (RuntimeException ex) {
			repository.bind(code, before);
			throw new DomainException(ErrorCode.INVALID_INPUT,
					"the files bound to '%s' cannot be staged: %s".formatted(code, ex.getMessage()),
					Map.of("field", "binding", "subject", code));
		}
		return catalogue.table(code);
	}

	@MutationMapping
	List<String> registerSourceFields(@Argument String tableCode) {
		return profiles.registerFields(tableCode, catalogue);
	}

}
