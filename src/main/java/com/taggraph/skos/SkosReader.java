package com.taggraph.skos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import com.taggraph.error.InputRules;
import com.taggraph.importing.ImportProblem;
import com.taggraph.text.NormalizedText;

/**
 * Reads a SKOS graph as a TagGraph library, collecting every problem. The rules:
 * <ul>
 * <li>A concept typed {@code tg:Tag} becomes a tag in its one broader concept, which must
 * be a class; every other concept becomes a class, so a foreign thesaurus keeps all its
 * levels as class chains.</li>
 * <li>{@code broader} (or the inverse {@code narrower}) gives the upper class; a concept
 * with none is a root. Two broader concepts, or a cycle, are refused: our hierarchy is a
 * tree.</li>
 * <li>The code is the {@code notation}; without one it is the IRI's last segment, cut to
 * the code rules, with a hash of the IRI appended where two concepts would share it.</li>
 * <li>Collections typed {@code tg:Facet} (or holding collections, or in none) are facets;
 * the others are values of the facet they are a member of, and their tag members carry
 * that value.</li>
 * <li>A class's criterion (划分标准) is its {@code scopeNote}. A foreign thesaurus says how a
 * concept is divided by its narrower concepts alone, so a concept with narrower concepts,
 * no scopeNote and no {@code tg:TagClass} type gets the criterion
 * {@link #derivedCriterion}: the library keeps its rule that every division has a
 * criterion, and stewards can find and refine these. A {@code tg:TagClass} (a TagGraph
 * export) gets none, and the import refuses it if it is divided without one.</li>
 * </ul>
 */
final class SkosReader {

	private static final List<String> LANGUAGES = List.of("zh", "en", "");

	/**
	 * @param iris the IRI of each concept and collection, by the code it gets, to name
	 * them in errors
	 */
	record Read(SkosLibrary library, List<ImportProblem> problems, Map<String, String> iris) {
	}

	/** The criterion of a foreign concept that is divided but says not by what. */
	static String derivedCriterion(SkosLibrary.Scheme scheme) {
		String name = scheme == null || scheme.name() == null ? scheme == null ? null : scheme.code() : scheme.name();
		return "narrower concepts of SKOS scheme %s (no scopeNote in the file)".formatted(name == null
				? "without a name" : "'" + (name.length() > 200 ? name.substring(0, 200) + "…" : name) + "'");
	}

	private final Model model;

	private final List<ImportProblem> problems = new ArrayList<>();

	private final Map<Resource, String> codes = new HashMap<>();

	private SkosReader(Model model) {
		this.model = model;
	}

	static Read read(Model model) {
		return new SkosReader(model).read();
	}

	private Read read() {
		Set<Resource> concepts = named(resources(List.of(SKOS.Concept, SkosTerms.TAG, SkosTerms.TAG_CLASS),
				List.of(SKOS.broader, SKOS.narrower, SKOS.topConceptOf),
				List.of(SKOS.broader, SKOS.narrower, SKOS.hasTopConcept)), "concept");
		Set<Resource> collections = named(
				resources(List.of(SKOS.Collection, SKOS.OrderedCollection, SkosTerms.FACET, SkosTerms.FACET_VALUE),
						List.of(), List.of()),
				"collection");
		SkosCodes.assign(concepts, codes, problems);
		SkosCodes.assign(collections, codes, problems);

		Map<Resource, Resource> parents = parents(concepts);
		SkosLibrary.Scheme scheme = scheme();
		Set<Resource> divided = new java.util.HashSet<>();
		parents.forEach((concept, parent) -> {
			if (!concept.hasProperty(RDF.type, SkosTerms.TAG)) {
				divided.add(parent);
			}
		});
		List<SkosLibrary.ClassEntry> classes = new ArrayList<>();
		List<Resource> tagConcepts = new ArrayList<>();
		for (Resource concept : concepts) {
			if (concept.hasProperty(RDF.type, SkosTerms.TAG)) {
				tagConcepts.add(concept);
			}
			else {
				String criterion = text(concept, SKOS.scopeNote);
				if ((criterion == null || criterion.isBlank()) && divided.contains(concept)
						&& !concept.hasProperty(RDF.type, SkosTerms.TAG_CLASS)) {
					criterion = derivedCriterion(scheme);
				}
				classes.add(new SkosLibrary.ClassEntry(code(concept), name(concept), criterion,
						flag(concept, SkosTerms.EXCLUSIVE), flag(concept, SkosTerms.EXHAUSTIVE),
						plain(concept, SkosTerms.SCOPE), code(parents.get(concept)),
						text(concept, SkosTerms.OVERLAP_REASON)));
			}
		}
		Facets facets = facets(facetCollections(collections, Set.copyOf(tagConcepts)), Set.copyOf(tagConcepts));
		List<SkosLibrary.TagEntry> tags = new ArrayList<>();
		Set<Resource> withNarrower = new LinkedHashSet<>(parents.values());
		for (Resource tag : tagConcepts) {
			Resource parent = parents.get(tag);
			if (parent == null || parent.hasProperty(RDF.type, SkosTerms.TAG)) {
				problem(tag, "tag concept needs one broader concept that is a class; it has "
						+ (parent == null ? "none" : "the tag " + code(parent)));
			}
			if (withNarrower.contains(tag)) {
				problem(tag, "tag concept has narrower concepts; only classes may");
			}
			tags.add(new SkosLibrary.TagEntry(code(tag), name(tag), text(tag, SKOS.definition),
					plain(tag, SkosTerms.STATUS), code(parent), facets.valuesOf(tag), synonyms(tag)));
		}
		classes.sort(Comparator.comparing(SkosLibrary.ClassEntry::code));
		tags.sort(Comparator.comparing(SkosLibrary.TagEntry::code));
		Map<String, String> iris = new HashMap<>();
		codes.forEach((resource, code) -> iris.putIfAbsent(code, resource.getURI()));
		return new Read(new SkosLibrary(scheme, classes, tags, facets.facets, facets.values), problems, iris);
	}

	// ---- what is a concept, and its code
	// --------------------------------------------------------

	/**
	 * Subjects typed with any of the types, subjects of the properties and resource
	 * objects of others.
	 */
	private Set<Resource> resources(List<Resource> types, List<Property> asSubject, List<Property> asObject) {
		Set<Resource> found = new LinkedHashSet<>();
		types.forEach(type -> model.listSubjectsWithProperty(RDF.type, type).forEachRemaining(found::add));
		asSubject.forEach(p -> model.listSubjectsWithProperty(p).forEachRemaining(found::add));
		asObject.forEach(p -> model.listObjectsOfProperty(p).forEachRemaining(o -> {
			if (o.isResource()) {
				found.add(o.asResource());
			}
		}));
		return found;
	}

	/**
	 * The IRI-named ones, in IRI order (so codes and errors come out the same every
	 * time); blank nodes are refused.
	 */
	private Set<Resource> named(Set<Resource> resources, String kind) {
		Set<Resource> named = new TreeSet<>(Comparator.comparing(Resource::getURI));
		for (Resource r : resources) {
			if (r.isURIResource()) {
				named.add(r);
			}
			else {
				problems.add(ImportProblem.general("INVALID_VALUE",
						"a %s without an IRI (blank node %s) cannot be given a stable code".formatted(kind,
								r.getId())));
			}
		}
		return named;
	}

	private String code(Resource r) {
		return r == null ? null : codes.get(r);
	}

	// ---- the hierarchy
	// ------------------------------------------------------------------------

	/** Each concept's one broader concept; two are refused, and so is any cycle. */
	private Map<Resource, Resource> parents(Set<Resource> concepts) {
		Map<Resource, Set<Resource>> broader = new LinkedHashMap<>();
		concepts.forEach(c -> broader.put(c, new TreeSet<>(Comparator.comparing(Resource::getURI))));
		concepts.forEach(c -> {
			c.listProperties(SKOS.broader).forEachRemaining(s -> link(broader, c, s.getObject()));
			c.listProperties(SKOS.narrower).forEachRemaining(s -> {
				if (s.getObject().isURIResource()) {
					link(broader, s.getObject().asResource(), c);
				}
			});
		});
		Map<Resource, Resource> parents = new LinkedHashMap<>();
		broader.forEach((concept, uppers) -> {
			if (uppers.size() > 1) {
				problem(concept, "has %d broader concepts (%s); TagGraph's hierarchy is a tree, so keep one".formatted(
						uppers.size(),
						uppers.stream().map(u -> code(u) + " <" + u.getURI() + ">").collect(Collectors.joining(", "))));
			}
			if (!uppers.isEmpty()) {
				parents.put(concept, uppers.iterator().next());
			}
		});
		for (List<Resource> cycle : cycles(parents)) {
			problem(cycle.get(0), "cycle in broader: "
					+ cycle.stream().map(r -> code(r) + " <" + r.getURI() + ">").collect(Collectors.joining(" → "))
					+ " → " + code(cycle.get(0)));
		}
		return parents;
	}

	private static void link(Map<Resource, Set<Resource>> broader, Resource concept, RDFNode upper) {
		if (upper.isURIResource() && broader.containsKey(concept)) {
			broader.get(concept).add(upper.asResource());
		}
	}

	/**
	 * Every cycle of a child → parent map, each once, starting at its smallest member.
	 */
	static <T> List<List<T>> cycles(Map<T, T> parents) {
		List<List<T>> cycles = new ArrayList<>();
		Set<T> done = new java.util.HashSet<>();
		for (T start : parents.keySet()) {
			List<T> path = new ArrayList<>();
			Map<T, Integer> onPath = new HashMap<>();
			T node = start;
			while (node != null && !done.contains(node)) {
				if (onPath.containsKey(node)) {
					cycles.add(List.copyOf(path.subList(onPath.get(node), path.size())));
					break;
				}
				onPath.put(node, path.size());
				path.add(node);
				node = parents.get(node);
			}
			done.addAll(path);
		}
		return cycles;
	}

	// ---- facets
	// -------------------------------------------------------------------------------

	private final class Facets {

		final List<SkosLibrary.FacetEntry> facets = new ArrayList<>();

		final List<SkosLibrary.ValueEntry> values = new ArrayList<>();

		final Map<Resource, List<String>> tagValues = new HashMap<>();

		List<String> valuesOf(Resource tag) {
			return tagValues.getOrDefault(tag, List.of()).stream().sorted().toList();
		}

	}

	/**
	 * The collections that describe tags: typed {@code tg:Facet} or
	 * {@code tg:FacetValue}, or holding a tag concept, directly or through member
	 * collections. A foreign thesaurus's collections group concepts that become classes;
	 * they mean no facet and are left out rather than made into facets without values or
	 * criteria.
	 */
	private static Set<Resource> facetCollections(Set<Resource> collections, Set<Resource> tags) {
		Set<Resource> kept = new LinkedHashSet<>();
		for (Resource c : collections) {
			if (c.hasProperty(RDF.type, SkosTerms.FACET) || c.hasProperty(RDF.type, SkosTerms.FACET_VALUE)
					|| holdsTag(c, collections, tags, new java.util.HashSet<>())) {
				kept.add(c);
			}
		}
		return kept;
	}

	private static boolean holdsTag(Resource c, Set<Resource> collections, Set<Resource> tags, Set<Resource> seen) {
		if (!seen.add(c)) {
			return false;
		}
		for (RDFNode member : c.listProperties(SKOS.member).mapWith(Statement::getObject).toList()) {
			if (member.isResource() && (tags.contains(member.asResource()) || collections.contains(member.asResource())
					&& holdsTag(member.asResource(), collections, tags, seen))) {
				return true;
			}
		}
		return false;
	}

	private Facets facets(Set<Resource> collections, Set<Resource> tags) {
		Facets result = new Facets();
		Map<Resource, Set<Resource>> containers = new HashMap<>();
		for (Resource c : collections) {
			for (RDFNode member : c.listProperties(SKOS.member).mapWith(Statement::getObject).toList()) {
				if (member.isResource() && collections.contains(member.asResource())) {
					containers.computeIfAbsent(member.asResource(), k -> new LinkedHashSet<>()).add(c);
				}
			}
		}
		Function<Resource, Boolean> isFacet = c -> c.hasProperty(RDF.type, SkosTerms.FACET)
				|| !c.hasProperty(RDF.type, SkosTerms.FACET_VALUE)
						&& (!containers.containsKey(c) || c.listProperties(SKOS.member)
							.toList()
							.stream()
							.anyMatch(s -> collections.contains(s.getObject())));
		Map<Resource, Resource> facetParents = new LinkedHashMap<>();
		Map<Resource, Resource> valueFacets = new LinkedHashMap<>();
		for (Resource c : collections) {
			Set<Resource> in = containers.getOrDefault(c, Set.of());
			if (in.size() > 1) {
				problem(c, "is a member of %d collections (%s); a facet or value belongs to one".formatted(in.size(),
						in.stream().map(this::code).sorted().collect(Collectors.joining(", "))));
			}
			Resource container = in.isEmpty() ? null : in.iterator().next();
			if (container != null && !isFacet.apply(container)) {
				problem(c, "is a member of the value %s; only facets hold values and sub-facets"
					.formatted(code(container)));
			}
			if (isFacet.apply(c)) {
				if (container != null) {
					facetParents.put(c, container);
				}
				String criterion = text(c, SKOS.scopeNote);
				if (criterion == null || criterion.isBlank()) {
					// the facet rule: each facet and sub-facet divides by exactly one
					// criterion
					problem(c, "facet has no criterion: give it a skos:scopeNote");
				}
				result.facets.add(new SkosLibrary.FacetEntry(code(c), name(c), criterion, code(container)));
			}
			else {
				if (container == null) {
					problem(c, "facet value belongs to no facet");
				}
				valueFacets.put(c, container);
				result.values.add(new SkosLibrary.ValueEntry(code(c), name(c), code(container)));
				c.listProperties(SKOS.member).mapWith(Statement::getObject).forEachRemaining(member -> {
					if (member.isResource() && tags.contains(member.asResource())) {
						result.tagValues.computeIfAbsent(member.asResource(), k -> new ArrayList<>()).add(code(c));
					}
				});
			}
		}
		List<List<Resource>> cycles = cycles(facetParents);
		cycles.forEach(cycle -> problem(cycle.get(0),
				"cycle in sub-facets: " + cycle.stream().map(this::code).collect(Collectors.joining(" → "))));
		if (cycles.isEmpty()) {
			oneValuePerFacet(result, facetParents, valueFacets);
		}
		result.facets.sort(Comparator.comparing(SkosLibrary.FacetEntry::code));
		result.values.sort(Comparator.comparing(SkosLibrary.ValueEntry::code));
		return result;
	}

	/**
	 * Every tag has at most one value in each top-level facet, as classifyTag demands.
	 */
	private void oneValuePerFacet(Facets result, Map<Resource, Resource> facetParents,
			Map<Resource, Resource> valueFacets) {
		Map<String, String> topFacet = new HashMap<>();
		valueFacets.forEach((value, facet) -> {
			Resource top = facet;
			while (top != null && facetParents.containsKey(top)) {
				top = facetParents.get(top);
			}
			topFacet.put(code(value), code(top));
		});
		result.tagValues.forEach((tag, values) -> values.stream()
			.collect(Collectors.groupingBy(v -> String.valueOf(topFacet.get(v)), LinkedHashMap::new,
					Collectors.toList()))
			.forEach((top, inFacet) -> {
				if (inFacet.size() > 1) {
					problem(tag, "has %d values of facet %s (%s); a tag has one value per facet"
						.formatted(inFacet.size(), top, String.join(", ", inFacet.stream().sorted().toList())));
				}
			}));
	}

	// ---- labels and notes
	// ---------------------------------------------------------------------

	private SkosLibrary.Scheme scheme() {
		List<Resource> schemes = model.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme)
			.toList()
			.stream()
			.filter(Resource::isURIResource)
			.sorted(Comparator.comparing(Resource::getURI))
			.toList();
		if (schemes.isEmpty()) {
			return null;
		}
		Resource s = schemes.get(0);
		String notation = smallest(s.listProperties(SKOS.notation).toList());
		String name = best(s, DCTerms.title);
		return new SkosLibrary.Scheme(notation != null ? notation : SkosCodes.codeFromIri(s.getURI()),
				name != null ? name : best(s, SKOS.prefLabel), plain(s, OWL.versionInfo), best(s, DCTerms.description));
	}

	private String name(Resource r) {
		String name = best(r, SKOS.prefLabel);
		if (name == null) {
			name = best(r, RDFS.label);
		}
		if (name == null) {
			name = code(r);
		}
		String problem = InputRules.nameProblem(name, InputRules.MAX_NAME);
		if (problem != null) {
			problem(r, "prefLabel: " + problem);
		}
		return name;
	}

	private List<String> synonyms(Resource tag) {
		String name = best(tag, SKOS.prefLabel);
		// every spelling: several that normalise alike (ＶＩＰ, vip) become one free tag
		// with those spellings
		Set<String> texts = new TreeSet<>();
		tag.listProperties(SKOS.altLabel)
			.toList()
			.stream()
			.filter(s -> s.getObject().isLiteral())
			.map(s -> s.getLiteral().getLexicalForm())
			.sorted()
			.forEach(text -> {
				String normalized = NormalizedText.normalize(text);
				if (normalized.isEmpty() || text.codePointCount(0, text.length()) > InputRules.MAX_FREE_TAG) {
					problem(tag, "altLabel '%s' is not a valid free tag (empty, or over %d characters)".formatted(text,
							InputRules.MAX_FREE_TAG));
				}
				else if (!text.equals(name)) {
					texts.add(text);
				}
			});
		return List.copyOf(texts);
	}

	/** The text in the first language of zh, en, none (then any, by language tag). */
	private static String best(Resource r, Property p) {
		List<Literal> literals = r.listProperties(p)
			.toList()
			.stream()
			.filter(s -> s.getObject().isLiteral())
			.map(Statement::getLiteral)
			.toList();
		return literals.stream()
			.min(Comparator.comparingInt((Literal l) -> rank(l.getLanguage()))
				.thenComparing(Literal::getLanguage)
				.thenComparing(Literal::getLexicalForm))
			.map(l -> l.getLexicalForm().strip())
			.filter(s -> !s.isEmpty())
			.orElse(null);
	}

	private static int rank(String language) {
		String primary = language.toLowerCase(java.util.Locale.ROOT).split("-")[0];
		int i = LANGUAGES.indexOf(primary);
		return i < 0 ? LANGUAGES.size() : i;
	}

	private static String text(Resource r, Property p) {
		return best(r, p);
	}

	private static String plain(Resource r, Property p) {
		return smallest(r.listProperties(p).toList());
	}

	private static boolean flag(Resource r, Property p) {
		String value = plain(r, p);
		return "true".equals(value) || "1".equals(value);
	}

	static String smallest(Collection<Statement> statements) {
		return statements.stream()
			.filter(s -> s.getObject().isLiteral())
			.map(s -> s.getLiteral().getLexicalForm().strip())
			.filter(s -> !s.isEmpty())
			.sorted()
			.findFirst()
			.orElse(null);
	}

	private void problem(Resource r, String message) {
		problems.add(ImportProblem.ofIri(r.getURI(), code(r), "INVALID_VALUE", message));
	}

}
