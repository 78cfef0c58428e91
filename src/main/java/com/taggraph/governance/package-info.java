/**
 * The rule report: every structural and data rule of the library, checked and counted.
 */
package com.taggraph.governance;
