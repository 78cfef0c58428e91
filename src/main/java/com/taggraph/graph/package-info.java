/**
 * The embedded Neo4j, its schema and startup, and the graph model: labels, relationship
 * types, status default.
 */
package com.taggraph.graph;
