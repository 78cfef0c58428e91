// Provenance (来源): why a customer carries a tag, and when its tags came and went.
//
// How to use (Neo4j Browser at http://localhost:7474/browser/ or cypher-shell): run one statement at a
// time, or switch on "Enable multi statement query editor" in Browser settings to run the whole file.
// The statements need parameters, e.g.
// :param customer => '3300001647'
// :param tag => 'T0317'

// --- 1. How the tag came onto the customer: source, who, when, import or rule run
MATCH (:Customer {id: $customer})-[a:HAS_TAG]->(t:Tag {code: $tag})
RETURN t.code AS tag, t.name AS name, a.source AS source, a.by AS by, a.assignedAt AS assignedAt,
       a.importId AS importId, a.runId AS runId;

// --- 2. As a graph: the upstream tags the customer carries, and the fields and systems behind them
MATCH (cu:Customer {id: $customer})-[:HAS_TAG]->(t:Tag {code: $tag})
OPTIONAL MATCH carried = (t)-[:DERIVED_FROM*1..20]->(u:Tag)<-[:HAS_TAG]-(cu)
OPTIONAL MATCH source = (t)-[:DERIVED_FROM*0..20]->(:Tag)-[:DERIVED_FROM]->(:SourceField)
                        -[:IN_TABLE]->(:SourceTable)-[:IN_SYSTEM]->(:SourceSystem)
RETURN cu, t, carried, source;

// --- 3. The customer's tag history, oldest first: tags carried now and those taken off
MATCH (cu:Customer {id: $customer})
CALL (cu) {
  MATCH (cu)-[a:HAS_TAG]->(t:Tag)
  RETURN t.code AS tag, a.source AS source, a.by AS by, a.assignedAt AS came, null AS went,
         null AS removedBy, null AS reason
  UNION ALL
  MATCH (cu)-[:HAD_TAG]->(p:PastAssignment)
  RETURN p.tagCode AS tag, p.source AS source, p.by AS by, p.assignedAt AS came, p.removedAt AS went,
         p.removedBy AS removedBy, p.reason AS reason
}
RETURN tag, source, by, came, went, removedBy, reason
ORDER BY came, tag;
