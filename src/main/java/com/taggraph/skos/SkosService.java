package com.taggraph.skos;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.taggraph.audit.AuditTrail;
import com.taggraph.graph.TransientRetry;
import com.taggraph.importing.ImportOutcome;
import com.taggraph.importing.ImportProblem;
import com.taggraph.lifecycle.ChangeGate;
import com.taggraph.lifecycle.ItemKind;
import com.taggraph.lifecycle.LifecycleStatus;
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.TaxonomyWriter;
import com.taggraph.text.NormalizedText;

/**
 * SKOS export and import of the controlled vocabulary. An import is all-or-nothing: the
 * file is parsed and checked whole, then checked against the library, then written in one
 * transaction. Into a non-empty library it upserts by code (as the class-scheme CSV
 * does), and refuses a code the library holds as the other kind (a tag named as a class,
 * a facet as a value).
 */
@Service
public class SkosService {

	private static final Log log = LogFactory.getLog(SkosService.class);

	private final SkosRepository repository;

	private final SkosTerms terms;

	private final String base;

	private final TransactionTemplate write;

	private final TransactionTemplate read;

	private final AuditTrail audit;

	private final ChangeGate gate;

	private final TaxonomyWriter taxonomy;

	SkosService(SkosRepository repository, PlatformTransactionManager transactions, SkosProperties properties,
			AuditTrail audit, ChangeGate gate, TaxonomyWriter taxonomy) {
		this.repository = repository;
		this.taxonomy = taxonomy;
		this.audit = audit;
		this.gate = gate;
		this.base = properties.baseIri();
		this.terms = new SkosTerms(base);
		this.write = TransientRetry.template(transactions);
		this.read = TransientRetry.template(transactions);
		this.read.setReadOnly(true);
	}

	/**
	 * The whole vocabulary the caller may see, in the syntax: hidden tags are left out as
	 * if they did not exist.
	 */
	byte[] export(Lang lang, Visibility visibility) {
		long started = System.nanoTime();
		SkosLibrary library = read.execute(status -> repository.read(visibility.hidden()));
		var out = new ByteArrayOutputStream();
		RDFDataMgr.write(out, SkosExport.toModel(Objects.requireNonNull(library), terms), SkosSyntax.format(lang));
		log.info("Exported %d concepts and collections as %s: %d bytes in %d ms".formatted(library.size(),
				lang.getLabel(), out.size(), (System.nanoTime() - started) / 1_000_000));
		return out.toByteArray();
	}

	ImportOutcome importFile(byte[] body, Lang lang, boolean dryRun) {
		return importFile(body, lang, dryRun, false);
	}

	/**
	 * Imports a SKOS file. The statuses it carries are not taken: new items land as DRAFT
	 * and existing ones keep theirs, and a file that would change a class, tag or facet
	 * that is not a DRAFT is refused, naming each. With {@code approved} (an admin's
	 * {@code status=APPROVED}) every item it writes is APPROVED.
	 */
	ImportOutcome importFile(byte[] body, Lang lang, boolean dryRun, boolean approved) {
		long started = System.nanoTime();
		SkosSyntax.Parsed parsed = SkosSyntax.parse(body, lang, base);
		if (parsed.problem() != null) {
			return refused(dryRun, List.of(parsed.problem()), started);
		}
		long parsedAt = System.nanoTime();
		SkosReader.Read read = SkosReader.read(parsed.model());
		SkosReader.Read file = new SkosReader.Read(withStatus(read.library(), approved), statusProblems(read, approved),
				read.iris());
		long readAt = System.nanoTime();
		if (!file.problems().isEmpty()) {
			return refused(dryRun, file.problems(), started);
		}
		if (file.library().size() == 0) {
			// as the CSV imports refuse an empty file: an import that imports nothing is
			// a mistake, not a change
			return refused(dryRun,
					List.of(ImportProblem.general("MALFORMED",
							"the file holds no SKOS concepts or collections (skos:Concept, skos:Collection)")),
					started);
		}
		ImportOutcome result = write.execute(status -> {
			if (!dryRun) {
				repository.lock();
			}
			SkosLibrary existing = repository.read(List.of());
			List<ImportProblem> problems = new ArrayList<>(conflicts(file.library(), existing));
			problems.addAll(SkosStructure.problems(file.library(), existing, file.iris()));
			if (problems.isEmpty() && !approved) {
				problems.addAll(changesToGoverned(file.library(), existing));
			}
			if (!problems.isEmpty()) {
				status.setRollbackOnly();
				return refused(dryRun, problems, started);
			}
			Counts counts = counts(file.library(), existing);
			String eventId = null;
			if (!dryRun) {
				write(file.library(), approved ? LifecycleStatus.APPROVED.name() : null);
				// one event for the whole file, in its transaction
				eventId = audit.recordImport("skos-" + java.util.UUID.randomUUID(), Map.of("created", counts.created,
						"updated", counts.updated, "unchanged", counts.unchanged, "concepts", file.library().size()));
			}
			else {
				status.setRollbackOnly();
			}
			SkosLibrary l = file.library();
			Map<String, Integer> contents = new LinkedHashMap<>();
			contents.put("classes", l.classes().size());
			contents.put("tags", l.tags().size());
			contents.put("facets", l.facets().size());
			contents.put("values", l.values().size());
			contents.put("synonyms", l.tags().stream().mapToInt(t -> t.synonyms().size()).sum());
			return ImportOutcome
				.written(dryRun, new ImportOutcome.Counts(l.size(), counts.created, counts.updated, counts.unchanged),
						eventId, millisSince(started))
				.withContents(contents);
		});
		log.info("SKOS import%s: %d concepts and collections, %d errors, %d ms (parse %d, read %d, check and write %d)"
			.formatted(dryRun ? " (dry run)" : "", file.library().size(), result.problems().size(), result.millis(),
					(parsedAt - started) / 1_000_000, (readAt - parsedAt) / 1_000_000, millisSince(readAt)));
		return result;
	}

	private static ImportOutcome refused(boolean dryRun, List<ImportProblem> problems, long started) {
		return ImportOutcome.refused(dryRun, 0, problems, problems.size(), millisSince(started));
	}

	// ---- checks against the library
	// --------------------------------------------------------------

	private List<ImportProblem> conflicts(SkosLibrary file, SkosLibrary library) {
		List<ImportProblem> problems = new ArrayList<>();
		var tagCodes = library.tags().stream().map(SkosLibrary.TagEntry::code).collect(Collectors.toSet());
		var classCodes = library.classes().stream().map(SkosLibrary.ClassEntry::code).collect(Collectors.toSet());
		var facetCodes = library.facets().stream().map(SkosLibrary.FacetEntry::code).collect(Collectors.toSet());
		var valueCodes = library.values().stream().map(SkosLibrary.ValueEntry::code).collect(Collectors.toSet());
		problems.addAll(
				kindConflicts(file.classes(), SkosLibrary.ClassEntry::code, tagCodes, terms::concept, "tag", "class"));
		problems
			.addAll(kindConflicts(file.tags(), SkosLibrary.TagEntry::code, classCodes, terms::concept, "class", "tag"));
		problems.addAll(kindConflicts(file.facets(), SkosLibrary.FacetEntry::code, valueCodes, terms::facet,
				"facet value", "facet"));
		problems.addAll(kindConflicts(file.values(), SkosLibrary.ValueEntry::code, facetCodes, terms::facet, "facet",
				"facet value"));

		Map<String, String> owners = new HashMap<>();
		for (SkosLibrary.TagEntry tag : file.tags()) {
			for (String text : tag.synonyms()) {
				String other = owners.putIfAbsent(NormalizedText.normalize(text), tag.code());
				if (other != null && !other.equals(tag.code())) {
					problems.add(ImportProblem.ofIri(null, tag.code(), "CODE_CONFLICT",
							"altLabel '%s' is also a synonym of %s; a free tag resolves to one tag".formatted(text,
									other)));
				}
			}
		}
		repository.synonymTargets(owners.keySet()).forEach((normalized, target) -> {
			String tag = owners.get(normalized);
			if (!target.equals(tag)) {
				problems.add(ImportProblem.ofIri(null, tag, "CODE_CONFLICT",
						"the free tag '%s' is already taken into the tag %s".formatted(normalized, target)));
			}
		});
		return problems;
	}

	/**
	 * The file's entries of one kind whose codes the library gives to the other kind of
	 * the same code space.
	 */
	private static <E> List<ImportProblem> kindConflicts(List<E> entries, Function<E, String> code,
			Set<String> otherKind, Function<String, String> iri, String is, String file) {
		return entries.stream()
			.map(code)
			.filter(otherKind::contains)
			.map(c -> ImportProblem.ofIri(iri.apply(c), c, "CODE_CONFLICT",
					"'%s' is a %s in the library; the file makes it a %s".formatted(c, is, file)))
			.toList();
	}

	private record Counts(int created, int updated, int unchanged) {
	}

	/**
	 * Against the library as it is: new codes are created, others updated or, if equal,
	 * unchanged.
	 */
	private static Counts counts(SkosLibrary file, SkosLibrary library) {
		boolean facets = !file.facets().isEmpty();
		Map<String, SkosLibrary.TagEntry> oldTags = byCode(library.tags(), SkosLibrary.TagEntry::code);
		List<Object> written = new ArrayList<>();
		List<Object> old = new ArrayList<>();
		file.classes().forEach(c -> written.add(c));
		file.tags().forEach(t -> {
			SkosLibrary.TagEntry before = oldTags.get(t.code());
			written.add(before == null ? t
					: new SkosLibrary.TagEntry(t.code(), t.name(), t.rule(),
							t.status() == null ? before.status() : t.status(), t.classCode(),
							facets ? t.values() : before.values(), union(before.synonyms(), t.synonyms())));
		});
		file.facets().forEach(written::add);
		file.values().forEach(written::add);
		old.addAll(library.classes());
		old.addAll(library.tags());
		old.addAll(library.facets());
		old.addAll(library.values());
		Map<String, Object> before = new HashMap<>();
		old.forEach(o -> before.put(key(o), o));
		int created = 0;
		int unchanged = 0;
		for (Object entry : written) {
			Object previous = before.get(key(entry));
			if (previous == null) {
				created++;
			}
			else if (previous.equals(entry)) {
				unchanged++;
			}
		}
		return new Counts(created, written.size() - created - unchanged, unchanged);
	}

	private static String key(Object entry) {
		if (entry instanceof SkosLibrary.ClassEntry c) {
			return "concept:" + c.code();
		}
		if (entry instanceof SkosLibrary.TagEntry t) {
			return "concept:" + t.code();
		}
		if (entry instanceof SkosLibrary.FacetEntry f) {
			return "collection:" + f.code();
		}
		return "collection:" + ((SkosLibrary.ValueEntry) entry).code();
	}

	private static List<String> union(List<String> a, List<String> b) {
		TreeSet<String> all = new TreeSet<>(a);
		all.addAll(b);
		return List.copyOf(all);
	}

	private static <T> Map<String, T> byCode(List<T> entries, Function<T, String> code) {
		Map<String, T> map = new LinkedHashMap<>();
		entries.forEach(e -> map.put(code.apply(e), e));
		return map;
	}

	// ---- the write
	// ------------------------------------------------------------------------------

	/**
	 * The file's problems, plus, for an approved import that takes the file's statuses,
	 * each status that is none.
	 */
	private List<ImportProblem> statusProblems(SkosReader.Read read, boolean approved) {
		if (!approved || read.library() == null) {
			return read.problems();
		}
		List<ImportProblem> problems = new ArrayList<>(read.problems());
		var valid = java.util.Arrays.stream(LifecycleStatus.values()).map(Enum::name).toList();
		read.library()
			.tags()
			.stream()
			.filter(t -> t.status() != null && !valid.contains(t.status()))
			.forEach(t -> problems.add(ImportProblem.ofIri(terms.concept(t.code()), t.code(), "INVALID_VALUE",
					"status '%s' is not one of %s".formatted(t.status(), String.join(", ", valid)))));
		return problems;
	}

	/**
	 * The file's tags with the status the import gives them. A draft import takes none
	 * from the file (null: new tags DRAFT, existing ones keep theirs); an approved import
	 * takes the file's (a DEPRECATED tag stays so), APPROVED where it says none, so an
	 * admin restores an exported library as it was.
	 */
	private static SkosLibrary withStatus(SkosLibrary file, boolean approved) {
		if (file == null) {
			return null;
		}
		return new SkosLibrary(file.scheme(), file.classes(),
				file.tags()
					.stream()
					.map(t -> new SkosLibrary.TagEntry(t.code(), t.name(), t.rule(),
							approved ? (t.status() == null ? LifecycleStatus.APPROVED.name() : t.status()) : null,
							t.classCode(), t.values(), t.synonyms()))
					.toList(),
				file.facets(), file.values());
	}

	/**
	 * A problem for every class, tag or facet the file would change that is in review or
	 * in force.
	 */
	private List<ImportProblem> changesToGoverned(SkosLibrary file, SkosLibrary library) {
		boolean facets = !file.facets().isEmpty();
		Map<String, SkosLibrary.ClassEntry> oldClasses = byCode(library.classes(), SkosLibrary.ClassEntry::code);
		Map<String, SkosLibrary.TagEntry> oldTags = byCode(library.tags(), SkosLibrary.TagEntry::code);
		Map<String, SkosLibrary.FacetEntry> oldFacets = byCode(library.facets(), SkosLibrary.FacetEntry::code);
		List<String> classes = file.classes()
			.stream()
			.filter(c -> oldClasses.containsKey(c.code()) && !oldClasses.get(c.code()).equals(c))
			.map(SkosLibrary.ClassEntry::code)
			.toList();
		List<String> tags = file.tags().stream().filter(t -> {
			SkosLibrary.TagEntry before = oldTags.get(t.code());
			return before != null && !before
				.equals(new SkosLibrary.TagEntry(t.code(), t.name(), t.rule(), before.status(), t.classCode(),
						facets ? t.values() : before.values(), union(before.synonyms(), t.synonyms())));
		}).map(SkosLibrary.TagEntry::code).toList();
		List<String> changedFacets = file.facets()
			.stream()
			.filter(f -> oldFacets.containsKey(f.code()) && !oldFacets.get(f.code()).equals(f))
			.map(SkosLibrary.FacetEntry::code)
			.toList();
		List<ImportProblem> problems = new ArrayList<>();
		governed(ItemKind.TAG_CLASS, classes, "class", terms::concept, problems);
		governed(ItemKind.TAG, tags, "tag", terms::concept, problems);
		governed(ItemKind.FACET, changedFacets, "facet", terms::facet, problems);
		return problems;
	}

	private void governed(ItemKind kind, List<String> changed, String noun, Function<String, String> iri,
			List<ImportProblem> problems) {
		if (changed.isEmpty()) {
			return;
		}
		gate.statuses(kind, changed).forEach((code, status) -> {
			if (status != LifecycleStatus.DRAFT) {
				problems.add(ImportProblem
					.ofIri(iri.apply(code), code, "NOT_DRAFT", ("the file changes %s '%s', which is %s: an import "
							+ "changes only drafts; propose the change through GraphQL for review, or have an admin import with "
							+ "status=APPROVED")
						.formatted(noun, code, status)));
			}
		});
	}

	private void write(SkosLibrary file, String status) {
		if (file.scheme() != null) {
			repository.createSchemeIfNone(file.scheme());
		}
		taxonomy.writeClasses(file.classes()
			.stream()
			.map(c -> new TaxonomyWriter.ClassRecord(c.code(), c.parent(), c.name(), c.criterion(), c.exclusive(),
					c.exhaustive(), c.scope(), status, c.overlapReason()))
			.toList(), TaxonomyWriter.Absent.CLEAR);
		taxonomy.writeTags(file.tags()
			.stream()
			.map(t -> new TaxonomyWriter.TagRecord(t.code(), t.classCode(), t.name(), t.rule(), t.status()))
			.toList());
		if (!file.facets().isEmpty()) {
			repository.upsertFacets(file.facets(), file.values(), status);
			repository.replaceTagValues(file.tags());
		}
		List<SkosRepository.Synonym> synonyms = new ArrayList<>();
		file.tags()
			.forEach(t -> t.synonyms()
				.forEach(text -> synonyms
					.add(new SkosRepository.Synonym(t.code(), text, NormalizedText.normalize(text)))));
		repository.mergeSynonyms(synonyms);
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
