package com.taggraph.taxonomy;

/**
 * One reason a class scheme is refused: the line of the file, the class code and, where one
 * column is at fault, its name.
 */
public record SchemeProblem(int line, String code, String field, String message) {
}
