// Governance: the audit trail. Every write through the app (GraphQL mutation or import) leaves one
// (:ChangeEvent) in its own transaction, with who (by), when (at), the operation, the node it touched
// (kind, code), its state before and after as JSON text, and the request or import id. The same
// events the GraphQL queries history(code) and changes(since, by, type) return.
//
// How to use (Neo4j Browser at http://localhost:7474/browser/ or cypher-shell): run one statement at a
// time, or switch on "Enable multi statement query editor" in Browser settings to run the whole file.
// The statements need parameters, e.g.
// :param code => 'C01'
// :param since => datetime('2026-11-27T00:00:00Z')
// :param by => 'alice'
// Events are append-only: read them, never SET or DELETE them here.

// --- 1. History of one code (a class, tag, facet, source, customer id, segment name, import id), newest first
MATCH (e:ChangeEvent {code: $code})
RETURN e.at AS at, e.by AS by, e.operation AS operation, e.kind AS kind, e.before AS before, e.after AS after,
       e.requestId AS requestId, e.importId AS importId
ORDER BY e.id DESC;

// --- 2. Changes since a time by one user, newest first
MATCH (e:ChangeEvent)
WHERE e.at >= $since AND e.by = $by
RETURN e.at AS at, e.operation AS operation, e.kind AS kind, e.code AS code, e.requestId AS requestId
ORDER BY e.id DESC
LIMIT 200;

// --- 3. Who changed what since a time: events per user, operation and kind
MATCH (e:ChangeEvent)
WHERE e.at >= $since
RETURN e.by AS by, e.operation AS operation, e.kind AS kind, count(*) AS events, max(e.at) AS last
ORDER BY events DESC, by, operation, kind;

// --- 4. Everything one request did (the X-Request-Id of a GraphQL call), in order
MATCH (e:ChangeEvent {requestId: $requestId})
RETURN e.at AS at, e.by AS by, e.operation AS operation, e.kind AS kind, e.code AS code
ORDER BY e.id;
