// Faceted classification (分面组配式): the facets, their values, and how tags sit in them.
//
// How to use (Neo4j Browser at http://localhost:7474/browser/ or cypher-shell): run one statement at a
// time, or switch on "Enable multi statement query editor" in Browser settings to run the whole file.
// Statement 3 needs parameters, e.g.
// :param values => ['F3.U3', 'F2.D2', 'F1.S3']

// --- 1. Every facet with its criterion and values; a sub-facet (亚面) lists the facet it divides
MATCH (f:Facet)
OPTIONAL MATCH (f)-[:SUB_FACET_OF]->(parent:Facet)
OPTIONAL MATCH (v:FacetValue)-[:OF_FACET]->(f)
WITH f, parent, v ORDER BY v.code
RETURN f.code AS facet, f.name AS name, f.criterion AS criterion, parent.code AS subFacetOf,
       collect(v.code + ' ' + v.name) AS values
ORDER BY facet;

// --- 2. Coverage: per top-level facet, tags with no value in it and tags with two or more
//        (a tag has exactly one value per facet; writes from outside the API can break that)
MATCH (top:Facet) WHERE NOT (top)-[:SUB_FACET_OF]->(:Facet)
MATCH (t:Tag)
WITH top, t, COUNT { (t)-[:HAS_FACET_VALUE]->(:FacetValue)-[:OF_FACET]->(:Facet)-[:SUB_FACET_OF]->*(top) } AS n
WHERE n <> 1
RETURN top.code AS facet, CASE WHEN n = 0 THEN 'no value' ELSE n + ' values' END AS problem,
       collect(t.code) AS tags
ORDER BY facet, problem;

// --- 3. Combining values (组配): tags with every given value, AND across facets
//        e.g. monthly (F3.U3), rule-based (F2.D2), from 95598 (F1.S3)
MATCH (t:Tag)
WHERE all(code IN $values WHERE EXISTS { (t)-[:HAS_FACET_VALUE]->(:FacetValue {code: code}) })
RETURN t.code AS code, t.name AS name, [(t)-[:IN_CLASS]->(c:TagClass) | c.code][0] AS class
ORDER BY code;
