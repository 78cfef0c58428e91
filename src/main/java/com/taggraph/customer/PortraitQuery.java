package com.taggraph.customer;

import com.taggraph.graph.GraphModel;
import com.taggraph.taxonomy.ClassChains;

/**
 * The single Cypher statement behind {@code customer(id) { tags portrait }}: the
 * customer, each assignment with its tag the caller may see ({@code $hidden}: the codes
 * hidden from them), and the class chain of every distinct class among them, in one row.
 * Public so the customer benchmark can time exactly this text against the GraphQL
 * request.
 */
public final class PortraitQuery {

	public static final String CYPHER = """
			MATCH (cu:Customer {id: $id})
			CALL (cu) {
			  OPTIONAL MATCH (cu)-[a:HAS_TAG]->(t:Tag) WHERE NOT t.code IN $hidden
			  OPTIONAL MATCH (t)-[:IN_CLASS]->(c:TagClass)
			  RETURN collect(CASE WHEN t IS NOT NULL THEN {customerId: cu.id, code: t.code, name: t.name, rule: t.rule,
			           status: %s, classCode: c.code, value: a.value,
			           assignedAt: toString(a.assignedAt), source: coalesce(a.source, 'IMPORT'), importId: a.importId,
			           by: a.by, runId: a.runId} END) AS entries,
			         collect(DISTINCT c) AS classes
			}
			CALL (classes) {
			  UNWIND classes AS c
			  MATCH path = (c)-[:BROADER]->*(root:TagClass)
			  WHERE NOT (root)-[:BROADER]->(:TagClass)
			  RETURN collect([n IN reverse(nodes(path)) | %s]) AS chains
			}
			RETURN cu.id AS id, cu.name AS name, properties(cu) AS attributes, entries, chains"""
		.formatted(GraphModel.status("t"), ClassChains.NODE_PROJECTION);

	private PortraitQuery() {
	}

}
