// Overview of the tag library: how big it is and how it is spread over the first-level classes,
// the tag lifecycle, the facets and the source systems.
//
// How to use (Neo4j Browser or cypher-shell): no parameters, run any statement (Table view).
// To run the whole file at once, switch on "Enable multi statement query editor" in Browser settings.

// --- 0. The library in one row: the scheme it was loaded from and its main counts
OPTIONAL MATCH (scheme:Scheme)
RETURN scheme.code AS scheme,
       scheme.name AS name,
       scheme.version AS version,
       COUNT { (c:TagClass) WHERE NOT (c)-[:BROADER]->(:TagClass) } AS firstLevelClasses,
       COUNT { (:TagClass) } AS classes,
       COUNT { (:Tag) } AS tags,
       COUNT { (:Facet) } AS facets,
       COUNT { (:FacetValue) } AS facetValues,
       COUNT { (:SourceSystem) } AS sourceSystems,
       COUNT { (:SourceField) } AS sourceFields;

// --- 1. Nodes per label (bookkeeping labels such as Scheme and TaxonomyLock included)
CALL db.labels() YIELD label
CALL (label) {
  MATCH (n:$(label))
  RETURN count(n) AS nodes
}
RETURN label, nodes
ORDER BY nodes DESC, label;

// --- 2. Relationships per type
CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) {
  MATCH ()-[r:$(type)]->()
  RETURN count(r) AS relationships
}
RETURN type, relationships
ORDER BY relationships DESC, type;

// --- 3. Per first-level class: its lower classes, how deep it goes, its tags and the source systems behind them
MATCH (root:TagClass)
WHERE NOT (root)-[:BROADER]->(:TagClass)
CALL (root) {
  OPTIONAL MATCH down = (root)<-[:BROADER]-+(:TagClass)
  RETURN 1 + coalesce(max(length(down)), 0) AS levels
}
RETURN root.code AS class,
       root.name AS name,
       root.criterion AS criterion,
       COUNT { (root)<-[:BROADER]-(:TagClass) } AS lowerClasses,
       COUNT { (root)<-[:BROADER]-+(:TagClass) } AS classesBelow,
       levels,
       COUNT { MATCH (root)<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(t:Tag) RETURN t } AS tags,
       COUNT { MATCH (root)<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(t:Tag {status: 'APPROVED'}) RETURN t } AS approvedTags,
       COLLECT {
         MATCH (root)<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(:Tag)-[:DERIVED_FROM]->*(:Tag)
               -[:DERIVED_FROM]->(:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(s:SourceSystem)
         RETURN DISTINCT s.code ORDER BY s.code
       } AS sourceSystems
ORDER BY class;

// --- 4. Tags per lifecycle status (DRAFT, IN_REVIEW, APPROVED, DEPRECATED)
MATCH (t:Tag)
RETURN coalesce(t.status, 'DRAFT') AS status, count(t) AS tags
ORDER BY tags DESC, status;

// --- 5. Tags per facet value: the faceted view of the library (every tag has one value in each facet)
MATCH (v:FacetValue)-[:OF_FACET]->(f:Facet)
RETURN f.code + ' ' + f.name AS facet,
       v.code AS value,
       v.name AS name,
       COUNT { (v)<-[:HAS_FACET_VALUE]-(:Tag) } AS tags
ORDER BY f.code, v.code;

// --- 6. Per source system: its tables and fields, and how many tags read its fields directly
MATCH (s:SourceSystem)
RETURN s.code AS system,
       s.name AS name,
       s.kind AS kind,
       COUNT { (s)<-[:IN_SYSTEM]-(:SourceTable) } AS tables,
       COUNT { (s)<-[:IN_SYSTEM]-(:SourceTable)<-[:IN_TABLE]-(:SourceField) } AS fields,
       COUNT { MATCH (s)<-[:IN_SYSTEM]-(:SourceTable)<-[:IN_TABLE]-(:SourceField)<-[:DERIVED_FROM]-(t:Tag)
               RETURN DISTINCT t } AS tagsReadingIt
ORDER BY system;
