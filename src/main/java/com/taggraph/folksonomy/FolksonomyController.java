package com.taggraph.folksonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import com.taggraph.customer.Customer;
import com.taggraph.security.Visibility;
import com.taggraph.customer.Portrait;
import com.taggraph.graph.TransientRetry;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TagClass;
import com.taggraph.taxonomy.TaxonomyService;
import com.taggraph.web.BatchAnswers;
import com.taggraph.web.Connection;
import com.taggraph.web.Connections;
import com.taggraph.web.RequestUser;

/**
 * The folksonomy over GraphQL; tags and classes named by code are resolved in batches.
 */
@Controller
class FolksonomyController {

	private final FreeTagService freeTags;

	private final FreeTagClustering clustering;

	private final FreeTagIntake intake;

	private final TaxonomyService taxonomy;

	private final TransientRetry retry;

	private final Connections connections;

	FolksonomyController(FreeTagService freeTags, FreeTagClustering clustering, FreeTagIntake intake,
			TaxonomyService taxonomy, TransientRetry retry, Connections connections) {
		this.connections = connections;
		this.retry = retry;
		this.freeTags = freeTags;
		this.clustering = clustering;
		this.intake = intake;
		this.taxonomy = taxonomy;
	}

	@QueryMapping
	List<FreeTag> freeTags(@Argument FreeTagOrder orderBy, @Argument Integer first, @Argument Boolean includeResolved) {
		return freeTags.list(orderBy, first, Boolean.TRUE.equals(includeResolved));
	}

	@QueryMapping
	Connection<FreeTag> freeTagList(@Argument FreeTagOrder orderBy, @Argument Boolean includeResolved,
			ScrollSubrange range) {
		boolean resolvedToo = Boolean.TRUE.equals(includeResolved);
		return connections.of(
				freeTags.list(orderBy, resolvedToo, Connections.position(range), Connections.first(range)), range,
				() -> freeTags.count(resolvedToo));
	}

	@QueryMapping
	FreeTag freeTag(@Argument String text) {
		return freeTags.find(text);
	}

	@QueryMapping
	List<FreeTagCluster> freeTagClusters(@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return clustering.clusters(visibility);
	}

	@MutationMapping
	FreeTagService.Applied addFreeTag(@Argument String customerId, @Argument String text,
			@ContextValue(name = RequestUser.KEY) String user) {
		return freeTags.add(customerId, text, user);
	}

	@MutationMapping
	Customer removeFreeTag(@Argument String customerId, @Argument String text) {
		return freeTags.remove(customerId, text);
	}

	@MutationMapping
	FreeTagIntake.Result promoteFreeTags(@Argument FreeTagIntake.Promotion input,
			@ContextValue(name = RequestUser.KEY) String user) {
		return intake.promote(input, user);
	}

	@MutationMapping
	FreeTagIntake.Result mergeFreeTag(@Argument String text, @Argument String tagCode,
			@ContextValue(name = RequestUser.KEY) String user) {
		return intake.merge(text, tagCode, user);
	}

	// ---- a customer's free tags, served here so folksonomy depends on customer and not
	// back ----------

	@BatchMapping(typeName = "Customer", field = "freeTags")
	Map<Customer, List<CustomerFreeTag>> customerFreeTags(List<Customer> customers) {
		return BatchAnswers.many(customers, Customer::id, freeTags::onCustomers);
	}

	@BatchMapping(typeName = "Portrait", field = "freeTags")
	Map<Portrait, List<CustomerFreeTag>> portraitFreeTags(List<Portrait> portraits) {
		return BatchAnswers.many(portraits, Portrait::customerId, freeTags::onCustomers);
	}

	@BatchMapping(typeName = "CustomerFreeTag", field = "freeTag")
	Map<CustomerFreeTag, FreeTag> freeTagOfCustomer(List<CustomerFreeTag> list) {
		return BatchAnswers.one(list, CustomerFreeTag::normalized, freeTags::byNormalized);
	}

	@BatchMapping(typeName = "FreeTag")
	Map<FreeTag, Tag> resolvesTo(List<FreeTag> list, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		return BatchAnswers.one(list, FreeTag::resolvesToCode, codes -> taxonomy.tagsByCode(codes, visibility));
	}

	@BatchMapping(typeName = "Tag")
	Map<Tag, List<String>> synonyms(List<Tag> list) {
		Map<String, List<String>> byCode = freeTags.synonyms(BatchAnswers.keys(list, Tag::code));
		Map<Tag, List<String>> result = new HashMap<>();
		// the name itself is no synonym, though the free tag promoted to it may read the
		// same
		list.forEach(t -> result.put(t,
				byCode.getOrDefault(t.code(), List.of()).stream().filter(text -> !text.equals(t.name())).toList()));
		return result;
	}

	@BatchMapping(typeName = "VocabularySuggestion")
	Map<FreeTagCluster.Suggestion, Tag> tag(List<FreeTagCluster.Suggestion> list,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return BatchAnswers.one(list, FreeTagCluster.Suggestion::tagCode,
				codes -> taxonomy.tagsByCode(codes, visibility));
	}

	@BatchMapping(typeName = "VocabularySuggestion")
	Map<FreeTagCluster.Suggestion, TagClass> tagClass(List<FreeTagCluster.Suggestion> list) {
		return BatchAnswers.one(list, FreeTagCluster.Suggestion::classCode, taxonomy::classesByCode);
	}

}
