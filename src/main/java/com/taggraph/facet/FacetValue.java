package com.taggraph.facet;

import java.util.List;

/**
 * One value of a facet or sub-facet.
 *
 * @param topFacetCode the top-level facet above it; a tag has one value per top-level
 * facet
 * @param customersWithAnyOf for customer-scope values (F4), the customer-category tags
 * defining the scope
 */
public record FacetValue(String code, String name, String facetCode, String topFacetCode,
		List<String> customersWithAnyOf) {
}
