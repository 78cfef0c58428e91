// Class chain (类链) of a tag: the first-level class, every class below it down to the tag's own class,
// and the tag itself, root first.
//
// How to use (Neo4j Browser at http://localhost:7474/browser/ or cypher-shell):
//   1. set the parameter: the code of a tag (codes are case-sensitive)
// :param code => 'T0703'
//   2. run one of the statements below. Statement 1 draws the chain as a graph, statement 2 lists it
//      as a table, one row per level, statement 3 gives it as one breadcrumb line.
//   To run the whole file at once, switch on "Enable multi statement query editor" in Browser settings.
//
// No row means: there is no tag with that code, or its class chain does not reach a first-level class
// (run orphans-and-cycles.cypher). More than one row in statement 3 means the tag sits in two classes.

// --- 1. The chain as a path (Graph view): written root first, so nodes(chain)[0] is the first-level class
MATCH chain = (root:TagClass)<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(tag:Tag {code: $code})
WHERE NOT (root)-[:BROADER]->(:TagClass)
RETURN chain;

// --- 2. The chain as a table (Table view): position 1 is the first-level class (level 1), the last row is the tag
MATCH chain = (root:TagClass)<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(tag:Tag {code: $code})
WHERE NOT (root)-[:BROADER]->(:TagClass)
UNWIND range(0, length(chain)) AS i
WITH i, nodes(chain)[i] AS n
RETURN i + 1 AS position,
       CASE WHEN n:Tag THEN 'tag' ELSE 'class' END AS kind,
       n.code AS code,
       n.name AS name,
       n.criterion AS criterion,
       n.exclusive AS exclusive,
       n.exhaustive AS exhaustive,
       n.scope AS scope,
       n.rule AS rule,
       n.status AS status
ORDER BY position;

// --- 3. The chain as one breadcrumb line, e.g. "C07 新兴业务与能源 › … › T0703 …"
MATCH chain = (root:TagClass)<-[:BROADER]-*(:TagClass)<-[:IN_CLASS]-(tag:Tag {code: $code})
WHERE NOT (root)-[:BROADER]->(:TagClass)
RETURN tag.code AS tag,
       length(chain) AS classes,
       reduce(line = '', n IN nodes(chain) |
              line + CASE WHEN line = '' THEN '' ELSE ' › ' END + n.code + ' ' + n.name) AS classChain;
