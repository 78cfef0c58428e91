package com.taggraph.customer.segment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import com.taggraph.customer.Customer;
import com.taggraph.customer.CustomerService;
import com.taggraph.error.DomainException;
import com.taggraph.lifecycle.DeprecationWarning;
import com.taggraph.lifecycle.LifecycleService;
import com.taggraph.security.Visibility;
import com.taggraph.taxonomy.Tag;
import com.taggraph.taxonomy.TagClass;
import com.taggraph.web.Connection;
import com.taggraph.web.Connections;

import reactor.core.publisher.Mono;

/**
 * GraphQL mappings of segments, customer counts and rule checks. Counts come from the
 * bitmap index; a page's customers are loaded in one query for all pages of a request.
 */
@Controller
class SegmentController {

	private final SegmentService segments;

	private final LifecycleService lifecycle;

	private final Connections connections;

	SegmentController(SegmentService segments, CustomerService customers, LifecycleService lifecycle,
			BatchLoaderRegistry loaders, Connections connections) {
		this.segments = segments;
		this.lifecycle = lifecycle;
		this.connections = connections;
		loaders.<String, List<Tag>>forName("segmentClassTagsLoader")
			.registerMappedBatchLoader((codes, env) -> Mono
				.fromCallable(() -> segments.tagsAtOrBelow(codes, Visibility.of(env.getContext()))));
		// the customers of every page in a request, in one query
		loaders.<String, Customer>forName("segmentCustomerLoader")
			.registerMappedBatchLoader((ids,
					env) -> Mono.fromCallable(() -> customers.customers(ids)
						.stream()
						.collect(Collectors.toMap(Customer::id, Function.identity(), (a, b) -> a))));
	}

	// ---- segments
	// -----------------------------------------------------------------------------

	@QueryMapping
	Segment segment(@Argument SegmentWhere where, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		return segments.segment(where, visibility);
	}

	@SchemaMapping(typeName = "Segment")
	int count(Segment segment) {
		return segment.count();
	}

	/**
	 * A page of the segment's customers. A customer deleted outside the app since the
	 * index last saw it is left out (until the next refresh drops it), but the end cursor
	 * still points behind it, so paging goes on.
	 */
	@SchemaMapping(typeName = "Segment")
	CompletableFuture<Connection<Customer>> customers(Segment segment, ScrollSubrange range,
			DataLoader<String, Customer> segmentCustomerLoader) {
		Window<String> ids = segments.customerPage(segment, Connections.position(range), Connections.first(range));
		Connection<String> page = connections.of(ids, range, segment::count);
		return segmentCustomerLoader.loadMany(ids.getContent()).thenApply(loaded -> {
			Map<String, Customer> found = new HashMap<>();
			loaded.stream().filter(Objects::nonNull).forEach(c -> found.put(c.id(), c));
			return page.map(found::get);
		});
	}

	@SchemaMapping(typeName = "Segment")
	CompletableFuture<List<TagCount>> tagDistribution(Segment segment, @Argument String classCode,
			DataLoader<String, List<Tag>> segmentClassTagsLoader) {
		return segmentClassTagsLoader.load(classCode).thenApply(tags -> {
			if (tags == null) {
				throw DomainException.notFound("class", classCode);
			}
			return segments.distribution(segment, tags);
		});
	}

	// ---- counts on tags and classes
	// -----------------------------------------------------------

	@BatchMapping(typeName = "Segment", field = "warnings")
	List<List<DeprecationWarning>> warnings(List<Segment> list) {
		return lifecycle.warnings(list.stream().map(Segment::tags).toList());
	}

	@BatchMapping(typeName = "SavedSegment", field = "warnings")
	List<List<DeprecationWarning>> savedWarnings(List<SavedSegment> saved) {
		return lifecycle.warnings(saved.stream().map(s -> s.segment().tags()).toList());
	}

	@BatchMapping(typeName = "Tag", field = "customerCount")
	Map<Tag, Integer> tagCustomerCount(List<Tag> tags) {
		return tags.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), t -> segments.tagCustomerCount(t.code())));
	}

	@BatchMapping(typeName = "TagClass", field = "customerCount")
	Map<TagClass, Integer> classCustomerCount(List<TagClass> classes,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return classes.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), c -> segments.classCustomerCount(c.code(), visibility)));
	}

	// ---- saved segments
	// -----------------------------------------------------------------------

	@QueryMapping(name = "segments")
	List<SavedSegment> savedSegments(@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return segments.savedSegments(visibility);
	}

	@QueryMapping
	Connection<SavedSegment> segmentList(ScrollSubrange range,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return connections.page(segments.savedSegments(visibility), range, "segment", SavedSegment::name);
	}

	@SchemaMapping(typeName = "SavedSegment")
	int count(SavedSegment saved) {
		return saved.segment().count();
	}

	@MutationMapping
	SavedSegment saveSegment(@Argument String name, @Argument SegmentWhere where) {
		return segments.saveSegment(name, where);
	}

	@MutationMapping
	String deleteSegment(@Argument String name) {
		return segments.deleteSegment(name);
	}

	// ---- the index and the rules
	// --------------------------------------------------------------

	@QueryMapping
	SegmentIndexStatus segmentIndexStatus() {
		return segments.indexStatus();
	}

	@MutationMapping
	SegmentIndexStatus refreshSegmentIndex() {
		return segments.refreshIndex();
	}

	@QueryMapping
	List<RuleViolation> ruleViolations(@Argument String classCode,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return segments.ruleViolations(classCode, visibility);
	}

	/** Keyed by class, then kind: the order of the list. */
	@QueryMapping
	Connection<RuleViolation> ruleViolationList(@Argument String classCode, ScrollSubrange range,
			@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return connections.page(segments.ruleViolations(classCode, visibility), range, "ruleViolation",
				v -> v.tagClass().code() + " " + v.kind());
	}

}
