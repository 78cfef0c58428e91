/** Customers, their tag assignments and history, and portraits. */
package com.taggraph.customer;
