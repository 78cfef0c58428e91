// The whole picture in one drawing: the class tree, a few tags of every class, and for each of those tags
// one lineage path down to its source system. Sized to stay under Browser's 300-node drawing limit: on the
// demo library the defaults draw about 176 nodes (57 classes, 49 tags, 40 fields, 25 tables, 5 systems),
// tagsPerClass => 2 draws about 225, withLineage => false about 106.
//
// How to use (Neo4j Browser, Graph view):
//   1. set the parameters: how many tags to show per class (0 for the class tree alone), and whether to
//      draw their lineage (field -> table -> source system)
// :param tagsPerClass => 1
// :param withLineage => true
//   2. run statement 1. Statement 2 draws the facets with their values, statement 3 draws the source
//      systems with their tables (fields left out).
//   Tip: in Browser, click a label in the result header (TagClass, Tag, ...) to pick its colour, size and caption
//   (caption "name" reads best), double-click a node to expand its neighbours.
//   To run the whole file at once, switch on "Enable multi statement query editor" in Browser settings.

// --- 1. Class tree + first tags of each class + one lineage path per tag shown
CALL () {
  // the class tree: one path from each first-level class down to each class with no lower class
  MATCH tree = (root:TagClass)<-[:BROADER]-*(leaf:TagClass)
  WHERE NOT (root)-[:BROADER]->(:TagClass) AND NOT (leaf)<-[:BROADER]-(:TagClass)
  RETURN tree AS part
  UNION ALL
  // the first tags of every class (by code), each with its shortest path to a source system
  MATCH (c:TagClass)
  CALL (c) {
    MATCH (c)<-[:IN_CLASS]-(t:Tag)
    RETURN t ORDER BY t.code LIMIT $tagsPerClass
  }
  MATCH placed = (c)<-[:IN_CLASS]-(t)
  CALL (t) {
    OPTIONAL MATCH lineage = (t)-[:DERIVED_FROM]->+(:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem)
    WHERE $withLineage
    RETURN lineage ORDER BY length(lineage), [n IN nodes(lineage) | n.code] LIMIT 1
  }
  UNWIND [p IN [placed, lineage] WHERE p IS NOT NULL] AS part
  RETURN part
}
RETURN part;

// --- 2. The facets (分面) and their values: each value hangs from its facet
MATCH facet = (:FacetValue)-[:OF_FACET]->(:Facet)
RETURN facet;

// --- 3. The source systems and their tables
MATCH source = (:SourceTable)-[:IN_SYSTEM]->(:SourceSystem)
RETURN source;
