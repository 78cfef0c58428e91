/**
 * Drafts, review and approval of classes, tags and facets; owning modules supply the
 * appliers of changes.
 */
package com.taggraph.lifecycle;
