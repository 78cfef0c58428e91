package com.taggraph.taxonomy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.lifecycle.ChangeApplier;
import com.taggraph.lifecycle.ChangeAppliers;
import com.taggraph.lifecycle.ChangeOperation;
import com.taggraph.lifecycle.ItemKind;
import com.taggraph.lifecycle.NoArguments;

/**
 * The class and tag writes that wait for review when their item is in force, and how
 * approval replays each: through {@link TaxonomyService}, so the hierarchy's rules still
 * hold when the reviewer approves.
 */
@Configuration(proxyBeanMethods = false)
class TaxonomyReview {

	static final ChangeOperation<TagClassChanges> UPDATE_CLASS = new ChangeOperation<>(ItemKind.TAG_CLASS, "UPDATE",
			TagClassChanges.class);

	static final ChangeOperation<ClassMove> MOVE_CLASS = new ChangeOperation<>(ItemKind.TAG_CLASS, "MOVE",
			ClassMove.class);

	static final ChangeOperation<NoArguments> DELETE_CLASS = ChangeOperation.delete(ItemKind.TAG_CLASS);

	static final ChangeOperation<TagChanges> UPDATE_TAG = new ChangeOperation<>(ItemKind.TAG, "UPDATE",
			TagChanges.class);

	static final ChangeOperation<TagMove> MOVE_TAG = new ChangeOperation<>(ItemKind.TAG, "MOVE", TagMove.class);

	static final ChangeOperation<NoArguments> DELETE_TAG = ChangeOperation.delete(ItemKind.TAG);

	/** Where a class moves: under this class, or to the root when null. */
	record ClassMove(String newParentCode) {
	}

	/** The class a tag moves into. */
	record TagMove(String classCode) {
	}

	@Bean
	ChangeAppliers taxonomyAppliers(TaxonomyService taxonomy) {
		return ChangeAppliers.of(new ChangeApplier<>(UPDATE_CLASS, taxonomy::updateTagClass),
				new ChangeApplier<>(MOVE_CLASS, (code, move) -> taxonomy.moveTagClass(code, move.newParentCode())),
				ChangeApplier.byCode(DELETE_CLASS, taxonomy::deleteTagClass),
				new ChangeApplier<>(UPDATE_TAG, taxonomy::updateTag),
				new ChangeApplier<>(MOVE_TAG, (code, move) -> taxonomy.moveTag(code, move.classCode())),
				ChangeApplier.byCode(DELETE_TAG, taxonomy::deleteTag));
	}

}
