package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTextTest {

    @Test
    void textIsTrimmed() {
        assertThat(SearchText.of("  Ada Love \t").value()).isEqualTo("Ada Love");
    }

    @Test
    void oneTrailingBackslashIsDropped() {
        assertThat(SearchText.of("ada\\").value()).isEqualTo("ada");
        assertThat(SearchText.of("ada\\\\ ").value()).isEqualTo("ada\\");
    }

    @Test
    void wildcardsAndBackslashesInsideAreKept() {
        assertThat(SearchText.of("50%_off\\x").value()).isEqualTo("50%_off\\x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\\", " \\ "})
    void emptyTextIsRejectedAsFieldQ(String raw) {
        assertThatThrownBy(() -> SearchText.of(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("q"));
    }

    @Test
    void missingTextIsRejected() {
        assertThatThrownBy(() -> SearchText.of(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void textOfMaximumLengthIsAcceptedAndLongerRejected() {
        String korean = "이".repeat(SearchText.MAX_LENGTH);
        assertThat(SearchText.of(korean).value()).isEqualTo(korean);
        assertThatThrownBy(() -> SearchText.of(korean + "용"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("q"));
    }

    @Test
    void nulCharacterIsRejected() {
        assertThatThrownBy(() -> SearchText.of("a\0b")).isInstanceOf(InvalidValueException.class);
    }
}
