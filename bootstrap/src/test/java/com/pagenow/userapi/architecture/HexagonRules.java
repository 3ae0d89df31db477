package com.pagenow.userapi.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of the hexagon, each its own named rule, allow-lists where possible: the domain uses only
 * the JDK; the application uses the domain and the Bean Validation API; adapters depend on the application and
 * the domain, never on each other; only bootstrap knows the adapters; no package cycles; each framework stays
 * inside the one adapter that adapts it; use cases are interfaces.
 */
final class HexagonRules {

    private static final String BASE = "com.pagenow.userapi";
    static final String DOMAIN = BASE + ".domain..";
    static final String APPLICATION = BASE + ".application..";
    static final String ADAPTERS = BASE + ".adapter..";
    static final String BOOTSTRAP = BASE + ".bootstrap..";
    static final String GENERATED = BASE + ".adapter.persistence.jooq..";

    private HexagonRules() {
    }

    static final ArchRule DOMAIN_USES_ONLY_THE_JDK = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .as("domain classes use no class outside java.* (and the domain itself)");

    static final ArchRule APPLICATION_USES_ONLY_DOMAIN_AND_VALIDATION_API = classes().that()
            .resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "jakarta.validation..")
            .as("application depends on the domain and jakarta.validation only");

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices().matching(BASE + ".adapter.(*)..")
            .should().notDependOnEachOther()
            .as("adapters do not depend on each other");

    static final ArchRule ONLY_BOOTSTRAP_DEPENDS_ON_ADAPTERS = noClasses().that()
            .resideOutsideOfPackages(ADAPTERS, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
            .as("only bootstrap depends on adapters");

    // jOOQ's generated classes (tables <-> schema) are cyclic by design and are not ours to arrange.
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(BASE + ".(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage(GENERATED), resideInAPackage(GENERATED))
            .as("no cycles between packages");

    static final ArchRule JOOQ_ONLY_IN_PERSISTENCE = frameworkOnlyIn("org.jooq..", BASE + ".adapter.persistence..");
    static final ArchRule FLYWAY_AND_JDBC_POOL_ONLY_IN_PERSISTENCE = noClasses().that()
            .resideOutsideOfPackages(BASE + ".adapter.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "com.zaxxer.hikari..")
            .as("Flyway and HikariCP are used only by the persistence adapter");
    static final ArchRule UNDERTOW_ONLY_IN_REST = frameworkOnlyIn("io.undertow..", BASE + ".adapter.rest..");
    static final ArchRule JACKSON_ONLY_IN_REST = frameworkOnlyIn("com.fasterxml.jackson..", BASE + ".adapter.rest..");
    static final ArchRule NIMBUS_ONLY_IN_AUTH = frameworkOnlyIn("com.nimbusds..", BASE + ".adapter.auth..");
    /** S3 for images, and Cognito's AdminDeleteUser next to the token checks of the same user pool. */
    static final ArchRule AWS_SDK_ONLY_IN_STORAGE = noClasses().that()
            .resideOutsideOfPackages(BASE + ".adapter.storage..", BASE + ".adapter.auth..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .as("software.amazon is used only in adapter.storage and adapter.auth");

    static final ArchRule USE_CASES_ARE_INTERFACES = classes().that().resideInAPackage(BASE + ".application.port.in..")
            .and().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces()
            .as("inbound ports (...UseCase) are interfaces");

    static final ArchRule OUTBOUND_PORTS_ARE_INTERFACES = classes().that()
            .resideInAPackage(BASE + ".application.port.out..")
            .and().haveSimpleNameEndingWith("Repository")
            .should().beInterfaces()
            .as("outbound repository ports are interfaces");

    private static ArchRule frameworkOnlyIn(String framework, String owner) {
        return noClasses().that().resideOutsideOfPackages(owner)
                .should().dependOnClassesThat().resideInAPackage(framework)
                .as(framework.replace("..", "") + " is used only in " + owner.replace("..", ""));
    }
}
