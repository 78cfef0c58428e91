package com.taggraph.web;

import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

/**
 * Whether a field's selection asks for some sub-fields, read from the operation's syntax
 * tree. {@code DataFetchingFieldSelectionSet} answers the same but first normalises the
 * whole operation, which cost a customer request about as much as mapping its portrait.
 */
public final class SelectedFields {

	private SelectedFields() {
	}

	/**
	 * True if the current field selects any of the names directly, through fragments
	 * included.
	 */
	public static boolean any(DataFetchingEnvironment env, String... names) {
		Set<String> wanted = Set.of(names);
		for (Field field : env.getMergedField().getFields()) {
			if (selects(field.getSelectionSet(), wanted, env.getFragmentsByName())) {
				return true;
			}
		}
		return false;
	}

	private static boolean selects(SelectionSet set, Set<String> wanted, Map<String, FragmentDefinition> fragments) {
		if (set == null) {
			return false;
		}
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field && wanted.contains(field.getName())
					|| selection instanceof InlineFragment inline
							&& selects(inline.getSelectionSet(), wanted, fragments)
					|| selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
							&& selects(fragments.get(spread.getName()).getSelectionSet(), wanted, fragments)) {
				return true;
			}
		}
		return false;
	}

}
