package com.taggraph.lifecycle;

/**
 * One kind of write that waits for review when its item is in force, such as moving a
 * tag: the module owning the item declares it, holds the write with it
 * ({@link ChangeGate#holds}) and registers the {@link ChangeApplier} approval replays it
 * with.
 *
 * @param kind the kind of item it writes
 * @param name the pending change's {@code operation}: UPDATE, MOVE, DELETE, CLASSIFY...
 * @param arguments the record of arguments the write is replayed with, kept as JSON while
 * the change waits
 * @param <A> the arguments' type
 */
public record ChangeOperation<A>(ItemKind kind, String name, Class<A> arguments) {

	/** Deleting an item of the kind: it needs no arguments beyond the code. */
	public static ChangeOperation<NoArguments> delete(ItemKind kind) {
		return new ChangeOperation<>(kind, "DELETE", NoArguments.class);
	}

}
