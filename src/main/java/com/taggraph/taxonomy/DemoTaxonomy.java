package com.taggraph.taxonomy;

import java.util.List;

import org.springframework.stereotype.Component;

import com.taggraph.graph.DemoLibraryTaxonomy;
import com.taggraph.lifecycle.LifecycleStatus;

/** The demo library's classes and tags, written as every bulk write of them is, APPROVED. */
@Component
class DemoTaxonomy implements DemoLibraryTaxonomy {

	private static final String APPROVED = LifecycleStatus.APPROVED.name();

	private final TaxonomyWriter writer;

	DemoTaxonomy(TaxonomyWriter writer) {
		this.writer = writer;
	}

	@Override
	public void writeClasses(List<DemoClass> classes) {
		writer.writeClasses(classes.stream()
			.map(c -> new TaxonomyWriter.ClassRecord(c.code(), c.parent(), c.name(), c.criterion(), c.exclusive(),
					c.exhaustive(), c.scope(), APPROVED))
			.toList(), TaxonomyWriter.Absent.CLEAR);
	}

	@Override
	public void writeTags(List<DemoTag> tags) {
		writer.writeTags(tags.stream()
			.map(t -> new TaxonomyWriter.TagRecord(t.code(), t.classCode(), t.name(), t.rule(), APPROVED))
			.toList());
	}
}
