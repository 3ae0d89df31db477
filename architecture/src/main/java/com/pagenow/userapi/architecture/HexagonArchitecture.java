package com.pagenow.userapi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon's rules for a service that brings its own adapters to user-api's {@code domain} and
 * {@code application}. One line in a test of that service:
 *
 * <pre>{@code
 * HexagonArchitecture.checkAdaptersOf("com.example.notes");
 * }</pre>
 *
 * <p>Its adapters live in {@code <base>.adapter.<name>} and its wiring in {@code <base>.bootstrap}, as user-api's
 * own do. Checked, on the service's production classes (tests left out): its adapters reach user-api through the
 * ports only (never its services, adapters or composition roots); they do not depend on each other; only the
 * wiring knows them; its packages have no cycles. A service without adapters under that package fails, so the
 * check cannot pass by finding nothing.
 */
public final class HexagonArchitecture {

    private HexagonArchitecture() {}

    /**
     * Imports the production classes under {@code basePackage} and checks them with {@link #rulesFor(String)}.
     *
     * @param basePackage the embedding service's root package, e.g. {@code com.example.notes}
     * @throws AssertionError naming each class that breaks a rule, and the rule
     */
    public static void checkAdaptersOf(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        check(rulesFor(basePackage), classes);
    }

    /**
     * Checks {@code classes} against every rule, and fails once, naming each broken rule and its offending classes.
     *
     * @param rules   the rules, e.g. {@link #rulesFor(String)}
     * @param classes the classes to check
     * @throws AssertionError naming each broken rule with its violations
     */
    public static void check(List<ArchRule> rules, JavaClasses classes) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join(System.lineSeparator(), failures));
        }
    }

    /**
     * The rules {@link #checkAdaptersOf(String)} checks, for classes imported another way.
     *
     * @param basePackage the embedding service's root package
     * @return every rule for that service's adapters
     */
    public static List<ArchRule> rulesFor(String basePackage) {
        Objects.requireNonNull(basePackage, "basePackage");
        String adapters = basePackage + ".adapter..";
        String wiring = basePackage + ".bootstrap..";
        String userApi = HexagonRules.BASE;
        return List.of(
                noClasses()
                        .that()
                        .resideInAPackage(adapters)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                userApi + ".application.service..",
                                userApi + ".adapter..",
                                userApi + ".bootstrap..",
                                userApi + ".embedded..")
                        .as("adapters of " + basePackage + " reach user-api through its ports only"),
                slices().matching(basePackage + ".adapter.(*)..")
                        .should()
                        .notDependOnEachOther()
                        .allowEmptyShould(true)
                        .as("adapters of " + basePackage + " do not depend on each other"),
                noClasses()
                        .that()
                        .resideOutsideOfPackages(adapters, wiring)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(adapters)
                        .allowEmptyShould(true)
                        .as("only " + basePackage + ".bootstrap depends on the adapters of " + basePackage),
                slices().matching(basePackage + ".(**)")
                        .should()
                        .beFreeOfCycles()
                        .allowEmptyShould(true)
                        .as("no cycles between the packages of " + basePackage));
    }
}
