/**
 * The source catalogue, tag lineage, impact of source changes and the provenance of
 * assignments.
 */
package com.taggraph.lineage;
