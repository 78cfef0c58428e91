package com.taggraph.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.taggraph.error.ErrorCode;

import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.SourceLocation;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.ExecutionResult;

/**
 * Refuses an operation deeper than {@code taggraph.graphql.max-depth} or selecting more
 * fields than {@code taggraph.graphql.max-complexity} before any data fetcher runs, with
 * QUERY_TOO_DEEP or QUERY_TOO_COMPLEX naming the value and the maximum.
 * <p>
 * Both are read from graphql-java's normalised operation (fragments expanded, aliases
 * counted, the selections {@code @skip}/{@code @include} drop left out): its field count
 * is the number of fields the engine would resolve per parent object, its depth the
 * deepest of them. graphql-java's {@code MaxQueryComplexityInstrumentation} walks
 * fragments once however often they are spread, so a fragment spread under ten aliases on
 * each of ten levels counts 100 fields where the engine resolves ten billion; the
 * normaliser counts what runs, and stops counting at a cap, so a hostile document costs
 * bounded work. Spring for GraphQL's auto-configuration adds every
 * {@code Instrumentation} bean to the engine.
 */
@Component
public class QueryLimits extends SimplePerformantInstrumentation {

	/**
	 * The normaliser gives up past this many times the maximum: a bomb is refused without
	 * being counted out.
	 */
	private static final int COUNT_HEADROOM = 10;

	private final int maxDepth;

	private final int maxComplexity;

	/**
	 * Depth and field count of documents whose shape no variable can change
	 * (no @skip/@include), by text.
	 */
	private final Cache<String, Shape> shapes = Caffeine.newBuilder().maximumSize(1_000).build();

	public QueryLimits(GraphQlLimits limits) {
		this.maxDepth = limits.maxDepth();
		this.maxComplexity = limits.maxComplexity();
	}

	/**
	 * How deep an operation goes and how many fields it selects, as the limits measure
	 * them.
	 */
	public record Shape(int depth, int fields, boolean countCut) {
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		String query = context.getExecutionInput().getQuery();
		Shape shape;
		if (query.contains("@skip") || query.contains("@include")) {
			shape = shape(context);
		}
		else {
			String key = context.getOperationDefinition().getName() + "\n" + query;
			shape = shapes.get(key, k -> shape(context));
		}
		check(shape);
		return super.beginExecuteOperation(parameters, state);
	}

	/**
	 * QUERY_TOO_DEEP or QUERY_TOO_COMPLEX (as an error the engine returns without
	 * executing) past a limit.
	 */
	public void check(Shape shape) {
		if (shape.depth() > maxDepth) {
			throw new LimitExceeded(ErrorCode.QUERY_TOO_DEEP, "taggraph.graphql.max-depth", "depth",
					"the query is %d levels deep; at most %d are allowed (taggraph.graphql.max-depth)"
						.formatted(shape.depth(), maxDepth),
					shape.depth(), maxDepth);
		}
		if (shape.fields() > maxComplexity) {
			String fields = shape.countCut() ? "more than " + (shape.fields() - 1) : String.valueOf(shape.fields());
			throw new LimitExceeded(ErrorCode.QUERY_TOO_COMPLEX, "taggraph.graphql.max-complexity", "complexity",
					"the query selects %s fields (fragments expanded, aliases counted); at most %d are allowed (taggraph.graphql.max-complexity)"
						.formatted(fields, maxComplexity),
					shape.fields(), maxComplexity);
		}
	}

	private Shape shape(ExecutionContext context) {
		int fieldCap = (int) Math.min(Integer.MAX_VALUE, (long) maxComplexity * COUNT_HEADROOM);
		int depthCap = (int) Math.min(Integer.MAX_VALUE, (long) maxDepth * COUNT_HEADROOM);
		var options = ExecutableNormalizedOperationFactory.Options.defaultOptions()
			.graphQLContext(context.getGraphQLContext())
			.locale(context.getLocale())
			.maxFieldsCount(fieldCap)
			.maxChildrenDepth(depthCap);
		try {
			ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
				.createExecutableNormalizedOperation(context.getGraphQLSchema(), context.getOperationDefinition(),
						context.getFragmentsByName(), context.getCoercedVariables(), options);
			return new Shape(operation.getOperationDepth(), operation.getOperationFieldCount(), false);
		}
		catch (AbortExecutionException cut) {
			// the normaliser stopped at a cap; which one its message says
			boolean depth = cut.getMessage() != null && cut.getMessage().toLowerCase().contains("depth");
			return depth ? new Shape(depthCap + 1, 0, true) : new Shape(0, fieldCap + 1, true);
		}
	}

	public static Shape shapeOf(graphql.schema.GraphQLSchema schema, graphql.language.Document document) {
		ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
			.createExecutableNormalizedOperation(schema, document, null,
					graphql.execution.CoercedVariables.emptyVariables());
		return new Shape(operation.getOperationDepth(), operation.getOperationFieldCount(), false);
	}

	public int maxDepth() {
		return maxDepth;
	}

	public int maxComplexity() {
		return maxComplexity;
	}

	/**
	 * The engine returns this as the request's only error, with {@code extensions.code},
	 * the value and the maximum.
	 */
	static final class LimitExceeded extends AbortExecutionException {

		private final Map<String, Object> extensions = new LinkedHashMap<>();

		LimitExceeded(ErrorCode code, String property, String limit, String message, int value, int max) {
			super(message);
			extensions.put("code", code.name());
			extensions.put("limit", limit);
			extensions.put("value", value);
			extensions.put("max", max);
			extensions.put("property", property);
		}

		@Override
		public Map<String, Object> getExtensions() {
			return extensions;
		}

		@Override
		public List<SourceLocation> getLocations() {
			return List.of();
		}

	}

}
