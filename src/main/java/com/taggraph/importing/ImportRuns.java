package com.taggraph.importing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import com.taggraph.graph.CypherParameters;

/**
 * The Cypher of {@code :ImportRun} nodes, the record of every bulk import that started
 * writing.
 */
@Repository
class ImportRuns {

	private static final String COLUMNS = """
			r.id AS id, r.kind AS kind, r.status AS status, r.origin AS origin, toString(r.startedAt) AS startedAt,
			toString(r.finishedAt) AS finishedAt, r.rows AS rows, r.rowsWritten AS rowsWritten,
			r.batchesDone AS batchesDone, r.files AS files, r.fileKinds AS fileKinds, r.fileRows AS fileRows,
			r.checksums AS checksums, r.workFiles AS workFiles, r.created AS created, r.updated AS updated,
			r.unchanged AS unchanged, r.message AS message""";

	private final Neo4jClient neo4j;

	ImportRuns(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	void create(ImportRun run, OffsetDateTime startedAt) {
		Map<String, Object> p = CypherParameters.of("id", run.id(), "kind", run.kind(), "origin", run.origin(),
				"startedAt", startedAt, "rows", run.rows(), "files", run.files(), "fileKinds", run.fileKinds(),
				"fileRows", run.fileRows(), "checksums", run.checksums(), "workFiles", run.workFiles(), "created",
				run.created(), "updated", run.updated(), "unchanged", run.unchanged());
		neo4j.query("""
				CREATE (r:ImportRun {id: $id, kind: $kind, status: 'RUNNING', origin: $origin, startedAt: $startedAt,
				                     rows: $rows, rowsWritten: 0, batchesDone: 0, files: $files, fileKinds: $fileKinds,
				                     fileRows: $fileRows, checksums: $checksums, workFiles: $workFiles,
				                     created: $created, updated: $updated, unchanged: $unchanged})""").bindAll(p).run();
	}

	/**
	 * Records one more committed batch and the committed prefix, in the transaction of
	 * the batch it counts. Writers commit out of order, so the prefix only grows: the
	 * run's lock is taken before the old value is read, or two writers could each read
	 * the old value and the smaller one win.
	 */
	void progress(String id, long rowsWritten) {
		neo4j.query("""
				MATCH (r:ImportRun {id: $id})
				SET r.updatedAt = datetime()
				WITH r
				SET r.rowsWritten = CASE WHEN $rowsWritten > r.rowsWritten THEN $rowsWritten ELSE r.rowsWritten END,
				    r.batchesDone = r.batchesDone + 1""").bindAll(Map.of("id", id, "rowsWritten", rowsWritten)).run();
	}

	void finish(String id, String status, String message) {
		Map<String, Object> p = CypherParameters.of("id", id, "status", status, "message", message);
		neo4j.query("""
				MATCH (r:ImportRun {id: $id})
				SET r.status = $status, r.finishedAt = datetime(), r.message = $message
				// complete: every row is written, though the prefix the last batches recorded may lag
				SET r.rowsWritten = CASE WHEN $status = 'COMPLETE' THEN r.rows ELSE r.rowsWritten END""")
			.bindAll(p)
			.run();
	}

	/**
	 * Notes why a write stopped, and the committed prefix once the writers have stopped:
	 * the prefix each batch recorded can lag behind batches that committed beside it.
	 */
	void stopped(String id, String message, long rowsWritten) {
		neo4j.query("""
				MATCH (r:ImportRun {id: $id})
				SET r.message = $message,
				    r.rowsWritten = CASE WHEN $rowsWritten > r.rowsWritten THEN $rowsWritten ELSE r.rowsWritten END""")
			.bindAll(Map.of("id", id, "message", message, "rowsWritten", rowsWritten))
			.run();
	}

	Optional<ImportRun> find(String id) {
		return neo4j.query("MATCH (r:ImportRun {id: $id}) RETURN " + COLUMNS)
			.bind(id)
			.to("id")
			.fetchAs(ImportRun.class)
			.mappedBy((types, r) -> toRun(r))
			.one();
	}

	/** Newest first. */
	List<ImportRun> all() {
		return List.copyOf(neo4j.query("MATCH (r:ImportRun) RETURN " + COLUMNS + " ORDER BY r.startedAt DESC, id DESC")
			.fetchAs(ImportRun.class)
			.mappedBy((types, r) -> toRun(r))
			.all());
	}

	List<ImportRun> running() {
		return List
			.copyOf(neo4j.query("MATCH (r:ImportRun {status: 'RUNNING'}) RETURN " + COLUMNS + " ORDER BY r.startedAt")
				.fetchAs(ImportRun.class)
				.mappedBy((types, r) -> toRun(r))
				.all());
	}

	private static ImportRun toRun(Record r) {
		return new ImportRun(r.get("id").asString(), r.get("kind").asString(null), r.get("status").asString(null),
				false, r.get("origin").asString(null), r.get("startedAt").asString(null),
				r.get("finishedAt").asString(null), r.get("rows").asLong(0), r.get("rowsWritten").asLong(0),
				r.get("batchesDone").asLong(0), strings(r.get("files")), strings(r.get("fileKinds")),
				r.get("fileRows").isNull() ? List.of() : r.get("fileRows").asList(Value::asLong),
				strings(r.get("checksums")), strings(r.get("workFiles")), r.get("created").asLong(0),
				r.get("updated").asLong(0), r.get("unchanged").asLong(0), r.get("message").asString(null));
	}

	private static List<String> strings(Value value) {
		return value.isNull() ? List.of() : value.asList(Value::asString);
	}

}
