package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageUrlTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com",
                "http://example.com/",
                "HTTPS://Example.com/Path?q=1#top",
                "https://en.wikipedia.org/wiki/Hexagonal_architecture_(software)",
                "https://example.com:8443/a/b",
                "http://user:secret@example.com/",
                "http://[2001:db8::1]:8080/x",
                "http://127.0.0.1/",
                "https://서울.kr/검색?q=책",
                "https://example.com/search?q=a|b&x={1}^2`",
                "https://example.com/100%",
                "https://example.com?only=query",
                "https://example.com#only-fragment"
            })
    void absoluteHttpAndHttpsAddressesAreAccepted(String address) {
        assertThat(PageUrl.of(address).value()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "example.com/page",
                "/relative/path",
                "ftp://example.com/file",
                "javascript:alert(1)",
                "mailto:someone@example.com",
                "chrome-extension://abcdef/options.html",
                "https:example.com",
                "https://",
                "https:///path",
                "https://:8080/",
                "https://user@/",
                "https://example.com:80a/",
                "http://[2001:db8::1/",
                "https://exa mple.com/",
                "https://example.com/a b",
                "https://example.com/\u0000"
            })
    void otherAddressesAreRejectedForUrl(String address) {
        assertThatThrownBy(() -> PageUrl.of(address)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("url");
            assertThat(e.getMessage()).isEqualTo("must be an absolute http or https URL");
        });
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void blankAddressIsRejected(String address) {
        assertThatThrownBy(() -> PageUrl.of(address))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("must not be blank"));
    }

    @Test
    void surroundingWhitespaceIsDropped() {
        assertThat(PageUrl.of("  https://example.com/x \n").value()).isEqualTo("https://example.com/x");
    }

    @Test
    void addressOf2048CharactersIsAcceptedAndOneMoreIsNot() {
        String prefix = "https://example.com/";
        String longest = prefix + "a".repeat(PageUrl.MAX_LENGTH - prefix.length());

        assertThat(PageUrl.of(longest).value()).hasSize(2048);
        assertThatThrownBy(() -> PageUrl.of(longest + "a"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("must be at most 2048 characters"));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String prefix = "https://example.com/";
        String emoji = "\uD83D\uDE00";
        String longest = prefix + emoji.repeat(PageUrl.MAX_LENGTH - prefix.length());

        assertThat(PageUrl.of(longest).value()).isEqualTo(longest);
    }
}
