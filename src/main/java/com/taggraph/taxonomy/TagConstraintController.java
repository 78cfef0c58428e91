package com.taggraph.taxonomy;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeEvent;
import com.taggraph.audit.ChangeKind;
import com.taggraph.security.Visibility;

/**
 * GraphQL mappings of the tag constraints. A constraint is read with its tags in the same
 * statement, so a list costs one query however many constraints it holds.
 */
@Controller
class TagConstraintController {

	private final TagConstraintService constraints;

	private final AuditTrail audit;

	TagConstraintController(TagConstraintService constraints, AuditTrail audit) {
		this.constraints = constraints;
		this.audit = audit;
	}

	@QueryMapping
	List<TagConstraint> tagConstraints(@ContextValue(name = Visibility.KEY) Visibility visibility) {
		return constraints.constraints(visibility);
	}

	@QueryMapping
	TagConstraint tagConstraint(@Argument String code, @ContextValue(name = Visibility.KEY) Visibility visibility) {
		return constraints.constraint(code, visibility);
	}

	@MutationMapping
	TagConstraint createTagConstraint(@Argument TagConstraintInput input) {
		return constraints.create(input);
	}

	@MutationMapping
	List<TagConstraint> importTagConstraints(@Argument List<TagConstraintInput> input) {
		return constraints.importConstraints(input);
	}

	@MutationMapping
	String deleteTagConstraint(@Argument String code) {
		return constraints.delete(code);
	}

	@BatchMapping(typeName = "TagConstraint", field = "history")
	Map<TagConstraint, List<ChangeEvent>> history(List<TagConstraint> list) {
		return audit.histories(ChangeKind.TAG_CONSTRAINT, list, TagConstraint::code);
	}

}
