/**
 * The class hierarchy and its tags, and the rules of the scheme that hold at write time.
 */
package com.taggraph.taxonomy;
