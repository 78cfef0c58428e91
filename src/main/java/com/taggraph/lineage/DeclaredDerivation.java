package com.taggraph.lineage;

/**
 * A derivation as it stands in the graph: {@code tag} derived from a field or a tag
 * ({@code source}, its code), with its transform.
 */
record DeclaredDerivation(String tag, boolean fromField, String source, String transform) {
}
