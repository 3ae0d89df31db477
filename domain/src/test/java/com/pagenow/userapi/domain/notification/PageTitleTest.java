package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTitleTest {

    @Test
    void titleIsKeptAsGiven() {
        assertThat(PageTitle.of("  Hexagonal architecture – Wikipedia ").value())
                .isEqualTo("  Hexagonal architecture – Wikipedia ");
    }

    @Test
    void pagesWithoutTitleShareAnEmptyOne() {
        assertThat(PageTitle.of("").value()).isEmpty();
    }

    @Test
    void titleOf500CharactersIsAcceptedAndOneMoreIsNot() {
        assertThat(PageTitle.of("t".repeat(500)).value()).hasSize(500);
        assertThatThrownBy(() -> PageTitle.of("t".repeat(501)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("title");
                    assertThat(e.getMessage()).isEqualTo("must be at most 500 characters");
                });
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String title = "\uD83D\uDCDA".repeat(500);

        assertThat(PageTitle.of(title).value()).isEqualTo(title);
    }

    @Test
    void missingTitleIsRejected() {
        assertThatThrownBy(() -> PageTitle.of(null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("title"));
    }
}
