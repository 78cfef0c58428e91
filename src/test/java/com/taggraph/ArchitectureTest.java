package com.taggraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The module rules of the README's layout section: every top-level package under
 * {@code com.taggraph} is a module, the modules form a one-way graph ({@link #MAY_USE})
 * with no cycle, and no module reaches into another's repositories.
 */
@AnalyzeClasses(packages = "com.taggraph", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String BASE = "com.taggraph.";

	/** Used by every module but {@code error}; they use only {@code error}. */
	private static final List<String> KERNEL = List.of("error", "graph", "web", "text");

	/**
	 * Each module and the modules it may use: the table of the README's layout section,
	 * where "kernel" stands for {@link #KERNEL} ({@link #readmeListsTheTable} holds the
	 * two to each other). Features come in order, each using only modules before it.
	 */
	static final Map<String, List<String>> MAY_USE = table();

	private static Map<String, List<String>> table() {
		Map<String, List<String>> table = new LinkedHashMap<>();
		table.put("error", List.of());
		table.put("text", List.of("error"));
		table.put("graph", List.of("error"));
		table.put("web", List.of("error"));
		table.put("importing", kernelAnd("audit", "security"));
		table.put("audit", kernelAnd());
		table.put("security", kernelAnd());
		table.put("lifecycle", kernelAnd("importing", "audit", "security"));
		table.put("taxonomy", featureUsing());
		table.put("facet", featureUsing("taxonomy"));
		table.put("customer", featureUsing("taxonomy", "facet"));
		table.put("folksonomy", featureUsing("taxonomy", "customer"));
		table.put("lineage", featureUsing("taxonomy", "customer"));
		table.put("compute", featureUsing("taxonomy", "customer", "lineage"));
		table.put("governance", featureUsing("taxonomy", "facet", "customer", "folksonomy", "lineage", "compute"));
		table.put("skos", featureUsing("taxonomy", "facet", "lineage"));
		return table;
	}

	private static List<String> kernelAnd(String... modules) {
		List<String> uses = new ArrayList<>(KERNEL);
		uses.addAll(List.of(modules));
		return List.copyOf(uses);
	}

	/**
	 * A feature uses the kernel, the import machinery and the low modules, and the given
	 * features before it.
	 */
	private static List<String> featureUsing(String... features) {
		List<String> uses = new ArrayList<>(kernelAnd("importing", "audit", "security", "lifecycle"));
		uses.addAll(List.of(features));
		return List.copyOf(uses);
	}

	/**
	 * The README's layout table says what {@link #MAY_USE} says: a change to one is a
	 * change to the other.
	 */
	@Test
	void readmeListsTheTable() throws IOException {
		Map<String, List<String>> readme = new LinkedHashMap<>();
		Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|[^|]*\\| ([^|]*) \\|$")
			.matcher(Files.readString(Path.of("README.md")));
		while (row.find()) {
			List<String> uses = new ArrayList<>();
			for (String used : row.group(2).replace("—", "").split(",")) {
				String module = used.strip().replace("`", "");
				if (module.equals("kernel")) {
					uses.addAll(KERNEL);
				}
				else if (!module.isEmpty()) {
					uses.add(module);
				}
			}
			readme.put(row.group(1), uses);
		}
		assertThat(readme).isEqualTo(MAY_USE);
	}

	@ArchTest
	static final ArchRule modulesFormNoCycle = slices().matching("com.taggraph.(*)..")
		.namingSlices("$1")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule modulesUseOnlyTheModulesTheTableAllows = modules();

	@ArchTest
	static final ArchRule everyModuleIsInTheTable = classes().that()
		.resideInAPackage("com.taggraph..")
		.and()
		.resideOutsideOfPackage("com.taggraph")
		.should(new ArchCondition<JavaClass>("sit in a module the table names") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				String module = moduleOf(item);
				if (!MAY_USE.containsKey(module)) {
					events.add(SimpleConditionEvent.violated(item,
							"%s is in module '%s', which ArchitectureTest.MAY_USE ".formatted(item.getName(), module)
									+ "and the README's layout do not name"));
				}
			}
		});

	@ArchTest
	static final ArchRule repositoriesAreUsedOnlyInTheirOwnModule = classes().that()
		.resideInAPackage("com.taggraph..")
		.should(new ArchCondition<JavaClass>("use no other module's *Repository") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass();
					if (target.getSimpleName().endsWith("Repository") && target.getPackageName().startsWith(BASE)
							&& !moduleOf(target).equals(moduleOf(item))) {
						events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
					}
				}
			}
		});

	@ArchTest
	static final ArchRule repositoriesArePackagePrivate = classes().that()
		.resideInAPackage("com.taggraph..")
		.and()
		.haveSimpleNameEndingWith("Repository")
		.and()
		.areTopLevelClasses()
		.should()
		.notBePublic();

	private static ArchRule modules() {
		LayeredArchitecture layers = Architectures.layeredArchitecture()
			.consideringOnlyDependenciesInLayers()
			.withOptionalLayers(true);
		for (String module : MAY_USE.keySet()) {
			layers = layers.layer(module).definedBy(BASE + module + "..");
		}
		for (Map.Entry<String, List<String>> module : MAY_USE.entrySet()) {
			Set<String> uses = new LinkedHashSet<>(module.getValue());
			layers = uses.isEmpty() ? layers.whereLayer(module.getKey()).mayNotAccessAnyLayer()
					: layers.whereLayer(module.getKey()).mayOnlyAccessLayers(uses.toArray(String[]::new));
		}
		return layers;
	}

	/**
	 * The first package name below {@code com.taggraph}; empty for the application class
	 * itself.
	 */
	static String moduleOf(JavaClass type) {
		if (!type.getPackageName().startsWith(BASE)) {
			return "";
		}
		String rest = type.getPackageName().substring(BASE.length());
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}

}
