// Tags of a class and of every class below it, with the source systems they derive from (upstream lineage).
// A tag derives from source fields, and sometimes from other tags (a credit rating from the payment tags).
// A field lives in a table of a source system:
//   (:Tag)-[:DERIVED_FROM]->(:Tag)-...-[:DERIVED_FROM]->(:SourceField)-[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem)
// So a tag's systems are those of its own fields plus, transitively, those of the tags it derives from.
//
// How to use (Neo4j Browser or cypher-shell):
//   1. set the parameter: the code of a class. 'C03' 缴费与信用 holds the credit ratings T0315-T0317, which
//      derive from other tags as well as from fields. 'C06' holds T0604 客户综合价值分, derived from the ratings.
// :param code => 'C03'
//   2. run one of the statements:
//      1 one row per tag, with its systems
//      2 one row per source system, with the tags that need it
//      3 every lineage path as a table row
//      4 draws the lineage (Graph view)
//   To run the whole file at once, switch on "Enable multi statement query editor" in Browser settings.
//
// No row means there is no class with that code or no tag in it. A tag with an empty `systems` list has
// no lineage recorded.

// --- 1. One row per tag: where it sits, what it derives from directly, and every source system behind it
MATCH (:TagClass {code: $code})<-[:BROADER]-*(c:TagClass)<-[:IN_CLASS]-(t:Tag)
RETURN c.code AS class,
       t.code AS tag,
       t.name AS name,
       COLLECT { MATCH (t)-[:DERIVED_FROM]->(u:Tag) RETURN u.code ORDER BY u.code } AS fromTags,
       COLLECT { MATCH (t)-[:DERIVED_FROM]->(f:SourceField) RETURN f.code ORDER BY f.code } AS fromFields,
       COLLECT {
         MATCH (t)-[:DERIVED_FROM]->*(:Tag)-[:DERIVED_FROM]->(:SourceField)-[:IN_TABLE]->(:SourceTable)
               -[:IN_SYSTEM]->(s:SourceSystem)
         RETURN DISTINCT s.code + ' ' + s.name AS system ORDER BY system
       } AS systems
ORDER BY class, tag;

// --- 2. One row per source system: how many tags of the subtree need it, directly (through their own
//        fields) or only through other tags
MATCH (:TagClass {code: $code})<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(t:Tag)
MATCH lineage = (t)-[:DERIVED_FROM]->*(:Tag)-[:DERIVED_FROM]->(:SourceField)-[:IN_TABLE]->(:SourceTable)
                -[:IN_SYSTEM]->(s:SourceSystem)
WITH s, t, min(length(lineage)) = 3 AS direct
ORDER BY t.code
RETURN s.code AS system,
       s.name AS name,
       s.kind AS kind,
       count(t) AS tags,
       count(CASE WHEN direct THEN t END) AS directly,
       count(CASE WHEN NOT direct THEN t END) AS onlyThroughOtherTags,
       collect(t.code) AS tagCodes
ORDER BY system;

// --- 3. Every lineage path as a row: tag, the tags it passes through, and the field, table and system it ends in
MATCH (:TagClass {code: $code})<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(t:Tag)
MATCH lineage = (t)-[:DERIVED_FROM]->*(:Tag)-[:DERIVED_FROM]->(f:SourceField)-[:IN_TABLE]->(tb:SourceTable)
                -[:IN_SYSTEM]->(s:SourceSystem)
RETURN t.code AS tag,
       t.name AS name,
       [n IN nodes(lineage)[1..] WHERE n:Tag | n.code] AS throughTags,
       s.code AS system,
       tb.tableName AS table,
       f.code AS field,
       f.name AS fieldName
ORDER BY tag, size(throughTags), throughTags, field;

// --- 4. The lineage as a graph (Graph view): each tag with its class, down to the source systems
MATCH (:TagClass {code: $code})<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(t:Tag)
MATCH placed = (t)-[:IN_CLASS]->(:TagClass)
MATCH lineage = (t)-[:DERIVED_FROM]->*(:Tag)-[:DERIVED_FROM]->(:SourceField)-[:IN_TABLE]->(:SourceTable)
                -[:IN_SYSTEM]->(:SourceSystem)
RETURN placed, lineage;
