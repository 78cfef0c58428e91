/**
 * Domain errors and their codes, the input rules every module checks, and how errors
 * reach GraphQL clients.
 */
package com.taggraph.error;
