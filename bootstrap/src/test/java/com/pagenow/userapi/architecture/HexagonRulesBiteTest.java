package com.pagenow.userapi.architecture;

import com.pagenow.userapi.adapter.auth.archfixture.AuthCallingRest;
import com.pagenow.userapi.adapter.persistence.jdbc.archfixture.JdbcPlumbingKnowingUsers;
import com.pagenow.userapi.adapter.rest.archfixture.RestUsingAuthAdapter;
import com.pagenow.userapi.adapter.rest.archfixture.RestUsingEmbeddedLibrary;
import com.pagenow.userapi.adapter.rest.archfixture.RestUsingOutboundPort;
import com.pagenow.userapi.adapter.rest.archfixture.RestUsingStorageAdapter;
import com.pagenow.userapi.adapter.rest.http.server.archfixture.ServerMachineryUsingUserId;
import com.pagenow.userapi.adapter.storage.archfixture.StorageUsingPersistence;
import com.pagenow.userapi.adapter.storage.archfixture.StorageUsingService;
import com.pagenow.userapi.application.archfixture.ServiceUsingRestAdapter;
import com.pagenow.userapi.application.port.out.archfixture.OutboundPortUsingCommand;
import com.pagenow.userapi.domain.archfixture.DomainValueUsingJdbc;
import com.pagenow.userapi.embedded.archfixture.EmbeddedUsingUndertow;
import com.pagenow.userapi.embedded.archfixture.LibraryLeakingService;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule fails on a deliberately wrong class (fixtures under src/test), so the rules are known to bite. */
class HexagonRulesBiteTest {

    private static final JavaClasses PLANTED = new ClassFileImporter()
            .importClasses(
                    DomainValueUsingJdbc.class,
                    ServiceUsingRestAdapter.class,
                    RestUsingAuthAdapter.class,
                    AuthCallingRest.class,
                    RestUsingStorageAdapter.class,
                    StorageUsingPersistence.class,
                    RestUsingEmbeddedLibrary.class,
                    EmbeddedUsingUndertow.class,
                    LibraryLeakingService.class,
                    // Inbound side (issue 26).
                    RestUsingOutboundPort.class,
                    StorageUsingService.class,
                    OutboundPortUsingCommand.class,
                    ServerMachineryUsingUserId.class,
                    // Persistence machinery (issue 26).
                    JdbcPlumbingKnowingUsers.class);

    @Test
    void domainRuleCatchesDomainClassUsingJooq() {
        assertBites(HexagonRules.DOMAIN_USES_ONLY_THE_JDK, "DomainValueUsingJdbc");
    }

    @Test
    void applicationRuleCatchesServiceUsingAdapterType() {
        assertBites(HexagonRules.APPLICATION_USES_ONLY_DOMAIN_AND_VALIDATION_API, "ServiceUsingRestAdapter");
    }

    @Test
    void adapterRuleCatchesAdapterUsingAnotherAdapter() {
        assertBites(HexagonRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, "RestUsingAuthAdapter");
    }

    @Test
    void onlyBootstrapRuleCatchesApplicationUsingAdapter() {
        assertBites(HexagonRules.ONLY_BOOTSTRAP_DEPENDS_ON_ADAPTERS, "ServiceUsingRestAdapter");
    }

    @Test
    void cycleRuleCatchesPackagesUsingEachOther() {
        assertBites(HexagonRules.NO_PACKAGE_CYCLES, "archfixture");
    }

    @Test
    void jooqRuleCatchesJooqOutsidePersistence() {
        assertBites(HexagonRules.JOOQ_ONLY_IN_PERSISTENCE, "DomainValueUsingJdbc");
    }

    @Test
    void undertowRuleCatchesUndertowOutsideRest() {
        assertBites(HexagonRules.UNDERTOW_ONLY_IN_REST, "AuthCallingRest");
    }

    @Test
    void jacksonRuleCatchesJacksonOutsideRest() {
        assertBites(HexagonRules.JACKSON_ONLY_IN_REST, "ServiceUsingRestAdapter");
    }

    @Test
    void nimbusRuleCatchesNimbusOutsideAuth() {
        assertBites(HexagonRules.NIMBUS_ONLY_IN_AUTH, "RestUsingAuthAdapter");
    }

    @Test
    void awsSdkRuleCatchesTheSdkOutsideStorage() {
        assertBites(HexagonRules.AWS_SDK_ONLY_IN_STORAGE_AND_AUTH, "RestUsingStorageAdapter");
    }

    @Test
    void adapterRuleCatchesRestUsingTheStorageAdapterAndStorageUsingPersistence() {
        assertBites(HexagonRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, "RestUsingStorageAdapter");
        assertBites(HexagonRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, "StorageUsingPersistence");
    }

    @Test
    void embeddedRuleCatchesAnAdapterUsingTheLibrary() {
        assertBites(HexagonRules.ONLY_BOOTSTRAP_DEPENDS_ON_EMBEDDED, "RestUsingEmbeddedLibrary");
    }

    @Test
    void embeddedRuleCatchesTheLibraryUsingUndertow() {
        assertBites(HexagonRules.EMBEDDED_USES_ONLY_PERSISTENCE, "EmbeddedUsingUndertow");
    }

    @Test
    void embeddedApiRuleCatchesAMethodReturningAService() {
        assertBites(HexagonRules.EMBEDDED_API_SHOWS_ONLY_PORTS, "LibraryLeakingService.friendships()");
    }

    // Inbound side (issue 26).

    @Test
    void restRuleCatchesRestUsingAnOutboundPort() {
        assertBites(HexagonRules.REST_USES_NO_OUTBOUND_PORT, "RestUsingOutboundPort");
    }

    @Test
    void serviceRuleCatchesAnAdapterUsingAService() {
        assertBites(HexagonRules.ADAPTERS_USE_NO_SERVICE, "StorageUsingService");
    }

    @Test
    void outboundPortRuleCatchesAPortTakingACommand() {
        assertBites(HexagonRules.OUTBOUND_PORTS_USE_NO_INBOUND_TYPE, "OutboundPortUsingCommand");
    }

    @Test
    void serverRuleCatchesTheMachineryUsingADomainType() {
        assertBites(HexagonRules.REST_SERVER_KNOWS_NO_APPLICATION, "ServerMachineryUsingUserId");
    }

    // Persistence machinery (issue 26).

    @Test
    void persistenceJdbcRuleCatchesPlumbingUsingADomainType() {
        assertBites(HexagonRules.PERSISTENCE_JDBC_KNOWS_NO_APPLICATION_OR_DOMAIN, "JdbcPlumbingKnowingUsers");
    }

    private static void assertBites(ArchRule rule, String offender) {
        assertThatThrownBy(() -> rule.check(PLANTED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender);
    }
}
