// Lifecycle and approval: the status of classes, tags and facets (DRAFT → IN_REVIEW → APPROVED → DEPRECATED;
// none stored reads as DRAFT) and the (:PendingChange)-[:CHANGES]->(item) nodes that hold changes to
// approved items until a different reviewer decides. The same data the GraphQL queries pendingChanges,
// pendingChange and the items' status / pendingChange / replacedBy fields return.
//
// How to use (Neo4j Browser at http://localhost:7474/browser/ or cypher-shell): run one statement at a
// time, or switch on "Enable multi statement query editor" in Browser settings to run the whole file.
// Some statements need parameters, e.g.
// :param code => 'T0101'
// :param by => 'steward.li'
// Read only: approve and reject through GraphQL, so the change is validated, applied and recorded.

// --- 1. Statuses: how many classes, tags and facets stand where
UNWIND ['TagClass', 'Tag', 'Facet'] AS label
CALL (label) {
  MATCH (n) WHERE label IN labels(n)
  RETURN coalesce(n.status, 'DRAFT') AS status, count(*) AS items
}
RETURN label, status, items
ORDER BY label, status;

// --- 2. Pending changes awaiting review, oldest first, with what they change (diff is JSON text)
MATCH (p:PendingChange {status: 'PENDING'})
OPTIONAL MATCH (p)-[:CHANGES]->(item)
RETURN p.id AS id, p.kind AS kind, p.code AS code, item.name AS approvedName, p.operation AS operation,
       p.by AS proposedBy, p.at AS at, p.comment AS comment, p.diff AS diff
ORDER BY p.id;

// --- 3. The pending changes as a graph: each change and the item it would change
MATCH path = (p:PendingChange {status: 'PENDING'})-[:CHANGES]->(item)
RETURN path
LIMIT 100;

// --- 4. Every pending change of one item, whatever its status, newest first (who proposed, who decided)
MATCH (p:PendingChange {code: $code})
RETURN p.id AS id, p.operation AS operation, p.status AS status, p.by AS proposedBy, p.at AS at,
       p.reviewedBy AS reviewedBy, p.reviewedAt AS reviewedAt, p.reviewComment AS reviewComment, p.diff AS diff
ORDER BY p.id DESC;

// --- 5. One user's proposals and how they were decided
MATCH (p:PendingChange {by: $by})
RETURN p.status AS status, p.kind AS kind, p.operation AS operation, count(*) AS changes, max(p.at) AS last
ORDER BY status, kind, operation;

// --- 6. Deprecated tags, their replacements, and what still uses them: tags derived from them, customers
//        carrying them (a segment or portrait using one shows a warning)
MATCH (t:Tag {status: 'DEPRECATED'})
OPTIONAL MATCH (r:Tag {code: t.replacedBy})
RETURN t.code AS tag, t.name AS name, r.code AS replacedBy, r.name AS replacementName,
       COLLECT { MATCH (d:Tag)-[:DERIVED_FROM]->(t) RETURN d.code } AS derivedTags,
       COUNT { (t)<-[:HAS_TAG]-(:Customer) } AS customers
ORDER BY tag;

// --- 7. Every lifecycle step of one item from the audit trail, newest first
MATCH (e:ChangeEvent {code: $code})
WHERE e.operation IN ['PROPOSE', 'SUBMIT', 'APPROVE', 'REJECT', 'WITHDRAW', 'CREATE', 'UPDATE', 'MOVE', 'DELETE', 'CLASSIFY']
RETURN e.at AS at, e.by AS by, e.operation AS operation, e.kind AS kind, e.after AS after
ORDER BY e.id DESC;
