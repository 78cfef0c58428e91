package com.taggraph.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.taggraph.ApiTest;
import com.taggraph.StatementCounter;
import com.taggraph.TagGraphTest;

/**
 * A request costs a number of Cypher statements that depends on its shape, not on its
 * result: 50 classes with chains, lower classes and tags take as many statements as 2
 * classes do.
 */
@TagGraphTest
class QueryCountTest extends ApiTest {

	private static final String PREFIX = "QC-";

	@Autowired
	TaxonomyService taxonomy;

	@BeforeEach
	void fiftyClassesWithChildrenAndTags() {
		taxonomy.createTagClass(new TagClassInput(PREFIX + "ROOT", "计数根", null, "计数", false, false, null, null));
		for (int i = 0; i < 50; i++) {
			String code = PREFIX + i;
			taxonomy
				.createTagClass(new TagClassInput(code, "计数类" + i, PREFIX + "ROOT", "计数细分", false, false, null, null));
			taxonomy.createTagClass(new TagClassInput(code + ".1", "子类" + i, code, null, false, false, null, null));
			taxonomy.createTag(new TagInput(code + "-T", "计数标签" + i, code, null));
		}
	}

	@AfterEach
	void removeThem() {
		for (int i = 0; i < 50; i++) {
			taxonomy.deleteTag(PREFIX + i + "-T");
			taxonomy.deleteTagClass(PREFIX + i + ".1");
			taxonomy.deleteTagClass(PREFIX + i);
		}
		taxonomy.deleteTagClass(PREFIX + "ROOT");
	}

	@Test
	void fiftyClassesWithChainsLowerClassesAndTagsTakeAFixedNumberOfStatements() {
		String query = """
				query($code: ID!) {
				  tagClass(code: $code) {
				    narrower {
				      code level
				      classChain { code }
				      narrower { code }
				      tags { code tagClass { code } classChain { code } }
				      siblings { code }
				      descendants(maxDepth: 2) { code }
				    }
				  }
				}""";

		int fifty = statementsFor(query, PREFIX + "ROOT");
		var reply = client.query(query, Map.of("code", PREFIX + "ROOT"));
		int two = statementsFor(query, "C07.02");

		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		assertThat(reply.data("tagClass.narrower")).hasSize(50);
		assertThat(reply.data("tagClass.narrower.0.classChain")).hasSize(2);
		assertThat(reply.data("tagClass.narrower.0.narrower")).hasSize(1);
		assertThat(reply.data("tagClass.narrower.0.tags.0.classChain")).hasSize(2);
		// 1 root + narrower + 5 batched fields on the 50 + 2 batched fields on their tags
		assertThat(fifty).isEqualTo(9).isEqualTo(two);
	}

	@Test
	void rootsWithWholeSubtreesStayBounded() {
		String query = """
				{ rootClasses { code classChain { code } narrower { code classChain { code } narrower { code } tags { code } }
				                tags(includeDescendants: true) { code } } }""";

		assertThat(statementsFor(query, null)).isLessThanOrEqualTo(7);
	}

	private int statementsFor(String query, String code) {
		StatementCounter.reset();
		var reply = code == null ? client.query(query) : client.query(query, Map.of("code", code));
		assertThat(reply.hasErrors()).as(reply.body().toString()).isFalse();
		return StatementCounter.count();
	}

}
