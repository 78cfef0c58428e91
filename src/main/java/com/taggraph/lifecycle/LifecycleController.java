package com.taggraph.lifecycle;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import com.taggraph.customer.Portrait;
import com.taggraph.customer.segment.SavedSegment;
import com.taggraph.customer.segment.Segment;
import com.taggraph.facet.Facet;
import com.taggraph.facet.FacetService;
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TagClass;
import com.taggraph.taxonomy.TaxonomyService;
import com.taggraph.web.Connection;
import com.taggraph.web.Connections;

/**
 * GraphQL of the lifecycle: the review mutations and pending changes. The status, pending
 * change and replacement of tags, classes and facets, and the deprecation warnings of
 * segments and portraits, are served by the modules owning those types, through
 * {@link LifecycleService}'s batch reads.
 */
@Controller
class LifecycleController {

	private final LifecycleService lifecycle;

	private final Connections connections;

	LifecycleController(LifecycleService lifecycle, Connections connections) {
		this.lifecycle = lifecycle;
		this.connections = connections;
	}

	// ---- queries and mutations
	// ----------------------------------------------------------------

	@QueryMapping
	Connection<PendingChange> pendingChanges(@Argument String status, @Argument String by, @Argument ItemKind kind,
			ScrollSubrange range, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		return connections.of(lifecycle.pendingChanges(status, by, kind, Connections.position(range),
				Connections.first(range), visibility), range,
				() -> lifecycle.countPendingChanges(status, by, kind, visibility));
	}

	@QueryMapping
	PendingChange pendingChange(@Argument String id, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		return lifecycle.pendingChange(id, visibility);
	}

	@MutationMapping
	PendingChange submitForReview(@Argument ItemKind kind, @Argument String code, @Argument String comment) {
		return lifecycle.submit(kind, code, comment);
	}

	@MutationMapping
	PendingChange approveChange(@Argument String id, @Argument String comment) {
		return lifecycle.approve(id, comment);
	}

	@MutationMapping
	PendingChange rejectChange(@Argument String id, @Argument String comment) {
		return lifecycle.reject(id, comment);
	}

	@MutationMapping
	PendingChange withdrawChange(@Argument String id) {
		return lifecycle.withdraw(id);
	}

	@MutationMapping
	PendingChange deprecate(@Argument ItemKind kind, @Argument String code, @Argument String replacedBy,
			@Argument String comment) {
		return lifecycle.deprecate(kind, code, replacedBy, comment);
	}

}
