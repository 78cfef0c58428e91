package com.taggraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.Resource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the bundled demo tag library (classes, tags, facets, source systems and lineage)
 * into an empty database, in one transaction. It never runs over existing data: a library
 * that already has classes or tags, or a previous demo load, is left alone. The modules
 * owning the data write it ({@link DemoLibraryPart}); this class only reads the file and
 * decides whether to load.
 */
final class DemoLibraryLoader {

	private static final Log log = LogFactory.getLog(DemoLibraryLoader.class);

	private final Neo4jClient neo4j;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final List<DemoLibraryPart> parts;

	DemoLibraryLoader(Neo4jClient neo4j, TransactionTemplate tx, JsonMapper json, List<DemoLibraryPart> parts) {
		this.neo4j = neo4j;
		this.tx = tx;
		this.json = json;
		this.parts = parts;
	}

	/**
	 * @return whether the library was loaded
	 */
	boolean loadIfEmpty(Resource library) {
		Map<String, Object> data = read(library);
		@SuppressWarnings("unchecked")
		Map<String, Object> scheme = (Map<String, Object>) data.get("scheme");
		Boolean loaded = tx.execute(status -> {
			boolean hasData = neo4j.query("""
					RETURN EXISTS { (:Scheme {code: $scheme}) }
					    OR EXISTS { (:TagClass) } OR EXISTS { (:Tag) } AS hasData
					""").bind(scheme.get("code")).to("scheme").fetchAs(Boolean.class).one().orElse(false);
			if (hasData) {
				return false;
			}
			write(data);
			return true;
		});
		if (Boolean.TRUE.equals(loaded)) {
			log.info("Loaded demo tag library %s (%s) from %s".formatted(scheme.get("code"), scheme.get("name"),
					library.getDescription()));
		}
		else {
			log.info("Database already holds a tag library; demo library not loaded");
		}
		return Boolean.TRUE.equals(loaded);
	}

	private void write(Map<String, Object> data) {
		parts.forEach(part -> part.write(data, neo4j));
	}

	private Map<String, Object> read(Resource library) {
		try (InputStream in = library.getInputStream()) {
			return json.readValue(in, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read demo library " + library, ex);
		}
	}

}
