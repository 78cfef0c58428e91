package com.taggraph.lifecycle;

import java.util.List;

/**
 * The {@link ChangeApplier}s of one module, registered as one bean.
 *
 * @param appliers one per operation the module holds for review
 */
public record ChangeAppliers(List<ChangeApplier<?>> appliers) {

	public static ChangeAppliers of(ChangeApplier<?>... appliers) {
		return new ChangeAppliers(List.of(appliers));
	}

}
