/**
 * Tag computation (标签计算): the source data staged into an embedded DuckDB, each tag's SQL
 * rule checked, governed and run there, its lineage read from the engine's bound plan,
 * and the difference written to the graph by runs that can be resumed or rolled back.
 */
package com.taggraph.compute;
