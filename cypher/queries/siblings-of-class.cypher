// Sibling classes (同位类) and class array (类列) of a class.
//   同位类: the other classes divided directly from the same upper class (for a first-level class: the
//           other first-level classes). The class itself is not among them.
//   类列:   the whole group, the class and its siblings, ordered by code: one division of the upper
//           class by one criterion. Rule 2 of the domain (siblings exclude each other) applies to it
//           when the upper class is marked exclusive, rule 3 (they cover it) when it is exhaustive.
//
// How to use (Neo4j Browser or cypher-shell):
//   1. set the parameter: the code of a class
// :param code => 'C01.01'
//   2. run one of the statements. Statement 1 lists the siblings, statement 2 lists the class array with
//      the division it belongs to, statement 3 draws the class array hanging from its upper class.
//   To run the whole file at once, switch on "Enable multi statement query editor" in Browser settings.
//
// No row means there is no class with that code (statement 1 also: the class has no siblings).

// --- 1. 同位类: the siblings of the class, without the class itself
MATCH (self:TagClass {code: $code})
OPTIONAL MATCH (self)-[:BROADER]->(upper:TagClass)
CALL (self, upper) {
  WITH self, upper WHERE upper IS NOT NULL
  MATCH (upper)<-[:BROADER]-(sibling:TagClass)
  WHERE sibling <> self
  RETURN sibling
  UNION
  WITH self, upper WHERE upper IS NULL
  MATCH (sibling:TagClass)
  WHERE NOT (sibling)-[:BROADER]->(:TagClass) AND sibling <> self
  RETURN sibling
}
RETURN upper.code AS upperClass,
       sibling.code AS code,
       sibling.name AS name,
       sibling.criterion AS criterion,
       COUNT { (sibling)<-[:BROADER]-(:TagClass) } AS lowerClasses,
       COUNT { (sibling)<-[:IN_CLASS]-(:Tag) } AS tags
ORDER BY code;

// --- 2. 类列: the class array the class belongs to, in order, with the division rules of the upper class
MATCH (self:TagClass {code: $code})
OPTIONAL MATCH (self)-[:BROADER]->(upper:TagClass)
CALL (upper) {
  WITH upper WHERE upper IS NOT NULL
  MATCH (upper)<-[:BROADER]-(member:TagClass)
  RETURN member
  UNION
  WITH upper WHERE upper IS NULL
  MATCH (member:TagClass)
  WHERE NOT (member)-[:BROADER]->(:TagClass)
  RETURN member
}
WITH self, upper, member ORDER BY member.code
WITH self, upper, collect(member) AS array
UNWIND range(0, size(array) - 1) AS i
WITH self, upper, array[i] AS member, i + 1 AS position, size(array) AS size
RETURN coalesce(upper.code + ' ' + upper.name, '(first-level classes)') AS upperClass,
       upper.criterion AS dividedBy,
       upper.exclusive AS exclusive,
       upper.exhaustive AS exhaustive,
       upper.scope AS scope,
       position + '/' + size AS position,
       member.code AS code,
       member.name AS name,
       member = self AS isGivenClass,
       COLLECT { MATCH (member)<-[:IN_CLASS]-(t:Tag) RETURN t.code ORDER BY t.code } AS tags
ORDER BY code;

// --- 3. The class array as a graph (Graph view): the upper class with all its lower classes and their tags,
//        or all first-level classes when the class is one
MATCH (self:TagClass {code: $code})
OPTIONAL MATCH (self)-[:BROADER]->(upper:TagClass)
CALL (upper) {
  WITH upper WHERE upper IS NOT NULL
  MATCH division = (upper)<-[:BROADER]-(member:TagClass)
  OPTIONAL MATCH tagged = (member)<-[:IN_CLASS]-(:Tag)
  RETURN division, tagged
  UNION
  WITH upper WHERE upper IS NULL
  MATCH division = (member:TagClass)
  WHERE NOT (member)-[:BROADER]->(:TagClass)
  RETURN division, null AS tagged
}
RETURN division, tagged;
