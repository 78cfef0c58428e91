package com.taggraph.folksonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
		Map<String, List<CustomerFreeTag>> found = freeTags
			.onCustomers(customers.stream().map(Customer::id).distinct().toList());
		Map<Customer, List<CustomerFreeTag>> result = new HashMap<>();
		customers.forEach(c -> result.put(c, found.getOrDefault(c.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "Portrait", field = "freeTags")
	Map<Portrait, List<CustomerFreeTag>> portraitFreeTags(List<Portrait> portraits) {
		Map<String, List<CustomerFreeTag>> found = freeTags
			.onCustomers(portraits.stream().map(Portrait::customerId).distinct().toList());
		Map<Portrait, List<CustomerFreeTag>> result = new HashMap<>();
		portraits.forEach(p -> result.put(p, found.getOrDefault(p.customerId(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "CustomerFreeTag", field = "freeTag")
	Map<CustomerFreeTag, FreeTag> freeTagOfCustomer(List<CustomerFreeTag> list) {
		Map<String, FreeTag> found = freeTags
			.byNormalized(list.stream().map(CustomerFreeTag::normalized).distinct().toList());
		Map<CustomerFreeTag, FreeTag> result = new HashMap<>();
		list.stream()
			.filter(t -> found.containsKey(t.normalized()))
			.forEach(t -> result.put(t, found.get(t.normalized())));
		return result;
	}

	@BatchMapping(typeName = "FreeTag")
	Map<FreeTag, Tag> resolvesTo(List<FreeTag> list, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		Map<String, Tag> tags = taxonomy.tagsByCode(
				list.stream().map(FreeTag::resolvesToCode).filter(Objects::nonNull).distinct().toList(), visibility);
		Map<FreeTag, Tag> result = new HashMap<>();
		list.stream()
			.filter(f -> tags.containsKey(f.resolvesToCode()))
			.forEach(f -> result.put(f, tags.get(f.resolvesToCode())));
		return result;
	}

	@BatchMapping(typeName = "Tag")
	Map<Tag, List<String>> synonyms(List<Tag> list) {
		Map<String, List<String>> byCode = freeTags.synonyms(list.stream().map(Tag::code).distinct().toList());
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
		Map<String, Tag> tags = taxonomy.tagsByCode(
				list.stream().map(FreeTagCluster.Suggestion::tagCode).filter(Objects::nonNull).distinct().toList(),
				visibility);
		Map<FreeTagCluster.Suggestion, Tag> result = new HashMap<>();
		list.stream().filter(s -> tags.containsKey(s.tagCode())).forEach(s -> result.put(s, tags.get(s.tagCode())));
		return result;
	}

	@BatchMapping(typeName = "VocabularySuggestion")
	Map<FreeTagCluster.Suggestion, TagClass> tagClass(List<FreeTagCluster.Suggestion> list) {
		Map<String, TagClass> classes = taxonomy
			.classesByCode(list.stream().map(FreeTagCluster.Suggestion::classCode).distinct().toList());
		Map<FreeTagCluster.Suggestion, TagClass> result = new HashMap<>();
		list.stream()
			.filter(s -> classes.containsKey(s.classCode()))
			.forEach(s -> result.put(s, classes.get(s.classCode())));
		return result;
	}

}
