package com.taggraph.lifecycle;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How approval writes a held change: the owning module's service method, so the module's
 * rules refuse the change if the library has moved on meanwhile. Modules register theirs,
 * one per {@link ChangeOperation}, as a {@link ChangeAppliers} bean; lifecycle finds each
 * by the pending change's kind and operation and never calls the modules itself.
 *
 * @param write the write, given the item's code and the arguments the change was held
 * with
 */
public record ChangeApplier<A>(ChangeOperation<A> operation, BiConsumer<String, A> write) {

	/** Applies a write that needs only the item's code, such as a delete. */
	public static ChangeApplier<NoArguments> byCode(ChangeOperation<NoArguments> operation, Consumer<String> write) {
		return new ChangeApplier<>(operation, (code, none) -> write.accept(code));
	}

	void apply(String code, A arguments) {
		write.accept(code, arguments);
	}

}
