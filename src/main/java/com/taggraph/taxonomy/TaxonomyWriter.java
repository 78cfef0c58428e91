package com.taggraph.taxonomy;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Classes and tags written in bulk, whoever writes them: the class-scheme and SKOS
 * imports and the demo library. The taxonomy module is the one writer of its nodes, so
 * every bulk write goes through here, in the caller's transaction, in UNWIND batches
 * however many rows there are.
 */
@Service
public class TaxonomyWriter {

	private static final int BATCH = 5000;

	/**
	 * One class to create or update. A null {@code status} gives a new class DRAFT and
	 * leaves an existing one's; for the other properties see {@link Absent}, but a null
	 * {@code overlapReason} always keeps the class's (a CSV file does not carry it, and a
	 * foreign SKOS file rarely does).
	 */
	public record ClassRecord(String code, String parent, String name, String criterion, Boolean exclusive,
			Boolean exhaustive, String scope, String status, String overlapReason) {
	}

	/**
	 * One tag to create or update, in its class, written whole (name and rule as given).
	 * A null {@code status} gives a new tag DRAFT and leaves an existing one's.
	 */
	public record TagRecord(String code, String classCode, String name, String rule, String status) {
	}

	/**
	 * What a null criterion, flag or scope of a {@link ClassRecord} means for a class
	 * that exists.
	 */
	public enum Absent {

		/** the property keeps its value: a CSV cell left empty */
		KEEP,
		/**
		 * the property is removed (a flag becomes false): a SKOS file says all there is
		 */
		CLEAR

	}

	private final TaxonomyRepository repository;

	TaxonomyWriter(TaxonomyRepository repository) {
		this.repository = repository;
	}

	/**
	 * Creates or updates the classes, then hangs each below its parent (none when null)
	 * and nowhere else: all nodes first, so a parent later in the list exists when its
	 * children are linked.
	 */
	public void writeClasses(List<ClassRecord> classes, Absent absent) {
		batches(classes).forEach(batch -> repository.upsertClasses(batch, absent == Absent.CLEAR));
		batches(classes).forEach(repository::linkParents);
	}

	/**
	 * Creates or updates the tags, each moved into its class; a tag whose class does not
	 * exist is skipped.
	 */
	public void writeTags(List<TagRecord> tags) {
		batches(tags).forEach(repository::upsertTags);
	}

	private static <T> List<List<T>> batches(List<T> rows) {
		List<List<T>> batches = new java.util.ArrayList<>();
		for (int i = 0; i < rows.size(); i += BATCH) {
			batches.add(rows.subList(i, Math.min(rows.size(), i + BATCH)));
		}
		return batches;
	}

}
