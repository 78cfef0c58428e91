package com.taggraph.lifecycle;

import java.util.function.BiConsumer;

/**
 * How approval writes a held change: the owning module's service method, so the module's
 * rules refuse the change if the library has moved on meanwhile. Modules register one
 * bean per {@link ChangeOperation}; lifecycle finds it by the pending change's kind and
 * operation and never calls the modules itself.
 *
 * @param write the write, given the item's code and the arguments the change was held
 * with
 */
public record ChangeApplier<A>(ChangeOperation<A> operation, BiConsumer<String, A> write) {

	void apply(String code, A arguments) {
		write.accept(code, arguments);
	}
}
