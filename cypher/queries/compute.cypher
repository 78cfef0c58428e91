// Tag computation: rules, the lineage they give, runs and count drift. Paste one statement at a time into
// Neo4j Browser; set parameters with :param, e.g. :param code => 'T0315'.

// The rule computing a tag (its own, else its class's) and the fields and tags it reads, with the SQL.
MATCH (t:Tag {code: $code})
OPTIONAL MATCH (t)-[:IN_CLASS]->(:TagClass)-[:BROADER]->*(c:TagClass) WHERE c.ruleSql IS NOT NULL
WITH t, CASE WHEN t.ruleSql IS NOT NULL THEN t ELSE head(collect(c)) END AS owner
RETURN owner.code AS rule, owner.ruleVersion AS version, owner.ruleSql AS sql,
       [(t)-[d:DERIVED_FROM {origin: 'RULE'}]->(x) | x.code] AS reads,
       [(t)-[:DECLARED_FROM]->(x) | x.code] AS declared;

// The last computation runs with their state and how much they wrote.
MATCH (r:ComputeRun)
RETURN r.id AS run, r.state AS state, r.dryRun AS dryRun, r.startedAt AS startedAt, r.finishedAt AS finishedAt,
       r.assignmentsWritten AS written
ORDER BY r.startedAt DESC LIMIT 20;

// A tag's carrier count after each completed run, newest first.
MATCH (r:ComputeRun)-[k:COUNTED]->(:Tag {code: $code})
RETURN r.id AS run, r.finishedAt AS finishedAt, k.carriers AS carriers
ORDER BY r.finishedAt DESC;

// Count drift: computed tags whose count moved more than 20 % between their last two runs (COUNT_DRIFT).
MATCH (r:ComputeRun)-[k:COUNTED]->(t:Tag)
WITH t, r, k ORDER BY r.finishedAt DESC, r.id DESC
WITH t, collect(k.carriers) AS counts WHERE size(counts) >= 2
WITH t, counts[0] AS after, counts[1] AS before
WHERE abs(after - before) > 0.2 * CASE WHEN before > 0 THEN before ELSE 1 END
RETURN t.code AS tag, t.name AS name, before, after ORDER BY tag;

// Why a customer carries a computed tag: the run and rule version on the assignment.
MATCH (c:Customer {id: $customer})-[a:HAS_TAG {source: 'RULE'}]->(t:Tag)
RETURN t.code AS tag, a.value AS value, a.runId AS run, a.ruleVersion AS ruleVersion, a.assignedAt AS assignedAt
ORDER BY tag;

// What each source system is bound to: the tables' files, or a JDBC connection by its configured name (URL,
// user and password live in the app's configuration, never here) with what the database said it was.
MATCH (s:SourceSystem)
RETURN s.code AS system, s.jdbcConnection AS connection, s.jdbcProduct AS product, s.jdbcVersion AS version,
       s.jdbcCheckedAt AS checkedAt,
       [(t:SourceTable)-[:IN_SYSTEM]->(s) WHERE t.binding IS NOT NULL | t.code + ' ← ' + t.binding] AS files
ORDER BY system;
