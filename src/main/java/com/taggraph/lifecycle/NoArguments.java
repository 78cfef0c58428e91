package com.taggraph.lifecycle;

/**
 * The arguments of an operation that needs none beyond the item's code, such as a delete.
 */
public record NoArguments() {

	public static final NoArguments NONE = new NoArguments();

}
