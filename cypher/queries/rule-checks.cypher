// Rule checks (规则检查): the structural and lineage checks of the GraphQL `ruleReport` and of
// GET /api/reports/rules, statement for statement. Every statement returns NO ROWS on a healthy library;
// a row is a violation, its codes first (the offending one leading). The facet checks are in
// facets-of-tags.cypher; the data checks (customers against exclusive and exhaustive classes) are
// computed by the app on its segment index: ask `ruleReport(categories: [DATA])`.
//
// How to use (Neo4j Browser at http://localhost:7474/browser/ or cypher-shell): no parameters. Run
// statement 0 first: one row per check that found something, with how many. Then run that check's
// statement to see the violations. To run the whole file at once, switch on "Enable multi statement
// query editor" in Browser settings: each statement gets its own result frame.
//
// Checks:
//   1 CLASS_CYCLE                 classes whose upper-class links run in a circle, one row per cycle
//   2 ORPHAN_CLASS                classes cut off from the tree below a cycle
//   3 ORPHAN_TAG                  tags in no class
//   4 DIVISION_WITHOUT_CRITERION  classes with lower classes but no criterion
//   5 EXHAUSTIVE_CLASS_EMPTY      exhaustive classes with no tag at or below them
//   6 NO_LINEAGE                  live tags whose derivations reach no source system
//   7 DERIVED_FROM_DEPRECATED     live tags derived from a deprecated tag

// --- 0. Summary: one row per check that found violations (no rows: the library keeps its rules)
CALL () {
  RETURN 1 AS check, 'CLASS_CYCLE' AS kind,
         COUNT { MATCH cycle = (c:TagClass)-[:BROADER]->+(c) WHERE all(n IN nodes(cycle) WHERE c.code <= n.code) } AS found
  UNION ALL
  RETURN 2 AS check, 'ORPHAN_CLASS' AS kind,
         COUNT { MATCH (c:TagClass)
                 WHERE NOT EXISTS { (c)-[:BROADER]->*(root:TagClass) WHERE NOT (root)-[:BROADER]->(:TagClass) }
                   AND NOT EXISTS { (c)-[:BROADER]->+(c) } } AS found
  UNION ALL
  RETURN 3 AS check, 'ORPHAN_TAG' AS kind,
         COUNT { MATCH (t:Tag) WHERE NOT (t)-[:IN_CLASS]->(:TagClass) } AS found
  UNION ALL
  RETURN 4 AS check, 'DIVISION_WITHOUT_CRITERION' AS kind,
         COUNT { MATCH (c:TagClass)
                 WHERE trim(coalesce(c.criterion, '')) = '' AND EXISTS { (:TagClass)-[:BROADER]->(c) } } AS found
  UNION ALL
  RETURN 5 AS check, 'EXHAUSTIVE_CLASS_EMPTY' AS kind,
         COUNT { MATCH (c:TagClass {exhaustive: true})
                 WHERE NOT EXISTS { (:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) } } AS found
  UNION ALL
  RETURN 6 AS check, 'NO_LINEAGE' AS kind,
         COUNT { MATCH (t:Tag) WHERE coalesce(t.status, '') <> 'DEPRECATED'
                 AND NOT EXISTS { (t)-[:DERIVED_FROM]->*(:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem) } } AS found
  UNION ALL
  RETURN 7 AS check, 'DERIVED_FROM_DEPRECATED' AS kind,
         COUNT { MATCH (t:Tag)-[:DERIVED_FROM]->(:Tag {status: 'DEPRECATED'})
                 WHERE coalesce(t.status, '') <> 'DEPRECATED' } AS found
}
WITH check, kind, found WHERE found > 0
RETURN check, kind, found
ORDER BY check;

// --- 1. CLASS_CYCLE: each cycle once, starting at its smallest code (Graph view draws `cycle`)
MATCH cycle = (c:TagClass)-[:BROADER]->+(c)
WHERE all(n IN nodes(cycle) WHERE c.code <= n.code)
RETURN [n IN nodes(cycle)[..-1] | n.code] AS codes, cycle;

// --- 2. ORPHAN_CLASS: not on a cycle, but the class chain (类链) never reaches a first-level class
MATCH (c:TagClass)
WHERE NOT EXISTS { (c)-[:BROADER]->*(root:TagClass) WHERE NOT (root)-[:BROADER]->(:TagClass) }
  AND NOT EXISTS { (c)-[:BROADER]->+(c) }
RETURN [c.code] + COLLECT { MATCH (c)-[:BROADER]->(u:TagClass) RETURN u.code } AS codes, c.name AS name
ORDER BY c.code;

// --- 3. ORPHAN_TAG: tags in no class appear in no class tree and no portrait section
MATCH (t:Tag) WHERE NOT (t)-[:IN_CLASS]->(:TagClass)
RETURN [t.code] AS codes, t.name AS name
ORDER BY t.code;

// --- 4. DIVISION_WITHOUT_CRITERION: one criterion per division (划分标准); codes: the class, then its lower classes
MATCH (c:TagClass)
WHERE trim(coalesce(c.criterion, '')) = '' AND EXISTS { (:TagClass)-[:BROADER]->(c) }
RETURN [c.code] + COLLECT { MATCH (c)<-[:BROADER]-(l:TagClass) RETURN l.code ORDER BY l.code } AS codes,
       c.name AS name
ORDER BY c.code;

// --- 5. EXHAUSTIVE_CLASS_EMPTY: an exhaustive class must hold tags to cover its scope
MATCH (c:TagClass {exhaustive: true})
WHERE NOT EXISTS { (:Tag)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c) }
RETURN [c.code] AS codes, c.name AS name, c.scope AS scope
ORDER BY c.code;

// --- 6. NO_LINEAGE: no path field → table → system through the tag's derivations
MATCH (t:Tag) WHERE coalesce(t.status, '') <> 'DEPRECATED'
  AND NOT EXISTS { (t)-[:DERIVED_FROM]->*(:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem) }
RETURN [t.code] AS codes, t.name AS name
ORDER BY t.code;

// --- 7. DERIVED_FROM_DEPRECATED: move the derivation to the replacement (replacedBy)
MATCH (t:Tag)-[:DERIVED_FROM]->(u:Tag {status: 'DEPRECATED'})
WHERE coalesce(t.status, '') <> 'DEPRECATED'
RETURN [t.code, u.code] AS codes, t.name AS tag, u.name AS deprecated, u.replacedBy AS replacedBy
ORDER BY t.code, u.code;
