package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LiveEventChannelTest {

    @Test
    void recipientsTravelInPayloadsBelowPostgresLimitAndComeBackWhole() {
        String[] recipients = IntStream.range(0, 2_000)
                .mapToObj(i -> "user-" + i + "-ünïcödé-" + "x".repeat(30))
                .toArray(String[]::new);

        String[] payloads = LiveEventChannel.payloads(recipients);

        assertThat(payloads.length).isGreaterThan(1);
        assertThat(payloads)
                .allSatisfy(payload -> assertThat(payload.getBytes(StandardCharsets.UTF_8).length)
                        .isLessThan(8_000));
        Set<UserId> back = new HashSet<>();
        Arrays.stream(payloads).map(LiveEventChannel::recipients).forEach(back::addAll);
        assertThat(back)
                .hasSize(recipients.length)
                .containsAll(Arrays.stream(recipients).map(UserId::of).toList());
    }

    @Test
    void aForeignPayloadWakesNobodyItCannotName() {
        assertThat(LiveEventChannel.recipients("\n\n" + "y".repeat(80) + "\nann"))
                .containsExactly(UserId.of("ann"));
    }
}
