package com.pagenow.userapi.adapter.rest.http.server;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids {@link RequestIds} makes up for requests that bring none (over HTTP: {@code RequestIdTest}). */
class RequestIdsTest {

    @Test
    void aNewIdIsARandomUuidInItsCanonicalForm() {
        for (int i = 0; i < 1_000; i++) {
            String id = RequestIds.newId();
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).as(id).isEqualTo(4);
            assertThat(parsed.variant()).as(id).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(id);
        }
    }

    @Test
    void newIdsDifferFromEachOther() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(RequestIds.newId()))
                    .as("id %d repeats an earlier one", i)
                    .isTrue();
        }
    }
}
