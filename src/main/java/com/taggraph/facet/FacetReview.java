package com.taggraph.facet;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.taggraph.lifecycle.ChangeApplier;
import com.taggraph.lifecycle.ChangeAppliers;
import com.taggraph.lifecycle.ChangeOperation;
import com.taggraph.lifecycle.ItemKind;
import com.taggraph.lifecycle.NoArguments;

/**
 * The facet writes (and tag classifications) that wait for review when their item is in
 * force, and how approval replays each: through {@link FacetService}, so its rules still
 * hold when the reviewer approves.
 */
@Configuration(proxyBeanMethods = false)
class FacetReview {

	static final ChangeOperation<FacetChanges> UPDATE_FACET = new ChangeOperation<>(ItemKind.FACET, "UPDATE",
			FacetChanges.class);

	static final ChangeOperation<NoArguments> DELETE_FACET = ChangeOperation.delete(ItemKind.FACET);

	static final ChangeOperation<Classification> CLASSIFY_TAG = new ChangeOperation<>(ItemKind.TAG, "CLASSIFY",
			Classification.class);

	/** The facet values a tag is given. */
	record Classification(List<String> facetValueCodes) {
	}

	@Bean
	ChangeAppliers facetAppliers(FacetService facets) {
		return ChangeAppliers.of(new ChangeApplier<>(UPDATE_FACET, facets::updateFacet),
				ChangeApplier.byCode(DELETE_FACET, facets::deleteFacet),
				new ChangeApplier<>(CLASSIFY_TAG, (code, classification) -> facets.classifyTag(code,
						classification.facetValueCodes() == null ? List.of() : classification.facetValueCodes())));
	}

}
