package com.taggraph.taxonomy;

import static com.taggraph.error.InputRules.MAX_TEXT;
import static com.taggraph.error.InputRules.optionalText;
import static com.taggraph.error.InputRules.requireCode;
import static com.taggraph.error.InputRules.requireFreeCode;
import static com.taggraph.error.InputRules.requireName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.taggraph.audit.AuditTrail;
import com.taggraph.audit.ChangeKind;
import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;
import com.taggraph.security.Visibility;

/**
 * The constraints between tags of different classes: read as the caller may see them,
 * created one at a time or imported as a list (all or nothing), deleted. Every write
 * validates in full first and names the constraint in its error, so a refused write
 * changes nothing; each is recorded in the audit trail.
 */
@Service
public class TagConstraintService {

	/**
	 * Most constraints one import takes: the library's constraints are tens, not more.
	 */
	static final int MAX_IMPORT = 1000;

	private final TagConstraintRepository repository;

	private final AuditTrail audit;

	TagConstraintService(TagConstraintRepository repository, AuditTrail audit) {
		this.repository = repository;
		this.audit = audit;
	}

	/**
	 * Every constraint the caller may see, by code: one naming a hidden tag is left out
	 * whole, so the caller does not learn of the tag through it.
	 */
	@Transactional(readOnly = true)
	public List<TagConstraint> constraints(Visibility visibility) {
		return repository.all().stream().filter(c -> visible(c, visibility)).toList();
	}

	/**
	 * The constraint, or null when there is none or it names a tag the caller may not
	 * see.
	 */
	@Transactional(readOnly = true)
	public TagConstraint constraint(String code, Visibility visibility) {
		return repository.find(code).filter(c -> visible(c, visibility)).orElse(null);
	}

	@Transactional
	public TagConstraint create(TagConstraintInput input) {
		validate(input, Set.of(), known(List.of(input)));
		audit.recorded(ChangeKind.TAG_CONSTRAINT, input.code(), "CREATE", () -> repository.create(List.of(input)));
		return repository.find(input.code()).orElseThrow();
	}

	/**
	 * Creates every constraint of the list, or none: the first problem refuses the whole
	 * list and names the constraint and its position. One audit event for the import.
	 */
	@Transactional
	public List<TagConstraint> importConstraints(List<TagConstraintInput> inputs) {
		if (inputs == null || inputs.isEmpty()) {
			throw DomainException.invalid("input", "give at least one constraint");
		}
		if (inputs.size() > MAX_IMPORT) {
			throw DomainException.invalid("input",
					"at most %d constraints in one import, were %d".formatted(MAX_IMPORT, inputs.size()));
		}
		Set<String> earlier = new HashSet<>();
		Known known = known(inputs);
		for (int i = 0; i < inputs.size(); i++) {
			TagConstraintInput input = inputs.get(i);
			try {
				validate(input, earlier, known);
			}
			catch (DomainException ex) {
				throw new DomainException(ex.code(), "input[%d]: %s".formatted(i, ex.getMessage()),
						withIndex(ex.extensions(), i));
			}
			earlier.add(input.code());
		}
		repository.create(inputs);
		audit.recordImport("constraints-" + java.util.UUID.randomUUID(),
				Map.of("constraints", inputs.size(), "codes", inputs.stream().map(TagConstraintInput::code).toList()));
		Set<String> codes = Set.copyOf(earlier);
		return repository.all().stream().filter(c -> codes.contains(c.code())).toList();
	}

	@Transactional
	public String delete(String code) {
		if (code == null || !repository.exists(code)) {
			throw DomainException.notFound("constraint", code);
		}
		audit.recorded(ChangeKind.TAG_CONSTRAINT, code, "DELETE", () -> repository.delete(code));
		return code;
	}

	/**
	 * The demo library's constraints, written in the loader's transaction; a constraint
	 * naming a tag the file does not define stops the load.
	 */
	void writeDemo(List<TagConstraintInput> inputs) {
		Set<String> earlier = new HashSet<>();
		Known known = known(inputs);
		for (TagConstraintInput input : inputs) {
			try {
				validate(input, earlier, known);
			}
			catch (DomainException ex) {
				throw new IllegalStateException("Demo library constraint refused: " + ex.getMessage(), ex);
			}
			earlier.add(input.code());
		}
		repository.create(inputs);
	}

	/**
	 * Throws the first problem of the constraint, naming it: malformed fields, a code in
	 * use (by the graph or {@code earlier} in the same import), unknown tags, or tags of
	 * one class (the class's own exclusive and exhaustive rules say how those go
	 * together).
	 */
	private static void validate(TagConstraintInput in, Set<String> earlier, Known known) {
		requireCode("code", in.code());
		String code = in.code();
		if (in.kind() == null) {
			throw problem(ErrorCode.INVALID_INPUT, code, "kind", "kind must be IMPLIES or EXCLUDES");
		}
		naming(code, () -> requireName("name", in.name()));
		naming(code, () -> optionalText("reason", in.reason(), MAX_TEXT));
		naming(code, () -> requireCode("ifTag", in.ifTag()));
		if (in.thenTags() == null || in.thenTags().isEmpty()) {
			throw problem(ErrorCode.INVALID_INPUT, code, "thenTags", "thenTags names no tag");
		}
		Set<String> thenTags = new HashSet<>();
		for (String tag : in.thenTags()) {
			naming(code, () -> requireCode("thenTags", tag));
			if (!thenTags.add(tag)) {
				throw problem(ErrorCode.INVALID_INPUT, code, "thenTags", "thenTags names '%s' twice".formatted(tag));
			}
		}
		if (thenTags.contains(in.ifTag())) {
			throw problem(ErrorCode.INVALID_INPUT, code, "thenTags",
					"'%s' is both its ifTag and one of its thenTags".formatted(in.ifTag()));
		}
		if (earlier.contains(code)) {
			throw new DomainException(ErrorCode.DUPLICATE_CODE,
					"code '%s' is given twice in the import".formatted(code), Map.of("field", "code", "subject", code));
		}
		requireFreeCode(code, known.takenBy().get(code));
		List<String> tags = new ArrayList<>();
		tags.add(in.ifTag());
		tags.addAll(in.thenTags());
		Map<String, String> classes = known.tagClasses();
		for (String tag : tags) {
			if (!classes.containsKey(tag)) {
				throw new DomainException(ErrorCode.NOT_FOUND,
						"constraint '%s' names tag '%s', which does not exist".formatted(code, tag),
						Map.of("field", tag.equals(in.ifTag()) ? "ifTag" : "thenTags", "subject", tag));
			}
		}
		String ifClass = classes.get(in.ifTag());
		for (String tag : in.thenTags()) {
			if (classes.get(tag).equals(ifClass)) {
				throw problem(ErrorCode.INVALID_INPUT, code, "thenTags",
						("'%s' and '%s' are both in class '%s': a constraint links tags of different classes; "
								+ "a class says how its own tags go together (exclusive, exhaustive)")
							.formatted(in.ifTag(), tag, ifClass));
			}
		}
	}

	/**
	 * What the graph holds of the codes a list of constraints names: which of their codes
	 * are taken, and the class of each tag they name. Two statements for the whole list.
	 */
	private record Known(Map<String, String> takenBy, Map<String, String> tagClasses) {
	}

	private Known known(List<TagConstraintInput> inputs) {
		Set<String> codes = new HashSet<>();
		Set<String> tags = new HashSet<>();
		for (TagConstraintInput in : inputs) {
			if (in == null) {
				continue;
			}
			if (in.code() != null) {
				codes.add(in.code());
			}
			if (in.ifTag() != null) {
				tags.add(in.ifTag());
			}
			if (in.thenTags() != null) {
				in.thenTags().stream().filter(java.util.Objects::nonNull).forEach(tags::add);
			}
		}
		return new Known(repository.codesTakenBy(codes), repository.classesOfTags(tags));
	}

	/** Runs a field check, its refusal naming the constraint. */
	private static void naming(String code, Runnable check) {
		try {
			check.run();
		}
		catch (DomainException ex) {
			Map<String, Object> details = new java.util.LinkedHashMap<>(ex.extensions());
			details.remove("code");
			details.put("subject", code);
			throw new DomainException(ex.code(), "constraint '%s': %s".formatted(code, ex.getMessage()), details);
		}
	}

	private static DomainException problem(ErrorCode error, String code, String field, String message) {
		return new DomainException(error, "constraint '%s': %s".formatted(code, message),
				Map.of("field", field, "subject", code));
	}

	private static Map<String, Object> withIndex(Map<String, Object> extensions, int index) {
		Map<String, Object> details = new java.util.LinkedHashMap<>(extensions);
		details.remove("code");
		details.put("index", index);
		return details;
	}

	private static boolean visible(TagConstraint constraint, Visibility visibility) {
		return visibility.seesEveryTag() || constraint.tagCodes().stream().noneMatch(visibility::hides);
	}

}
