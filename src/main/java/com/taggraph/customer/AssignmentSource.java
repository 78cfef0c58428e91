package com.taggraph.customer;

/** How a tag came onto a customer. */
public enum AssignmentSource {

	/** computed by the tag's rule */
	RULE,
	/** loaded by a bulk import */
	IMPORT,
	/** set by hand through the API */
	MANUAL,
	/** promoted from a free (folksonomy) tag */
	FOLKSONOMY

}
