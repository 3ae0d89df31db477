package com.pagenow.userapi.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * user-api's own dependency rules, each its own named rule, allow-lists where possible: the domain uses only the
 * JDK; the application uses the domain and the Bean Validation API; adapters depend on the application and the
 * domain, never on each other; only the composition roots ({@code bootstrap}, {@code embedded}) know the adapters
 * and nothing else knows them; no package cycles; each framework stays inside the one adapter that adapts it; use
 * cases are interfaces. user-api's build checks its classes with these; an embedding service checks its own
 * adapters with {@link HexagonArchitecture}.
 */
public final class HexagonRules {

    /** The package every user-api class lives under. */
    public static final String BASE = "com.pagenow.userapi";

    static final String DOMAIN = BASE + ".domain..";
    static final String APPLICATION = BASE + ".application..";
    static final String ADAPTERS = BASE + ".adapter..";
    static final String BOOTSTRAP = BASE + ".bootstrap..";
    static final String EMBEDDED = BASE + ".embedded..";
    static final String GENERATED = BASE + ".adapter.persistence.jooq..";

    private HexagonRules() {}

    public static final ArchRule DOMAIN_USES_ONLY_THE_JDK = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, "java..")
            .as("domain classes use no class outside java.* (and the domain itself)");

    public static final ArchRule APPLICATION_USES_ONLY_DOMAIN_AND_VALIDATION_API = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, "java..", "jakarta.validation..")
            .as("application depends on the domain and jakarta.validation only");

    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices().matching(BASE + ".adapter.(*)..")
            .should()
            .notDependOnEachOther()
            .as("adapters do not depend on each other");

    public static final ArchRule ONLY_BOOTSTRAP_DEPENDS_ON_ADAPTERS = noClasses()
            .that()
            .resideOutsideOfPackages(ADAPTERS, BOOTSTRAP, EMBEDDED)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ADAPTERS)
            .as("only the composition roots (bootstrap, embedded) depend on adapters");

    /** The embedded library is a composition root like bootstrap: only bootstrap may build on it. */
    public static final ArchRule ONLY_BOOTSTRAP_DEPENDS_ON_EMBEDDED = noClasses()
            .that()
            .resideOutsideOfPackages(EMBEDDED, BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(EMBEDDED)
            .as("only bootstrap depends on the embedded library");

    /** The embedded library wires the persistence adapter alone: no HTTP server, no Cognito, no AWS SDK. */
    public static final ArchRule EMBEDDED_USES_ONLY_PERSISTENCE = classes()
            .that()
            .resideInAPackage(EMBEDDED)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(EMBEDDED, APPLICATION, DOMAIN, BASE + ".adapter.persistence", "java..", "javax.sql..")
            .as("embedded depends on the application, the domain and the persistence adapter only");

    /**
     * Embedders see the inbound ports: no public method of the library's API returns a service or jOOQ type (its
     * internal {@code wiring} package, which bootstrap shares, excepted).
     */
    public static final ArchRule EMBEDDED_API_SHOWS_ONLY_PORTS = methods()
            .that()
            .arePublic()
            .and()
            .areDeclaredInClassesThat(
                    resideInAPackage(EMBEDDED).and(resideOutsideOfPackage(BASE + ".embedded.wiring..")))
            .should()
            .haveRawReturnType(resideInAnyPackage(BASE + ".application.service..", ADAPTERS, "org.jooq..")
                    .negate()
                    .as("a type of the published API"))
            .as("the embedded library's API returns ports and values, never services or adapter types");

    // jOOQ's generated classes (tables <-> schema) are cyclic by design and are not ours to arrange.
    public static final ArchRule NO_PACKAGE_CYCLES = slices().matching(BASE + ".(**)")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(resideInAPackage(GENERATED), resideInAPackage(GENERATED))
            .as("no cycles between packages");

    public static final ArchRule JOOQ_ONLY_IN_PERSISTENCE =
            frameworkOnlyIn("org.jooq..", BASE + ".adapter.persistence..");
    public static final ArchRule FLYWAY_AND_JDBC_POOL_ONLY_IN_PERSISTENCE = noClasses()
            .that()
            .resideOutsideOfPackages(BASE + ".adapter.persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.flywaydb..", "com.zaxxer.hikari..")
            .as("Flyway and HikariCP are used only by the persistence adapter");
    public static final ArchRule UNDERTOW_ONLY_IN_REST = frameworkOnlyIn("io.undertow..", BASE + ".adapter.rest..");
    public static final ArchRule JACKSON_ONLY_IN_REST =
            frameworkOnlyIn("com.fasterxml.jackson..", BASE + ".adapter.rest..");
    public static final ArchRule NIMBUS_ONLY_IN_AUTH = frameworkOnlyIn("com.nimbusds..", BASE + ".adapter.auth..");
    /** S3 for images, and Cognito's AdminDeleteUser next to the token checks of the same user pool. */
    public static final ArchRule AWS_SDK_ONLY_IN_STORAGE_AND_AUTH = noClasses()
            .that()
            .resideOutsideOfPackages(BASE + ".adapter.storage..", BASE + ".adapter.auth..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("software.amazon..")
            .as("software.amazon is used only in adapter.storage and adapter.auth");

    public static final ArchRule USE_CASES_ARE_INTERFACES = classes()
            .that()
            .resideInAPackage(BASE + ".application.port.in..")
            .and()
            .haveSimpleNameEndingWith("UseCase")
            .should()
            .beInterfaces()
            .as("inbound ports (...UseCase) are interfaces");

    public static final ArchRule OUTBOUND_PORTS_ARE_INTERFACES = classes()
            .that()
            .resideInAPackage(BASE + ".application.port.out..")
            .and()
            .haveSimpleNameEndingWith("Repository")
            .should()
            .beInterfaces()
            .as("outbound repository ports are interfaces");

    // Directions inside the hexagon, inbound side (issue 26): the REST adapter reaches the application through the
    // inbound ports alone, and the failures a use case may throw live in application.error, which both sides see.

    public static final ArchRule REST_USES_NO_OUTBOUND_PORT = noClasses()
            .that()
            .resideInAPackage(BASE + ".adapter.rest..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BASE + ".application.port.out..")
            .as("adapter.rest uses no application.port.out type (failures a use case throws are in application.error)");

    public static final ArchRule ADAPTERS_USE_NO_SERVICE = noClasses()
            .that()
            .resideInAPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BASE + ".application.service..")
            .as("adapters use no application.service class (only the composition roots construct services)");

    public static final ArchRule OUTBOUND_PORTS_USE_NO_INBOUND_TYPE = noClasses()
            .that()
            .resideInAPackage(BASE + ".application.port.out..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BASE + ".application.port.in..")
            .as("application.port.out uses no application.port.in type");

    /** The HTTP server machinery (listener, decoding, CORS, request ids, JSON writing) knows no use case or route. */
    public static final ArchRule REST_SERVER_KNOWS_NO_APPLICATION = noClasses()
            .that()
            .resideInAPackage(BASE + ".adapter.rest.http.server..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, BASE + ".adapter.rest", BASE + ".adapter.rest.http")
            .as("adapter.rest.http.server uses no application, domain or route-plumbing type");

    // Persistence machinery (issue 26): the JDBC plumbing is fenced off from what the adapter stores.

    /** The persistence adapter's JDBC plumbing (rendered reads, pools, replica routing, SQLSTATEs). */
    static final String PERSISTENCE_JDBC = BASE + ".adapter.persistence.jdbc..";

    /**
     * The JDBC plumbing knows SQL, pools and connections, never the application, the domain or the repositories
     * around it: what it must make of an outage or whose reads it routes, it is given.
     */
    public static final ArchRule PERSISTENCE_JDBC_KNOWS_NO_APPLICATION_OR_DOMAIN = noClasses()
            .that()
            .resideInAPackage(PERSISTENCE_JDBC)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, BASE + ".adapter.persistence")
            .allowEmptyShould(false)
            .as("the persistence adapter's jdbc package uses no application, domain or repository class");

    private static ArchRule frameworkOnlyIn(String framework, String owner) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(owner)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(framework)
                .as(framework.replace("..", "") + " is used only in " + owner.replace("..", ""));
    }
}
