package com.pagenow.userapi.domain.text;

import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No value that reaches the database holds a NUL; no user id holds any control character. */
class StoredTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000",
                "a\u0000",
                "\u0001b",
                "a\tb",
                "a\nb",
                "a\rb",
                "a\u001Fb",
                "a\u007Fb",
                "a\u0085b",
                "a\u009Fb"
            })
    void userIdsRefuseEveryControlCharacter(String id) {
        assertThatThrownBy(() -> UserId.of(id)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("user_id");
            assertThat(e.getMessage()).isEqualTo(StoredText.CONTROL_MESSAGE);
        });
    }

    @Test
    void userIdsKeepPrintableUnicodeAndPunctuation() {
        assertThat(UserId.of("이용균_o'brien%_\\").value()).isEqualTo("이용균_o'brien%_\\");
    }

    @Test
    void freeTextRefusesNulButKeepsTabsAndLineBreaks() {
        assertThat(ProfileText.description("line one\n\tline two\r\n").value()).isEqualTo("line one\n\tline two");
        assertThat(PageTitle.of("a\ttitle\nover lines").value()).isEqualTo("a\ttitle\nover lines");

        assertThatThrownBy(() -> ProfileText.description("a\u0000b"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("description");
                    assertThat(e.getMessage()).isEqualTo(StoredText.NUL_MESSAGE);
                });
        assertThatThrownBy(() -> ProfileText.detail("school", "\u0000"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("school"));
        assertThatThrownBy(() -> PageTitle.of("title\u0000"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("title"));
        assertThatThrownBy(() -> PersonName.of("Al\u0000ice"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> Email.of("a\u0000@example.com"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void checksAnswerTheValueUnchangedWhenItIsClean() {
        assertThat(StoredText.requireNoNul("q", "a\tb")).isEqualTo("a\tb");
        assertThat(StoredText.requireNoControlCharacter("id", "ab")).isEqualTo("ab");
        assertThat(StoredText.containsNul(null)).isFalse();
        assertThat(StoredText.containsControlCharacter(null)).isFalse();
    }
}
