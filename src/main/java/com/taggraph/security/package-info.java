/**
 * Who may do what: users, roles, authentication and the authorisation of GraphQL fields.
 */
package com.taggraph.security;
