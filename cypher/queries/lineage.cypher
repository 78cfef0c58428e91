// Lineage (血缘) of a tag. Upstream: the fields, tables and source systems its data comes from, directly or
// through the tags it is derived from (a credit rating from the payment-timeliness tags). Downstream: the
// tags derived from it. The same answers as the GraphQL `lineage` query and the /lineage page:
//   (:Tag)-[:DERIVED_FROM]->*(:Tag)-[:DERIVED_FROM]->(:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem)
//
// How to use (Neo4j Browser at http://localhost:7474/browser/ or cypher-shell):
//   1. set the parameter: the code of a tag. 'T0315' 信用A级(优良) is derived from the payment tags
//      T0307-T0311, the theft-record tags T0505-T0506 and fields of 营销业务应用系统 directly.
// :param code => 'T0315'
//   2. run one of the statements:
//      1 draws the upstream lineage and the tag's class (Graph view; load cypher/style.grass first for
//        colours per label and names as captions)
//      2 the one-line answer: one row per source system, with the tables and fields used
//      3 every path from the tag to a source system as a row, shortest first
//      4 draws the downstream lineage: the tags derived from this one, transitively, with their classes
//   To run the whole file at once, switch on "Enable multi statement query editor" in Browser settings.
//
// No row means there is no tag with that code, or it has no lineage recorded. Derivations between tags
// never form a cycle (deriveTag refuses one), so the unbounded patterns end.

// --- 1. Upstream lineage as a graph (Graph view): tag → ... → field → table → system, and tag → class
MATCH (tag:Tag {code: $code})
OPTIONAL MATCH placed = (tag)-[:IN_CLASS]->(:TagClass)
OPTIONAL MATCH lineage = (tag)-[:DERIVED_FROM]->*(:Tag)-[:DERIVED_FROM]->(:SourceField)-[:IN_TABLE]->(:SourceTable)
                         -[:IN_SYSTEM]->(:SourceSystem)
RETURN placed, lineage;

// --- 2. One row per source system: its tables the tag needs, each with the fields used
MATCH (:Tag {code: $code})-[:DERIVED_FROM]->*(:Tag)-[:DERIVED_FROM]->(f:SourceField)-[:IN_TABLE]->(tb:SourceTable)
      -[:IN_SYSTEM]->(s:SourceSystem)
WITH DISTINCT s, tb, f
ORDER BY f.name
WITH s, tb, collect(f.name) AS fields
ORDER BY tb.tableName
RETURN s.code AS system,
       s.name AS name,
       s.kind AS kind,
       collect(tb.tableName + ' ' + coalesce(tb.name, '') + ': '
               + reduce(line = '', name IN fields | line + CASE WHEN line = '' THEN '' ELSE ', ' END + name)) AS tables
ORDER BY system;

// --- 3. Every path to a source system as a row: the tags it passes through, the field, table and system,
//        and its length (3 hops for a field the tag is derived from directly: tag → field → table → system)
MATCH lineage = (:Tag {code: $code})-[:DERIVED_FROM]->*(:Tag)-[:DERIVED_FROM]->(f:SourceField)-[:IN_TABLE]->(tb:SourceTable)
                -[:IN_SYSTEM]->(s:SourceSystem)
RETURN [n IN nodes(lineage)[1..] WHERE n:Tag | n.code] AS throughTags,
       f.code AS field,
       tb.name AS tableName,
       s.code + ' ' + s.name AS system,
       length(lineage) AS hops
ORDER BY hops, field, throughTags;

// --- 4. Downstream lineage as a graph (Graph view): every tag derived from this one, and the classes they sit in
MATCH (tag:Tag {code: $code})
OPTIONAL MATCH downstream = (tag)<-[:DERIVED_FROM]-+(derived:Tag)
OPTIONAL MATCH placed = (derived)-[:IN_CLASS]->(:TagClass)
RETURN tag, downstream, placed;
