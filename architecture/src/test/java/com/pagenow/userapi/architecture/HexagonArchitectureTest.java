package com.pagenow.userapi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedders' rules pass on a well-wired service and name each planted violation of a badly wired one. */
class HexagonArchitectureTest {

    private static final String GOOD = "com.example.archfixture.good";
    private static final String BAD = "com.example.archfixture.bad";

    @Test
    void aServiceWhoseAdaptersUseOnlyPortsPasses() {
        JavaClasses classes = new ClassFileImporter().importPackages(GOOD);
        assertThatCode(() -> HexagonArchitecture.check(HexagonArchitecture.rulesFor(GOOD), classes))
                .doesNotThrowAnyException();
    }

    @Test
    void anAdapterUsingAServiceClassAnotherAdapterOrBeingKnownOutsideTheWiringFails() {
        JavaClasses classes = new ClassFileImporter().importPackages(BAD);
        assertThatThrownBy(() -> HexagonArchitecture.check(HexagonArchitecture.rulesFor(BAD), classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("reach user-api through its ports only")
                .hasMessageContaining("FriendshipQueryService")
                .hasMessageContaining("do not depend on each other")
                .hasMessageContaining("SqlStore")
                .hasMessageContaining("only com.example.archfixture.bad.bootstrap depends on the adapters")
                .hasMessageContaining("CoreUsingAdapter");
    }

    @Test
    void aServiceWithoutAdaptersFailsRatherThanPassingOnNothing() {
        JavaClasses classes = new ClassFileImporter().importPackages("com.example.archfixture.none");
        assertThatThrownBy(() -> HexagonArchitecture.check(
                        HexagonArchitecture.rulesFor("com.example.archfixture.none"), classes))
                .isInstanceOf(AssertionError.class);
    }
}
