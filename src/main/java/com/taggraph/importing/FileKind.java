package com.taggraph.importing;

/** What a bulk-import file holds; a load writes customers before the assignments that need them. */
enum FileKind {
	/** {@code id,name[,attribute columns]} */
	CUSTOMERS,
	/** {@code customerId,tagCode[,value,assignedAt]} */
	ASSIGNMENTS
}
