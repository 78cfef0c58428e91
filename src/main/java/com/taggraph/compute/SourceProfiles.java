package com.taggraph.compute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.lineage.SourceCatalogService;

/**
 * What a steward sees of a table's data: its binding, its rows and a profile of each
 * column ({@code SUMMARIZE}), the columns the catalogue lacks, and the first rows.
 */
@Service
class SourceProfiles {

	private final SourceEngine engine;

	private final SourceStaging staging;

	private final ComputeRepository repository;

	SourceProfiles(SourceEngine engine, SourceStaging staging, ComputeRepository repository) {
		this.engine = engine;
		this.staging = staging;
		this.repository = repository;
	}

	/** A table's binding and profile, read once for every field asked about it. */
	record Profile(String binding, long rowCount, List<ColumnProfile> columns) {
	}

	Map<String, Profile> profiles(List<String> tableCodes) {
		Map<String, CatalogueTable> catalogue = new LinkedHashMap<>();
		repository.catalogue().forEach(table -> catalogue.put(table.code(), table));
		Map<String, Profile> profiles = new LinkedHashMap<>();
		try {
			engine.withRules(connection -> {
				for (String code : tableCodes) {
					CatalogueTable table = catalogue.get(code);
					if (table == null) {
						continue;
					}
					String name = SourceEngine.tableName(code);
					List<ColumnProfile> columns = new ArrayList<>();
					long rows = TagComputation.count(connection, "SELECT count(*) FROM " + name);
					try (Statement statement = connection.createStatement();
							ResultSet summary = statement.executeQuery("SUMMARIZE " + name)) {
						while (summary.next()) {
							String column = summary.getString("column_name");
							double nullShare = summary.getDouble("null_percentage");
							columns.add(new ColumnProfile(column, summary.getString("column_type"),
									Math.round(nullShare * rows / 100.0), summary.getLong("approx_unique"),
									summary.getString("min"), summary.getString("max"),
									table.fields().contains(column)));
						}
					}
					profiles.put(code, new Profile(table.binding(), rows, columns));
				}
				return null;
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("profiling failed: " + ex.getMessage(), ex);
		}
		return profiles;
	}

	List<Map<String, Object>> sample(String tableCode, int first) {
		if (first < 1 || first > 100) {
			throw DomainException.invalid("first", "first must be 1 to 100, not " + first);
		}
		try {
			return engine.withRules(connection -> {
				try (Statement statement = connection.createStatement();
						ResultSet result = statement
							.executeQuery("SELECT * FROM " + SourceEngine.tableName(tableCode) + " LIMIT " + first)) {
					return EngineRows.asJson(result);
				}
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("reading the sample failed: " + ex.getMessage(), ex);
		}
	}

	@Transactional
	void bind(String tableCode, String binding) {
		if (!repository.tableExists(tableCode)) {
			throw DomainException.notFound("source table", tableCode);
		}
		try {
			String found = staging.fingerprint(tableCode, binding);
			if (found.isEmpty()) {
				throw new DomainException(ErrorCode.INVALID_INPUT,
						"binding '%s' of table '%s' matches no file".formatted(binding, tableCode),
						Map.of("field", "binding", "subject", tableCode));
			}
		}
		catch (java.io.IOException ex) {
			throw new DomainException(ErrorCode.INVALID_INPUT,
					"binding '%s' cannot be read: %s".formatted(binding, ex.getMessage()),
					Map.of("field", "binding", "subject", tableCode));
		}
		repository.bind(tableCode, binding);
	}

	/**
	 * Registers the staged columns the catalogue lacks through the catalogue's own write
	 * (audited like any registration), then records their types.
	 */
	@Transactional
	List<String> registerFields(String tableCode, SourceCatalogService catalogue) {
		if (!repository.tableExists(tableCode)) {
			throw DomainException.notFound("source table", tableCode);
		}
		Profile profile = profiles(List.of(tableCode)).get(tableCode);
		List<Map<String, Object>> missing = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (ColumnProfile column : profile.columns()) {
			if (!column.registered()) {
				missing.add(Map.of("name", column.name(), "type", column.type()));
				codes.add(tableCode + "." + column.name());
			}
		}
		for (Map<String, Object> column : missing) {
			catalogue.registerField(tableCode, (String) column.get("name"), null);
		}
		if (!missing.isEmpty()) {
			repository.registerFields(tableCode, missing);
		}
		return codes;
	}

}
