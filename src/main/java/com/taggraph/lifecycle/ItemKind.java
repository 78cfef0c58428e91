package com.taggraph.lifecycle;

import com.taggraph.audit.ChangeKind;

/**
 * The kinds of item that carry a lifecycle status; labels are constants, never request
 * text.
 */
public enum ItemKind {

	TAG_CLASS(ChangeKind.TAG_CLASS), TAG(ChangeKind.TAG), FACET(ChangeKind.FACET);

	private final ChangeKind changeKind;

	ItemKind(ChangeKind changeKind) {
		this.changeKind = changeKind;
	}

	/** The audit kind, whose label is also the node label. */
	public ChangeKind changeKind() {
		return changeKind;
	}

	String label() {
		return changeKind.label();
	}

	/** How a message names the kind: "tag", "class", "facet". */
	String noun() {
		return switch (this) {
			case TAG_CLASS -> "class";
			case TAG -> "tag";
			case FACET -> "facet";
		};
	}

	static ItemKind ofLabel(String label) {
		for (ItemKind kind : values()) {
			if (kind.label().equals(label)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown item kind " + label);
	}

}
