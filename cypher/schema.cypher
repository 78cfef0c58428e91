// TagGraph schema: a uniqueness constraint (which is also an index) on every lookup key,
// and text indexes for the name searches. Every statement is IF NOT EXISTS, so the app
// applies this file at every start, to the embedded and to an external database alike.
// You can also paste it into Neo4j Browser (enable multi-statement editing) or cypher-shell.

// Hierarchical classification (等级列举式)
CREATE CONSTRAINT tag_class_code IF NOT EXISTS FOR (c:TagClass) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT tag_code IF NOT EXISTS FOR (t:Tag) REQUIRE t.code IS UNIQUE;
CREATE TEXT INDEX tag_name_text IF NOT EXISTS FOR (t:Tag) ON (t.name);
CREATE TEXT INDEX tag_class_name_text IF NOT EXISTS FOR (c:TagClass) ON (c.name);
// constraints between tags of different classes (implications, exclusions), checked by the rule report
CREATE CONSTRAINT tag_constraint_code IF NOT EXISTS FOR (k:TagConstraint) REQUIRE k.code IS UNIQUE;

// The scheme a library came from, and the node that serialises hierarchy writes
CREATE CONSTRAINT scheme_code IF NOT EXISTS FOR (s:Scheme) REQUIRE s.code IS UNIQUE;
CREATE CONSTRAINT taxonomy_lock_name IF NOT EXISTS FOR (l:TaxonomyLock) REQUIRE l.name IS UNIQUE;

// Faceted classification (分面组配式)
CREATE CONSTRAINT facet_code IF NOT EXISTS FOR (f:Facet) REQUIRE f.code IS UNIQUE;
CREATE CONSTRAINT facet_value_code IF NOT EXISTS FOR (v:FacetValue) REQUIRE v.code IS UNIQUE;
// classes naming a customer-scope value (F4) as their scope: looked up before a value is deleted
CREATE INDEX tag_class_scope IF NOT EXISTS FOR (c:TagClass) ON (c.scope);

// Folksonomy (自由分类法): one free tag per normalised text, found by it (the SKOS import merges
// altLabels on it too); and the demo's record of what it applied
CREATE CONSTRAINT free_tag_normalized IF NOT EXISTS FOR (f:FreeTag) REQUIRE f.normalized IS UNIQUE;
CREATE CONSTRAINT demo_data_name IF NOT EXISTS FOR (d:DemoData) REQUIRE d.name IS UNIQUE;

// Data sources: codes are qualified, S1 / S1.C_CONS / S1.C_CONS.CONS_NO
CREATE CONSTRAINT source_system_code IF NOT EXISTS FOR (s:SourceSystem) REQUIRE s.code IS UNIQUE;
CREATE CONSTRAINT source_table_code IF NOT EXISTS FOR (t:SourceTable) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT source_field_code IF NOT EXISTS FOR (f:SourceField) REQUIRE f.code IS UNIQUE;

// Customers (用电客户): the account number (户号) is the key
CREATE CONSTRAINT customer_id IF NOT EXISTS FOR (c:Customer) REQUIRE c.id IS UNIQUE;

// Saved segments (客户群): the name is the key
CREATE CONSTRAINT segment_name IF NOT EXISTS FOR (s:Segment) REQUIRE s.name IS UNIQUE;

// Bulk imports: the record of each import, and what it wrote, found by its id for a rollback
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.id IS UNIQUE;
CREATE INDEX has_tag_import_id IF NOT EXISTS FOR ()-[a:HAS_TAG]-() ON (a.importId);
// Computation runs: each run by id and state (interrupted runs are found at start); the removals and value
// changes a run marks, found again when it lands or is rolled back
CREATE CONSTRAINT compute_run_id IF NOT EXISTS FOR (r:ComputeRun) REQUIRE r.id IS UNIQUE;
CREATE INDEX compute_run_state IF NOT EXISTS FOR (r:ComputeRun) ON (r.state);
CREATE INDEX has_tag_removed_by IF NOT EXISTS FOR ()-[a:HAS_TAG]-() ON (a.removedBy);
CREATE INDEX has_tag_changed_by IF NOT EXISTS FOR ()-[a:HAS_TAG]-() ON (a.changedBy);
CREATE INDEX customer_import_id IF NOT EXISTS FOR (c:Customer) ON (c.importId);

// A property key the portrait query reads before any assignment may carry it: without the key,
// Neo4j attaches an "unknown property" warning to every portrait read
CALL db.createProperty('value');

// Audit trail: append-only change events, found by node (kind, code), by time and by user
CREATE CONSTRAINT change_event_id IF NOT EXISTS FOR (e:ChangeEvent) REQUIRE e.id IS UNIQUE;
CREATE INDEX change_event_code IF NOT EXISTS FOR (e:ChangeEvent) ON (e.code);
CREATE INDEX change_event_kind_code IF NOT EXISTS FOR (e:ChangeEvent) ON (e.kind, e.code);
CREATE INDEX change_event_at IF NOT EXISTS FOR (e:ChangeEvent) ON (e.at);
CREATE INDEX change_event_by IF NOT EXISTS FOR (e:ChangeEvent) ON (e.by);
