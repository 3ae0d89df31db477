package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainNameTest {

    @ParameterizedTest
    @CsvSource({
        "example.com, example.com",
        "' Example.COM ', example.com",
        "sub.example.co.kr, sub.example.co.kr",
        "research.google, research.google",
        "artificial-intelligence.blog, artificial-intelligence.blog",
        "a1.b2, a1.b2",
        "한국.kr, 한국.kr",
        "Bücher.DE, bücher.de"
    })
    void hostNamesAreTrimmedAndLowerCased(String raw, String expected) {
        assertThat(DomainName.of(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "localhost",
                "http://example.com",
                "example.com/path",
                "example.com:443",
                "-example.com",
                "example-.com",
                "exa_mple.com",
                "example..com",
                ".example.com",
                "example.com.",
                "user@example.com",
                "exa mple.com",
                "*.example.com"
            })
    void anythingButAHostNameIsRejected(String raw) {
        assertThatThrownBy(() -> DomainName.of(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("domain"));
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64})
    void labelsAreAtMost63Characters(int labelLength) {
        String name = "a".repeat(labelLength) + ".com";
        if (labelLength <= 63) {
            assertThat(DomainName.of(name).value()).isEqualTo(name);
        } else {
            assertThatThrownBy(() -> DomainName.of(name)).isInstanceOf(InvalidValueException.class);
        }
    }
}
