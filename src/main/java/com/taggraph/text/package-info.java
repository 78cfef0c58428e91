/**
 * Text normalisation shared by taxonomy and folksonomy: when two spellings count as one.
 */
package com.taggraph.text;
