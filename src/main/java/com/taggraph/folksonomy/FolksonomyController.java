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
import org.springframework.stereotype.Controller;

import com.taggraph.customer.Customer;
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TagClass;
import com.taggraph.taxonomy.TaxonomyService;
import com.taggraph.web.RequestUser;

/** The folksonomy over GraphQL; tags and classes named by code are resolved in batches. */
@Controller
class FolksonomyController {

	private final FreeTagService freeTags;
	private final FreeTagClustering clustering;
	private final FreeTagIntake intake;
	private final TaxonomyService taxonomy;

	FolksonomyController(FreeTagService freeTags, FreeTagClustering clustering, FreeTagIntake intake,
			TaxonomyService taxonomy) {
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

	@BatchMapping(typeName = "FreeTag")
	Map<FreeTag, Tag> resolvesTo(List<FreeTag> list, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		Map<String, Tag> tags = taxonomy.tagsByCode(
				list.stream().map(FreeTag::resolvesToCode).filter(Objects::nonNull).distinct().toList(), visibility);
		Map<FreeTag, Tag> result = new HashMap<>();
		list.stream().filter(f -> tags.containsKey(f.resolvesToCode()))
			.forEach(f -> result.put(f, tags.get(f.resolvesToCode())));
		return result;
	}

	@BatchMapping(typeName = "Tag")
	Map<Tag, List<String>> synonyms(List<Tag> list) {
		Map<String, List<String>> byCode = freeTags.synonyms(list.stream().map(Tag::code).distinct().toList());
		Map<Tag, List<String>> result = new HashMap<>();
		// the name itself is no synonym, though the free tag promoted to it may read the same
		list.forEach(t -> result.put(t, byCode.getOrDefault(t.code(), List.of()).stream()
			.filter(text -> !text.equals(t.name())).toList()));
		return result;
	}

	@BatchMapping(typeName = "VocabularySuggestion")
	Map<FreeTagCluster.Suggestion, Tag> tag(List<FreeTagCluster.Suggestion> list, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		Map<String, Tag> tags = taxonomy.tagsByCode(
				list.stream().map(FreeTagCluster.Suggestion::tagCode).filter(Objects::nonNull).distinct().toList(),
				visibility);
		Map<FreeTagCluster.Suggestion, Tag> result = new HashMap<>();
		list.stream().filter(s -> tags.containsKey(s.tagCode())).forEach(s -> result.put(s, tags.get(s.tagCode())));
		return result;
	}

	@BatchMapping(typeName = "VocabularySuggestion")
	Map<FreeTagCluster.Suggestion, TagClass> tagClass(List<FreeTagCluster.Suggestion> list) {
		Map<String, TagClass> classes = taxonomy.classesByCode(
				list.stream().map(FreeTagCluster.Suggestion::classCode).distinct().toList());
		Map<FreeTagCluster.Suggestion, TagClass> result = new HashMap<>();
		list.stream().filter(s -> classes.containsKey(s.classCode()))
			.forEach(s -> result.put(s, classes.get(s.classCode())));
		return result;
	}
}
