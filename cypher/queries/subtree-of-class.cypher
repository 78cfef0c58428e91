// Subtree of a class: the class, every class below it (下位类, their lower classes, ...) and the tags
// in all of them.
//
// How to use (Neo4j Browser or cypher-shell):
//   1. set the parameter: the code of a class, e.g. a first-level class 'C07' or a leaf such as 'C01.01'
// :param code => 'C07'
//   2. run one of the statements. Statement 1 draws the subtree, statement 2 lists its classes in tree
//      order with their tags, statement 3 lists its tags, one per row.
//   To run the whole file at once, switch on "Enable multi statement query editor" in Browser settings.
//
// No row means there is no class with that code. For a large first-level class the drawing may exceed
// Browser's node limit (setting "initialNodeDisplay", 300 by default), use the tables then.

// --- 1. The subtree as a graph (Graph view): BROADER from each class up to the given class, IN_CLASS from each tag
MATCH (top:TagClass {code: $code})
MATCH down = (top)<-[:BROADER]-*(c:TagClass)
OPTIONAL MATCH tagged = (c)<-[:IN_CLASS]-(:Tag)
RETURN down, tagged;

// --- 2. The subtree as an indented table, in tree order (each class right after its upper class)
MATCH (top:TagClass {code: $code})
MATCH down = (top)<-[:BROADER]-*(c:TagClass)
WITH c, length(down) AS depth, [n IN nodes(down) | n.code] AS treeOrder
RETURN COUNT { (c)-[:BROADER]->+(:TagClass) } + 1 AS level,
       reduce(indent = '', i IN range(1, depth) | indent + '    ') + c.code + ' ' + c.name AS class,
       c.criterion AS criterion,
       c.exclusive AS exclusive,
       c.exhaustive AS exhaustive,
       c.scope AS scope,
       COUNT { (c)<-[:BROADER]-(:TagClass) } AS lowerClasses,
       COUNT { (c)<-[:IN_CLASS]-(:Tag) } AS tags,
       COLLECT { MATCH (c)<-[:IN_CLASS]-(t:Tag) RETURN t.code + ' ' + t.name ORDER BY t.code } AS tagList
ORDER BY treeOrder;

// --- 3. Every tag of the subtree, with the class it sits in, classes in tree order, tags by code
MATCH (top:TagClass {code: $code})
MATCH down = (top)<-[:BROADER]-*(c:TagClass)<-[:IN_CLASS]-(t:Tag)
RETURN c.code AS classCode,
       c.name AS className,
       t.code AS tagCode,
       t.name AS tagName,
       t.status AS status,
       t.rule AS rule
ORDER BY [n IN nodes(down) WHERE n:TagClass | n.code], t.code;
