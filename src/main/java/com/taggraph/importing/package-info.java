/**
 * Shared import machinery: import runs, batch writers, CSV reading, crash recovery and
 * the command line.
 */
package com.taggraph.importing;
