package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small values of a profile: each one that can be constructed is valid. */
class UserValuesTest {

    @Test
    void userIdsAreOneToFiftyCharacters() {
        assertThat(UserId.of("x".repeat(50)).value()).hasSize(50);
        assertThatThrownBy(() -> UserId.of("x".repeat(51))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> UserId.of(" ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> UserId.of(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void namesAreTrimmedAndOneToFiftyCharacters() {
        assertThat(PersonName.of("  Łukasz ").value()).isEqualTo("Łukasz");
        assertThat(PersonName.of("이용균").value()).isEqualTo("이용균");
        assertThat(PersonName.of(" " + "n".repeat(50) + " ").value()).hasSize(50);
        assertThatThrownBy(() -> PersonName.of("n".repeat(51))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PersonName.of("   ")).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-at-sign", "@example.com", "a@", "a@b@c"})
    void emailsNeedOneAtWithTextOnBothSides(String raw) {
        assertThatThrownBy(() -> Email.of(raw)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void emailsAreKeptAsTheProviderSpellsThem() {
        assertThat(Email.of(" Mixed.Case@Example.com ").value()).isEqualTo("Mixed.Case@Example.com");
    }

    @Test
    void profileTextsHaveTheirLimitsAndNameTheirField() {
        assertThat(ProfileText.description("d".repeat(500)).value()).hasSize(500);
        assertThatThrownBy(() -> ProfileText.description("d".repeat(501)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("description"));
        assertThat(ProfileText.detail("school", null).value()).isEmpty();
        assertThatThrownBy(() -> ProfileText.detail("school", "s".repeat(101)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("school"));
    }

    @Test
    void shareModeIsOneOfTwoCodes() {
        assertThat(ShareMode.fromCode("default_all")).isEqualTo(ShareMode.DEFAULT_ALL);
        assertThat(ShareMode.fromCode("default_none")).isEqualTo(ShareMode.DEFAULT_NONE);
        assertThatThrownBy(() -> ShareMode.fromCode("DEFAULT_ALL"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("shareMode"));
    }
}
