package com.taggraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * The module rules of the README's layout section: every top-level package under {@code com.taggraph} is a
 * module, the modules form a one-way graph ({@link #MAY_USE}), and no module reaches into another's
 * repositories.
 */
@AnalyzeClasses(packages = "com.taggraph", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String BASE = "com.taggraph.";

	private static final List<String> KERNEL = List.of("error", "graph", "web", "text");

	private static final List<String> LOW = List.of("audit", "security", "lifecycle");

	/**
	 * Each module and the modules it may use, in the order of the README. The kernel ({@code error}, {@code graph},
	 * {@code web}, {@code text}) may be used by every module but {@code error}; every feature may use the kernel,
	 * {@code importing} and the low modules ({@code audit}, {@code security}, {@code lifecycle}).
	 */
	static final Map<String, List<String>> MAY_USE = table();

	/**
	 * TODAY ONLY, delete once the importing split (issue 15, section 1) is merged: {@code importing} still holds the
	 * SKOS, customer, class-scheme and lineage imports, and {@code security} still reads {@code taxonomy.Tag} until
	 * the access-policy work lands.
	 */
	static final Map<String, List<String>> UNTIL_SPLIT = Map.of(
			"importing", List.of("customer", "folksonomy", "lifecycle", "lineage", "taxonomy"),
			"security", List.of("taxonomy"));

	private static Map<String, List<String>> table() {
		Map<String, List<String>> table = new LinkedHashMap<>();
		table.put("error", List.of());
		table.put("text", List.of("error"));
		table.put("graph", List.of("error"));
		table.put("web", List.of("error"));
		table.put("importing", List.of("error", "graph", "web", "text", "audit", "security"));
		table.put("audit", KERNEL);
		table.put("security", KERNEL);
		table.put("lifecycle", feature(List.of("audit", "security")));
		table.put("taxonomy", feature(List.of()));
		table.put("facet", feature(List.of("taxonomy")));
		table.put("customer", feature(List.of("taxonomy", "facet")));
		table.put("folksonomy", feature(List.of("customer", "taxonomy")));
		table.put("lineage", feature(List.of("customer", "taxonomy")));
		table.put("governance", feature(List.of("taxonomy", "facet", "customer", "folksonomy", "lineage")));
		table.put("skos", feature(List.of("taxonomy", "facet", "lineage")));
		return table;
	}

	/** The kernel, importing and the low modules, and then the given features. */
	private static List<String> feature(List<String> features) {
		Set<String> uses = new LinkedHashSet<>(KERNEL);
		uses.add("importing");
		uses.addAll(LOW);
		uses.addAll(features);
		return List.copyOf(uses);
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
					events.add(SimpleConditionEvent.violated(item, "%s is in module '%s', which ArchitectureTest.MAY_USE "
						.formatted(item.getName(), module) + "and the README's layout do not name"));
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
		LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
			.withOptionalLayers(true);
		for (String module : MAY_USE.keySet()) {
			layers = layers.layer(module).definedBy(BASE + module + "..");
		}
		for (Map.Entry<String, List<String>> module : MAY_USE.entrySet()) {
			Set<String> uses = new LinkedHashSet<>(module.getValue());
			uses.addAll(UNTIL_SPLIT.getOrDefault(module.getKey(), List.of()));
			layers = uses.isEmpty() ? layers.whereLayer(module.getKey()).mayNotAccessAnyLayer()
					: layers.whereLayer(module.getKey()).mayOnlyAccessLayers(uses.toArray(String[]::new));
		}
		return layers;
	}

	/** The first package name below {@code com.taggraph}; empty for the application class itself. */
	static String moduleOf(JavaClass type) {
		if (!type.getPackageName().startsWith(BASE)) {
			return "";
		}
		String rest = type.getPackageName().substring(BASE.length());
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}
}
