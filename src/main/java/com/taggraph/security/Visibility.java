package com.taggraph.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What one caller may see, decided once per request and handed to the services and
 * repositories that read: the codes of the tags hidden from them (the sensitive tags, for
 * users below STEWARD), and whether they may see customer data. A hidden tag behaves
 * exactly like a code that does not exist: queries leave it out with
 * {@code WHERE NOT t.code IN $hidden} ({@link #hidden()} is the parameter), lookups
 * answer null or NOT_FOUND, and totals leave it out.
 */
public record Visibility(Set<String> hiddenTags, boolean customerData) {

	/**
	 * The GraphQL context key under which resolvers find the caller's visibility
	 * ({@code @ContextValue}).
	 */
	public static final String KEY = "taggraph.visibility";

	/**
	 * Everything: STEWARD and above, and the app's own work (startup, imports' writes).
	 */
	public static final Visibility ALL = new Visibility(Set.of(), true);

	public Visibility {
		hiddenTags = Set.copyOf(hiddenTags);
	}

	/**
	 * The caller's visibility from a GraphQL context (a data loader's context is the
	 * request's).
	 */
	public static Visibility of(Object graphQlContext) {
		if (graphQlContext instanceof graphql.GraphQLContext context
				&& context.get(KEY) instanceof Visibility visibility) {
			return visibility;
		}
		throw new IllegalStateException("no caller visibility in the GraphQL context; VisibilityPolicy sets it");
	}

	/** The hidden codes as a Cypher list parameter. */
	public List<String> hidden() {
		return List.copyOf(hiddenTags);
	}

	public boolean hides(String tagCode) {
		return tagCode != null && hiddenTags.contains(tagCode);
	}

	public boolean seesEveryTag() {
		return hiddenTags.isEmpty();
	}

	/** The items whose tag the caller may see, in their order. */
	public <T> List<T> visible(Collection<T> items, Function<? super T, String> tagCode) {
		if (hiddenTags.isEmpty()) {
			return items instanceof List<T> list ? list : List.copyOf(items);
		}
		return items.stream().filter(item -> !hides(tagCode.apply(item))).toList();
	}
}
