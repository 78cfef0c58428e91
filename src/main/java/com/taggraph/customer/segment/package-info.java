/**
 * Customer segments: tag combinations counted on an in-memory bitmap index, saved
 * segments and rule checks.
 */
package com.taggraph.customer.segment;
