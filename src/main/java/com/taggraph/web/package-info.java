/**
 * GraphQL plumbing shared by every module: request limits, request identity, keyset
 * cursors, selected fields.
 */
package com.taggraph.web;
