/**
 * SKOS interchange of the controlled vocabulary: export of the library and all-or-nothing
 * import of a SKOS file.
 */
package com.taggraph.skos;
