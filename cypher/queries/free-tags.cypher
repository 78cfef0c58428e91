// The folksonomy (自由分类法): free tags on customers, and where they went in the vocabulary.
//
// How to use (Neo4j Browser at http://localhost:7474/browser/ or cypher-shell): run one statement at a
// time, or switch on "Enable multi statement query editor" in Browser settings to run the whole file.
// Statement 3 needs a parameter, e.g.
// :param text => '电动汽车'

// --- 1. Free tags by usage: customers, taggers, spellings as typed
MATCH (f:FreeTag)
WHERE NOT EXISTS { (f)-[:PROMOTED_TO|SYNONYM_OF]->(:Tag) }
OPTIONAL MATCH (c:Customer)-[r:HAS_FREE_TAG]->(f)
RETURN f.normalized AS freeTag, count(c) AS customers, count(DISTINCT r.by) AS taggers,
       collect(DISTINCT r.text) AS spellings, min(r.at) AS firstUsed, max(r.at) AS lastUsed
ORDER BY customers DESC, freeTag;

// --- 2. Pairs of free tags on the same customers (the co-occurrence signal of the clusters)
MATCH (a:FreeTag)<-[:HAS_FREE_TAG]-(c:Customer)-[:HAS_FREE_TAG]->(b:FreeTag)
WHERE a.normalized < b.normalized
RETURN a.normalized AS freeTag, b.normalized AS other, count(DISTINCT c) AS sharedCustomers
ORDER BY sharedCustomers DESC, freeTag, other;

// --- 3. One free tag as a graph: who put it on which customers, and the tag it resolves to
MATCH (f:FreeTag {normalized: toLower(trim($text))})
OPTIONAL MATCH p = (c:Customer)-[:HAS_FREE_TAG]->(f)
OPTIONAL MATCH q = (f)-[:PROMOTED_TO|SYNONYM_OF]->(t:Tag)-[:IN_CLASS]->(:TagClass)
RETURN f, p, q;

// --- 4. Free tags taken into the vocabulary, and the customers that came with them
MATCH (f:FreeTag)-[x:PROMOTED_TO|SYNONYM_OF]->(t:Tag)
RETURN f.text AS freeTag, coalesce(f.spellings, []) AS spellings, type(x) AS how, x.by AS steward,
       x.at AS at, t.code AS tag, t.name AS name, t.status AS status,
       COUNT { (:Customer)-[:HAS_TAG {source: 'FOLKSONOMY'}]->(t) } AS customers
ORDER BY at DESC;
