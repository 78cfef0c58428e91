/**
 * Free tags: normalise, cluster, promote into the controlled vocabulary and merge as
 * synonyms.
 */
package com.taggraph.folksonomy;
