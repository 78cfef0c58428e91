// Integrity check of the class hierarchy: every statement returns NO ROWS on a healthy library.
// A row is a problem to fix: each statement says what it finds. The app's mutations refuse to create
// these problems, but a CSV import into an older version, a hand-written Cypher fix or a restore from
// another tool can.
//
// How to use (Neo4j Browser or cypher-shell): no parameters. Run statement 0 first: it lists each
// check that found problems, with how many. Then run the numbered statement of that check to see them.
// To run the whole file at once, switch on "Enable multi statement query editor" in Browser settings:
// each statement gets its own result frame.
//
// Checks:
//   1 tags without a class
//   2 tags in two or more classes
//   3 classes with two or more upper classes
//   4 classes whose class chain (类链) never reaches a first-level class: they sit on or below a cycle
//   5 the BROADER cycles themselves, drawn
//   6 codes used by a class and a tag at once (classes and tags share one code space)
//   7 tags that derive from themselves through DERIVED_FROM

// --- 0. Summary: one row per check that found problems (no rows: the library is healthy)
CALL () {
  RETURN 1 AS check, 'tags without a class' AS problem,
         COUNT { MATCH (t:Tag) WHERE NOT (t)-[:IN_CLASS]->(:TagClass) } AS found
  UNION ALL
  RETURN 2 AS check, 'tags in two or more classes' AS problem,
         COUNT { MATCH (t:Tag) WHERE COUNT { (t)-[:IN_CLASS]->(:TagClass) } > 1 } AS found
  UNION ALL
  RETURN 3 AS check, 'classes with two or more upper classes' AS problem,
         COUNT { MATCH (c:TagClass) WHERE COUNT { (c)-[:BROADER]->(:TagClass) } > 1 } AS found
  UNION ALL
  RETURN 4 AS check, 'classes whose chain does not reach a first-level class' AS problem,
         COUNT { MATCH (c:TagClass)
                 WHERE NOT EXISTS { (c)-[:BROADER]->*(root:TagClass) WHERE NOT (root)-[:BROADER]->(:TagClass) } } AS found
  UNION ALL
  RETURN 5 AS check, 'classes on a BROADER cycle' AS problem,
         COUNT { MATCH (c:TagClass) WHERE EXISTS { (c)-[:BROADER]->+(c) } } AS found
  UNION ALL
  RETURN 6 AS check, 'codes used by a class and a tag' AS problem,
         COUNT { MATCH (c:TagClass) MATCH (t:Tag {code: c.code}) } AS found
  UNION ALL
  RETURN 7 AS check, 'tags deriving from themselves' AS problem,
         COUNT { MATCH (t:Tag) WHERE EXISTS { (t)-[:DERIVED_FROM]->+(t) } } AS found
}
WITH check, problem, found WHERE found > 0
RETURN check, problem, found
ORDER BY check;

// --- 1. Tags without a class: they appear in no class tree and no class chain
MATCH (t:Tag)
WHERE NOT (t)-[:IN_CLASS]->(:TagClass)
RETURN t.code AS tag, t.name AS name, t.status AS status
ORDER BY tag;

// --- 2. Tags in two or more classes: a tag sits in exactly one class
MATCH (t:Tag)
WHERE COUNT { (t)-[:IN_CLASS]->(:TagClass) } > 1
RETURN t.code AS tag, t.name AS name,
       COLLECT { MATCH (t)-[:IN_CLASS]->(c:TagClass) RETURN c.code ORDER BY c.code } AS classes
ORDER BY tag;

// --- 3. Classes with two or more upper classes: the hierarchy is a tree, each class has one upper class
MATCH (c:TagClass)
WHERE COUNT { (c)-[:BROADER]->(:TagClass) } > 1
RETURN c.code AS class, c.name AS name,
       COLLECT { MATCH (c)-[:BROADER]->(upper:TagClass) RETURN upper.code ORDER BY upper.code } AS upperClasses
ORDER BY class;

// --- 4. Classes whose class chain never reaches a first-level class: they are on a cycle or below one
MATCH (c:TagClass)
WHERE NOT EXISTS { (c)-[:BROADER]->*(root:TagClass) WHERE NOT (root)-[:BROADER]->(:TagClass) }
RETURN c.code AS class, c.name AS name,
       EXISTS { (c)-[:BROADER]->+(c) } AS onCycle,
       COUNT { (c)<-[:IN_CLASS]-(:Tag) } AS tags
ORDER BY class;

// --- 5. The BROADER cycles, one path per cycle starting at its smallest code (Graph view draws them)
MATCH cycle = (c:TagClass)-[:BROADER]->+(c)
WHERE all(n IN nodes(cycle) WHERE c.code <= n.code)
RETURN cycle, [n IN nodes(cycle) | n.code] AS codes;

// --- 6. Codes used by a class and by a tag: GraphQL's tagClass(code) and tag(code) would disagree
MATCH (c:TagClass)
MATCH (t:Tag {code: c.code})
RETURN c.code AS code, c.name AS className, t.name AS tagName
ORDER BY code;

// --- 7. Tags that derive from themselves through other tags: their lineage can never be computed
MATCH cycle = (t:Tag)-[:DERIVED_FROM]->+(t)
WHERE all(n IN nodes(cycle) WHERE t.code <= n.code)
RETURN cycle, [n IN nodes(cycle) | n.code] AS codes;
