// Impact (影响分析) of a source change: for a source system, table or field, every tag derived from it,
// directly or through other tags, the classes holding those tags, and the distinct customers carrying any
// of them. The same answers as the GraphQL `impact` query and the /lineage page (type a source code there):
//   (:SourceSystem)<-[:IN_SYSTEM]-(:SourceTable)<-[:IN_TABLE]-(:SourceField)<-[:DERIVED_FROM]-(:Tag)<-[:DERIVED_FROM]-*(:Tag)
//
// How to use (Neo4j Browser at http://localhost:7474/browser/ or cypher-shell):
//   1. set the parameter: a system ('S3'), a table ('S1.A_RCVBL_FLOW') or a field. 'S1.A_RCVBL_FLOW.RCVBL_YM'
//      (the billing month in 应收电费流水) feeds the payment tags, through them the credit ratings, and
//      through those the customer value score T0604.
// :param code => 'S1.A_RCVBL_FLOW.RCVBL_YM'
//   2. run one of the statements:
//      1 one row: fields in scope, affected tags, classes and distinct customers
//      2 one row per affected tag: its degree (1 = derived from a field directly), class chain and customers
//      3 one row per class holding affected tags
//      4 draws the impact (Graph view; load cypher/style.grass first): source, fields, tags, classes
//   To run the whole file at once, switch on "Enable multi statement query editor" in Browser settings.
//
// No row (statements 2-4), or zero fields in statement 1, means there is no source with that code. The
// customer counts read every assignment of the affected tags: on millions of customers, prefer the GraphQL
// `impact` query, which counts from the in-memory segment index.

// --- 1. The size of the impact in one row
CALL () {
  MATCH (f:SourceField {code: $code}) RETURN f
  UNION
  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable {code: $code}) RETURN f
  UNION
  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem {code: $code}) RETURN f
}
WITH collect(f) AS fields
CALL (fields) {
  UNWIND fields AS f
  MATCH (f)<-[:DERIVED_FROM]-(:Tag)<-[:DERIVED_FROM]-*(t:Tag)
  RETURN collect(DISTINCT t) AS tags
}
CALL (tags) {
  UNWIND tags AS t
  MATCH (t)-[:IN_CLASS]->(c:TagClass)
  RETURN count(DISTINCT c) AS classes
}
CALL (tags) {
  UNWIND tags AS t
  MATCH (customer:Customer)-[:HAS_TAG]->(t)
  RETURN count(DISTINCT customer) AS customers
}
RETURN size(fields) AS fieldsInScope,
       size(tags) AS affectedTags,
       classes AS affectedClasses,
       customers AS distinctCustomers;

// --- 2. One row per affected tag: degree is the fewest derivation hops from a field in scope
CALL () {
  MATCH (f:SourceField {code: $code}) RETURN f
  UNION
  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable {code: $code}) RETURN f
  UNION
  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem {code: $code}) RETURN f
}
MATCH derivation = (f)<-[:DERIVED_FROM]-(:Tag)<-[:DERIVED_FROM]-*(t:Tag)
WITH t, min(length(derivation)) AS degree, collect(DISTINCT f.name) AS viaFields
OPTIONAL MATCH chain = (root:TagClass)<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(t)
WHERE NOT (root)-[:BROADER]->(:TagClass)
RETURN t.code AS tag,
       t.name AS name,
       degree,
       viaFields,
       reduce(line = '', n IN nodes(chain)[..-1] |
              line + CASE WHEN line = '' THEN '' ELSE ' › ' END + n.code + ' ' + n.name) AS classChain,
       COUNT { (:Customer)-[:HAS_TAG]->(t) } AS customers
ORDER BY degree, tag;

// --- 3. One row per class holding affected tags: how many of its own tags are affected, and which
CALL () {
  MATCH (f:SourceField {code: $code}) RETURN f
  UNION
  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable {code: $code}) RETURN f
  UNION
  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem {code: $code}) RETURN f
}
MATCH (f)<-[:DERIVED_FROM]-(:Tag)<-[:DERIVED_FROM]-*(t:Tag)
WITH DISTINCT t
ORDER BY t.code
MATCH (t)-[:IN_CLASS]->(c:TagClass)
RETURN c.code AS class,
       c.name AS name,
       count(t) AS affectedTags,
       collect(t.code) AS tags
ORDER BY class;

// --- 4. The impact as a graph (Graph view): each field in scope in its table and system, the tags derived
//        from it (transitively) and their classes. A field feeding no tag still shows, with its table.
CALL () {
  MATCH (f:SourceField {code: $code}) RETURN f
  UNION
  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable {code: $code}) RETURN f
  UNION
  MATCH (f:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem {code: $code}) RETURN f
}
MATCH located = (f)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem)
OPTIONAL MATCH derived = (f)<-[:DERIVED_FROM]-(:Tag)<-[:DERIVED_FROM]-*(t:Tag)
OPTIONAL MATCH placed = (t)-[:IN_CLASS]->(:TagClass)
RETURN located, derived, placed;
