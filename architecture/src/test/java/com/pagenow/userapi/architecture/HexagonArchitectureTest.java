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
        assertThatCode(() -> HexagonArchitecture.rulesFor(GOOD).check(classes)).doesNotThrowAnyException();
    }

    @Test
    void anAdapterUsingAServiceClassAnotherAdapterOrBeingKnownOutsideTheWiringFails() {
        JavaClasses classes = new ClassFileImporter().importPackages(BAD);
        assertThatThrownBy(() -> HexagonArchitecture.rulesFor(BAD).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("reach user-api through its ports only")
                .hasMessageContaining("FriendshipQueryService")
                .hasMessageContaining("do not depend on each other")
                .hasMessageContaining("CoreUsingAdapter");
    }

    @Test
    void aServiceWithoutAdaptersFailsRatherThanPassingOnNothing() {
        JavaClasses classes = new ClassFileImporter().importPackages("com.example.archfixture.none");
        assertThatThrownBy(() -> HexagonArchitecture.rulesFor("com.example.archfixture.none").check(classes))
                .isInstanceOf(AssertionError.class);
    }
}
