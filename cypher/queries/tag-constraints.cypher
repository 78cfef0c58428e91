// Constraints between tags of different classes (implications and exclusions), as the GraphQL
// `tagConstraints` lists them and the rule report's CONSTRAINT_VIOLATED counts them. A class says how its
// own tags go together (exclusive, exhaustive); a (:TagConstraint) says it across classes:
//   (k:TagConstraint {kind: 'IMPLIES'})  a carrier of the IF_TAG carries at least one THEN_TAG
//   (k:TagConstraint {kind: 'EXCLUDES'}) a carrier of the IF_TAG carries none of the THEN_TAGs
//
// How to use (Neo4j Browser at http://localhost:7474/browser/ or cypher-shell): no parameters; run one
// statement at a time, or switch on "Enable multi statement query editor" to run the whole file.

// --- 1. Every constraint with its tags and their classes
MATCH (k:TagConstraint)-[:IF_TAG]->(a:Tag)
RETURN k.code AS code, k.kind AS kind, k.name AS name,
       a.code + ' ' + a.name + ' (' + [(a)-[:IN_CLASS]->(c:TagClass) | c.code][0] + ')' AS ifTag,
       COLLECT { MATCH (k)-[:THEN_TAG]->(b:Tag)
                 RETURN b.code + ' ' + b.name + ' (' + [(b)-[:IN_CLASS]->(c:TagClass) | c.code][0] + ')'
                 ORDER BY b.code } AS thenTags,
       k.reason AS reason
ORDER BY code;

// --- 2. The constraints customers break: how many, and the smallest 20 ids (no rows: none is broken)
MATCH (k:TagConstraint)-[:IF_TAG]->(a:Tag)
WITH k, a, COLLECT { MATCH (k)-[:THEN_TAG]->(b:Tag) RETURN b ORDER BY b.code } AS thens
CALL (k, a, thens) {
  MATCH (c:Customer)-[:HAS_TAG]->(a)
  WHERE (k.kind = 'EXCLUDES') = any(b IN thens WHERE EXISTS { (c)-[:HAS_TAG]->(b) })
  WITH c.id AS id ORDER BY id
  RETURN count(id) AS customers, collect(id)[..20] AS sample
}
WITH k, a, thens, customers, sample WHERE customers > 0
RETURN k.code AS code, k.kind AS kind, a.code AS ifTag, [b IN thens | b.code] AS thenTags, customers, sample
ORDER BY code;
