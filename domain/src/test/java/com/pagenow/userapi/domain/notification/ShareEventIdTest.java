package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShareEventIdTest {

    @Test
    void canonicalTextIsReadInEitherCase() {
        UUID uuid = UUID.fromString("3f2b8c1e-9d4a-4e7b-8a6f-0c1d2e3f4a5b");

        assertThat(ShareEventId.parse("3f2b8c1e-9d4a-4e7b-8a6f-0c1d2e3f4a5b").value())
                .isEqualTo(uuid);
        assertThat(ShareEventId.parse("3F2B8C1E-9D4A-4E7B-8A6F-0C1D2E3F4A5B").value())
                .isEqualTo(uuid);
        assertThat(ShareEventId.parse("3F2B8C1E-9D4A-4E7B-8A6F-0C1D2E3F4A5B")).hasToString(uuid.toString());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "not-a-uuid",
                "1-1-1-1-1",
                "3f2b8c1e9d4a4e7b8a6f0c1d2e3f4a5b",
                "3f2b8c1e-9d4a-4e7b-8a6f-0c1d2e3f4a5",
                "3f2b8c1e-9d4a-4e7b-8a6f-0c1d2e3f4a5bb",
                "zf2b8c1e-9d4a-4e7b-8a6f-0c1d2e3f4a5b",
                "{3f2b8c1e-9d4a-4e7b-8a6f-0c1d2e3f4a5b}"
            })
    void anythingElseIsRejectedForEventId(String text) {
        assertThatThrownBy(() -> ShareEventId.parse(text)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("event_id");
            assertThat(e.getMessage()).isEqualTo("must be a UUID");
        });
    }
}
