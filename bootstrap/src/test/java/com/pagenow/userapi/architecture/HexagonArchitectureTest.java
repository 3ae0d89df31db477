package com.pagenow.userapi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the production classes of every module (this module sees them all) against the hexagon rules. */
class HexagonArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // shared test fixtures
                .importPackages("com.pagenow.userapi");
    }

    @Test
    void importsClassesOfEveryModule() {
        // Guards against rules passing vacuously because a module's classes were not found.
        for (String module : new String[] {
            "domain",
            "application",
            "adapter.persistence",
            "adapter.rest",
            "adapter.auth",
            "adapter.storage",
            "embedded",
            "bootstrap"
        }) {
            assertThat(production.stream()
                            .anyMatch(c -> c.getPackageName().startsWith("com.pagenow.userapi." + module)))
                    .as("classes of %s imported", module)
                    .isTrue();
        }
    }

    @Test
    void domainUsesOnlyTheJdk() {
        HexagonRules.DOMAIN_USES_ONLY_THE_JDK.check(production);
    }

    @Test
    void applicationUsesOnlyDomainAndValidationApi() {
        HexagonRules.APPLICATION_USES_ONLY_DOMAIN_AND_VALIDATION_API.check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        HexagonRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(production);
    }

    @Test
    void onlyBootstrapDependsOnAdapters() {
        HexagonRules.ONLY_BOOTSTRAP_DEPENDS_ON_ADAPTERS.check(production);
    }

    @Test
    void onlyBootstrapDependsOnTheEmbeddedLibrary() {
        HexagonRules.ONLY_BOOTSTRAP_DEPENDS_ON_EMBEDDED.check(production);
    }

    @Test
    void embeddedLibraryUsesOnlyThePersistenceAdapter() {
        HexagonRules.EMBEDDED_USES_ONLY_PERSISTENCE.check(production);
    }

    @Test
    void embeddedLibraryShowsOnlyPorts() {
        HexagonRules.EMBEDDED_API_SHOWS_ONLY_PORTS.check(production);
    }

    @Test
    void noCyclesBetweenPackages() {
        HexagonRules.NO_PACKAGE_CYCLES.check(production);
    }

    @Test
    void jooqOnlyInPersistence() {
        HexagonRules.JOOQ_ONLY_IN_PERSISTENCE.check(production);
    }

    @Test
    void flywayAndPoolOnlyInPersistence() {
        HexagonRules.FLYWAY_AND_JDBC_POOL_ONLY_IN_PERSISTENCE.check(production);
    }

    @Test
    void undertowOnlyInRest() {
        HexagonRules.UNDERTOW_ONLY_IN_REST.check(production);
    }

    @Test
    void jacksonOnlyInRest() {
        HexagonRules.JACKSON_ONLY_IN_REST.check(production);
    }

    @Test
    void nimbusOnlyInAuth() {
        HexagonRules.NIMBUS_ONLY_IN_AUTH.check(production);
    }

    @Test
    void awsSdkOnlyInStorage() {
        HexagonRules.AWS_SDK_ONLY_IN_STORAGE_AND_AUTH.check(production);
    }

    @Test
    void useCasesAreInterfaces() {
        HexagonRules.USE_CASES_ARE_INTERFACES.check(production);
    }

    @Test
    void outboundPortsAreInterfaces() {
        HexagonRules.OUTBOUND_PORTS_ARE_INTERFACES.check(production);
    }

    // Inbound side (issue 26).

    @Test
    void restUsesNoOutboundPort() {
        HexagonRules.REST_USES_NO_OUTBOUND_PORT.check(production);
    }

    @Test
    void adaptersUseNoService() {
        HexagonRules.ADAPTERS_USE_NO_SERVICE.check(production);
    }

    @Test
    void outboundPortsUseNoInboundType() {
        HexagonRules.OUTBOUND_PORTS_USE_NO_INBOUND_TYPE.check(production);
    }

    @Test
    void restServerMachineryKnowsNoApplication() {
        HexagonRules.REST_SERVER_KNOWS_NO_APPLICATION.check(production);
    }

    // Persistence machinery (issue 26).

    @Test
    void persistenceJdbcPlumbingKnowsNoApplicationOrDomain() {
        HexagonRules.PERSISTENCE_JDBC_KNOWS_NO_APPLICATION_OR_DOMAIN.check(production);
    }
}
